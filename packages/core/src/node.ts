/** @module @edge-ecg/core/node: the universal entry plus Node-only file-system helpers. */

export * from './index';

// Kaggle-format CSV files read from disk as streams.
export { loadKaggleCsv, loadKaggleCsvFiles } from './data/load-kaggle-csv';
export type { LoadKaggleCsvOptions } from './data/load-kaggle-csv';
export { readFileChunks, DEFAULT_READ_CHUNK_BYTES } from './data/read-text-file';
export type { ReadFileChunksOptions } from './data/read-text-file';

// Saved model directories (model.json + weights.bin + manifest.json), written atomically.
export { saveModelToDirectory, loadModelFromDirectory } from './io/model-directory';
