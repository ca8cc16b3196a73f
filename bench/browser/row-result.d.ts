/** @module Types of row-result.js, which turns one page run into its row. */
import type { BrowserRow } from './browser-report';

/** What the page's `start` returned: its environment and the runtime that started. */
export interface PageStartInfo {
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  wasmBinary: string;
  threads: number;
  /** onnxruntime-web's version, on the ortWeb page only. */
  ortVersion?: string;
}

/** The page's steps as run-bench-page.js sampled them. */
export interface PageSteps {
  info: PageStartInfo;
  epochSeconds: number | null;
  inferBeatsPerSecond: number;
  singleBeatMs: number;
  peakRssMb: number | null;
  jsHeapMb: number | null;
  cpuPerWall: { train: number | null; infer: number };
  /** `EcgClassifier.inferencePath` on the ours page (null for a dist without it). */
  inferencePath?: unknown;
  /** `history.trainingPath` of the ours page's training (null for a dist without it). */
  trainingPath?: unknown;
}

/** One page run. */
export interface PageRun {
  row: { system: 'ours' | 'ortWeb'; threads: number };
  steps: PageSteps;
  /** The page's console warnings and errors and its uncaught errors. */
  messages: string[];
  /** What `navigator.hardwareConcurrency` was made to report, if anything. */
  reportedCores: number | undefined;
  machineCores: number;
}

/** The binary each system must run for its figures to be threaded-SIMD figures. */
export const THREADED_SIMD_BINARY: Readonly<Record<'ours' | 'ortWeb', string>>;

/** The row of one page run; its notes start with a loud warning when it was not threaded SIMD. */
export function buildRow(run: PageRun, versions: Record<string, string>): BrowserRow;
