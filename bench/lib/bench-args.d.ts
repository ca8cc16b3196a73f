/** @module Types of bench-args.js, the bench's command-line flags. */

/** The bench's systems, in table order; `ours` is the SDK. */
export type SystemName = 'ours' | 'pytorch' | 'tfjsWasm' | 'ortWeb' | 'ortNode';

/** How many untimed and timed runs of each measure. */
export interface RunCounts {
  epochs: number;
  warmupEpochs: number;
  inferRuns: number;
  inferWarmup: number;
  singleBeats: number;
  singleWarmup: number;
}

/** The parsed flags. */
export interface BenchOptions {
  help: boolean;
  json: boolean;
  quick: boolean;
  /** Run the Chromium part after the Node peers; `--no-browser` turns it off. */
  browser: boolean;
  systems: SystemName[];
  counts: RunCounts;
  seed: number;
  python: string | undefined;
}

export const SYSTEMS: readonly SystemName[];
export const DEFAULT_COUNTS: Readonly<RunCounts>;
export const QUICK_COUNTS: Readonly<RunCounts>;
export const DEFAULT_SEED: number;
export const USAGE: string;

/** Parses the flags after the script name. @throws {Error} on an unknown flag or bad value */
export function parseBenchArgs(argv: string[]): BenchOptions;

/** The flags of a peer's child process: `--json`, the counts and the seed. */
export function peerArgs(options: BenchOptions): string[];
