/** @module Types of bench-report.js, the bench's result and its formatting. */

/** One system's medians; null where it cannot train or did not run. */
export interface Measures {
  epochSeconds: number | null;
  inferBeatsPerSecond: number | null;
  singleBeatMs: number | null;
  peakRssMb: number | null;
}

export type MeasureName = keyof Measures;

/** The object `--json` prints as its last line. */
export interface BenchResult {
  ours: Measures;
  peers: Record<string, Measures>;
  /** ours/peer for each measure of each peer. */
  ratios: Record<string, Measures>;
}

/** A goal of issue #4: a bound on one ratio ours/peer. */
export interface Goal {
  measure: MeasureName;
  peer: string;
  bound: 'max' | 'min';
  ratio: number;
  text: string;
}

/** A goal with its measured ratio; `met` is null when a side is unknown. */
export interface GoalOutcome extends Goal {
  value: number | null;
  met: boolean | null;
}

/** What a system reports besides its measures. */
export interface SystemDetails {
  versions: Record<string, string | number>;
  notes: string[];
}

export const MEASURES: readonly MeasureName[];
export const GOALS: readonly Goal[];
export function emptyMeasures(): Measures;
export function pickMeasures(output: unknown): Measures;
/** @throws {Error} when `values` is empty */
export function median(values: number[]): number;
export function buildResult(ours: Measures, peers: Record<string, Measures>): BenchResult;
export function evaluateGoals(result: BenchResult): GoalOutcome[];
/** Named rows of measures under a heading row, aligned; one line per row, the heading first. */
export function formatMeasureRows(
  heading: string,
  rows: Array<[string, Measures]>,
  kind: 'median' | 'ratio',
): string[];
export function formatTable(result: BenchResult): string;
export function formatGoals(result: BenchResult): string;
export function formatDetails(details: Record<string, SystemDetails>): string;
export function toJsonLine(result: BenchResult): string;
