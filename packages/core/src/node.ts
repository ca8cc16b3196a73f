/** @module @edge-ecg/core/node: the universal entry plus Node-only file-system helpers. */

export * from './index';

// Kaggle-format CSV files read from disk as streams.
export { loadKaggleCsv, loadKaggleCsvFiles } from './data/load-kaggle-csv';
export type { LoadKaggleCsvOptions } from './data/load-kaggle-csv';
export { readFileChunks, DEFAULT_READ_CHUNK_BYTES } from './data/read-text-file';
export type { ReadFileChunksOptions } from './data/read-text-file';

// Saved model directories (model.json + weights.bin + manifest.json), written atomically.
export { saveModelToDirectory, loadModelFromDirectory } from './io/model-directory';

// Classifiers saved to and loaded from model directories.
export { saveClassifier, loadClassifier } from './classifier/classifier-store';

// Building blocks of the `edge-ecg` CLI, for the commands that `@edge-ecg/stream` adds.
export { runCli, EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT } from './cli/run-cli';
export { parseFlags, integerFlag, stringFlag, listFlag, requiredFlag } from './cli/cli-args';
export type { FlagSpec, Flags } from './cli/cli-args';
export { startBackend, WASM_PATHS_VARIABLE } from './cli/start-backend';
export type { CommandOutput } from './cli/command-output';
export type { RecordSplit, RecordSplitOptions, StreamPlugin } from './cli/stream-plugin';
