/** @module Types of browser-report.js, the Chromium part's rows, result and formatting. */
import type { Measures } from '../lib/bench-report';

/** The keys of the Chromium table's rows: a system and its thread count. */
export type BrowserRowKey = 'ours1' | 'ours2' | 'ortWeb1' | 'ortWeb2';

/** One row of the Chromium table. */
export interface BrowserRowSpec {
  key: BrowserRowKey;
  system: 'ours' | 'ortWeb';
  threads: 1 | 2;
  /** As printed, e.g. `ours·2t`. */
  label: string;
}

/** What actually ran on the page. */
export interface PageIsolation {
  crossOriginIsolated: boolean;
  /** tfjs-backend-wasm's binary (`threaded-simd`, `simd`, `plain`) or `ort-wasm-simd-threaded`. */
  wasmBinary: string;
  /** The threads the runtime reports it runs. */
  threads: number;
  requestedThreads: number;
  /** What the page's `navigator.hardwareConcurrency` said. */
  hardwareConcurrency: number;
}

/** A row as the Chromium part's child prints it; the measures are null where unknown. */
export interface BrowserRow extends Measures {
  /** Null when the row did not run. */
  isolation: PageIsolation | null;
  /** The renderer's CPU seconds per wall second in each step (train is null when none ran). */
  cpuPerWall?: { train: number | null; infer: number };
  /** The page's JS heap in MB at the end (CDP Performance.getMetrics). */
  jsHeapMb?: number | null;
  versions: Record<string, string>;
  notes: string[];
  /** True when it should have run but failed. */
  failed: boolean;
}

/** The `browser` key of `--json`: each row's measures, and ours/ortWeb at the same threads. */
export interface BrowserResult extends Record<BrowserRowKey, Measures> {
  ratios: { ortWeb1: Measures; ortWeb2: Measures };
}

export const BROWSER_ROWS: readonly BrowserRowSpec[];
export const BROWSER_TITLE: string;
export function unavailableRow(note: string, failed: boolean): BrowserRow;
export function unavailableRows(note: string, failed: boolean): Record<BrowserRowKey, BrowserRow>;
export function buildBrowserResult(rows: Record<BrowserRowKey, BrowserRow>): BrowserResult;
export function formatBrowserTable(result: BrowserResult): string;
export function formatBrowserDetails(rows: Record<BrowserRowKey, BrowserRow>): string;
