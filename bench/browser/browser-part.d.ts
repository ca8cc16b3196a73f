/** @module Types of browser-part.js, which runs the Chromium part for the bench runner. */
import type { BenchOptions } from '../lib/bench-args';
import type { BrowserRow, BrowserRowKey } from './browser-report';

/** The child's flags: `--json`, the counts, the seed, and `--peers` with the systems chosen. */
export function browserArgs(options: BenchOptions): string[];

/** Runs the Chromium part (or not, saying why); its four rows by key. */
export function runBrowserPart(options: BenchOptions): Record<BrowserRowKey, BrowserRow>;
