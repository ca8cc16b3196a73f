/**
 * @module Reaches the commands and data sources that `@edge-ecg/stream` adds to the CLI.
 *
 * The stream package builds on core, so core loads it lazily, only for the commands that need
 * it, and says how to install it when it is missing.
 */
import type { BeatDataset } from '../data/beat-dataset';
import { UsageError } from '../errors';
import type { CommandOutput } from './command-output';

/** Options of the stream package's record split: `train --records`. */
export interface RecordSplitOptions {
  records: string[];
  testRecords: string[];
  labels: 'binary' | 'aami';
  seed: number;
}

/** Beats cut from recordings, split by record. */
export interface RecordSplit {
  train: BeatDataset;
  test: BeatDataset;
  source: string;
  /** Which records went where, and what was left out; shown in the report. */
  details: Record<string, unknown>;
}

/** What `@edge-ecg/stream` provides to the CLI. */
export interface StreamPlugin {
  streamCommands: Record<string, (argv: string[]) => Promise<CommandOutput>>;
  buildRecordSplit(options: RecordSplitOptions): Promise<RecordSplit>;
}

/**
 * The package's name, held in a variable so that building core does not need the stream
 * package's type declarations, which are built after core's.
 */
const STREAM_PACKAGE: string = '@edge-ecg/stream';

/** The CLI commands that live in the stream package. */
export const STREAM_COMMANDS = ['detect', 'beats', 'stream'] as const;

/** Loads `@edge-ecg/stream`. @throws {UsageError} when it is not installed. */
export async function loadStreamPlugin(): Promise<StreamPlugin> {
  try {
    // Load the build of the same format as this one (CommonJS here, ESM in the .mjs build):
    // an ESM copy under a CommonJS CLI would bring its own error classes and tfjs instance.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    if (typeof require === 'function') return require(STREAM_PACKAGE) as StreamPlugin;
    return (await import(STREAM_PACKAGE)) as unknown as StreamPlugin;
  } catch (error) {
    throw new UsageError(
      'This command needs @edge-ecg/stream, which is not installed: ' +
        'run `npm install @edge-ecg/stream`.',
      { cause: error },
    );
  }
}
