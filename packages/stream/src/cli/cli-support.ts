/** @module What the stream commands share: core's Node helpers, loaded lazily, and flags. */
import type { Flags } from '@edge-ecg/core/node';
import type { LeadSelector } from '../wfdb/select-leads';

/** Core's Node entry (flags, backend start, model loading), imported when a command runs. */
export type CoreNode = typeof import('@edge-ecg/core/node');

/**
 * Loads `@edge-ecg/core/node`; the stream package's universal entry never imports it eagerly.
 * The CommonJS build requires it, so that it shares error classes and tfjs with the CommonJS
 * core that runs the CLI; the ESM build imports it.
 */
export async function coreNode(): Promise<CoreNode> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  if (typeof require === 'function') return require('@edge-ecg/core/node') as CoreNode;
  return import('@edge-ecg/core/node');
}

/** `--lead`: a whole number is an index, anything else a name; undefined when not given. */
export function leadFlag(flags: Flags): LeadSelector | undefined {
  const raw = flags['lead'];
  if (typeof raw !== 'string') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** Writes a line and waits while the output's buffer is full, so a slow reader slows us down. */
export type LineWriter = (line: string) => Promise<void>;

/** A {@link LineWriter} on the process's standard output. */
export const writeStdoutLine: LineWriter = (line) =>
  new Promise((resolve, reject) => {
    const flushed = process.stdout.write(`${line}\n`, (error) =>
      error ? reject(error) : undefined,
    );
    if (flushed) resolve();
    else process.stdout.once('drain', () => resolve());
  });

/** The names of the flags that are set. */
export function setFlagNames(flags: object): string[] {
  return Object.entries(flags)
    .filter(([, value]) => value === true)
    .map(([name]) => name);
}

/** A percentile (0-100) of `values` by the nearest rank; NaN when empty. */
export function percentile(values: readonly number[], percent: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((percent / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
