/** @module Options of the CSV/TSV signal-column reader, their defaults and their checks. */
import { UsageError } from '@edge-ecg/core';
import { checkSampleRate } from './ecg-source';

/** The file name used in error messages when the caller gives none. */
export const DEFAULT_SIGNAL_FILE = 'signal.csv';

/** Field separators the reader accepts; `' '` means any run of spaces and tabs. */
export type ColumnDelimiter = ',' | ';' | '\t' | ' ';

/** The unit of a time column's values. */
export type TimeUnit = 's' | 'ms';

/** Options of the signal-column reader. Give exactly one of `sampleRateHz` and `timeColumn`. */
export interface SignalColumnOptions {
  /**
   * The signal column: a header name (in any case) or 0-based index.
   * @defaultValue the first column that is not the time column
   */
  column?: string | number;
  /**
   * The field separator.
   * @defaultValue 'auto': tab, else `;`, else `,`, else spaces, as the first line holds
   */
  delimiter?: ColumnDelimiter | 'auto';
  /**
   * Whether the first line names the columns.
   * @defaultValue 'auto': when a cell of it is not a number
   */
  header?: boolean | 'auto';
  /** Samples per second, when the file has no time column. */
  sampleRateHz?: number;
  /** A column of time stamps to work the sampling rate out from. */
  timeColumn?: string | number;
  /** The unit of the time column. @defaultValue 's' */
  timeUnit?: TimeUnit;
  /** The file name, for error messages. @defaultValue DEFAULT_SIGNAL_FILE */
  file?: string;
}

/** The options with defaults filled in and checked. */
export interface ResolvedColumnOptions {
  column: string | number | undefined;
  delimiter: ColumnDelimiter | 'auto';
  header: boolean | 'auto';
  sampleRateHz: number | undefined;
  timeColumn: string | number | undefined;
  millisecondsPerTimeUnit: number;
  file: string;
}

/**
 * Fills in defaults and checks the options.
 *
 * @throws UsageError when neither or both of `sampleRateHz` and `timeColumn` are given, the
 *   rate is not positive, or the signal and time columns are the same.
 */
export function resolveColumnOptions(options: SignalColumnOptions): ResolvedColumnOptions {
  const where = 'parseSignalColumns';
  const { sampleRateHz, timeColumn, column } = options;
  if ((sampleRateHz === undefined) === (timeColumn === undefined)) {
    const found = sampleRateHz === undefined ? 'neither' : 'both';
    throw new UsageError(
      `${where}: expected one of sampleRateHz and timeColumn, found ${found}. Pass ` +
        "sampleRateHz (such as 360), or timeColumn (such as 'time') to work the rate out.",
    );
  }
  if (column !== undefined && sameColumn(column, timeColumn)) {
    throw new UsageError(
      `${where}: expected the signal column to differ from the time column, found ` +
        `${JSON.stringify(column)} for both. Pass the signal column's name or index.`,
    );
  }
  return {
    column,
    delimiter: options.delimiter ?? 'auto',
    header: options.header ?? 'auto',
    sampleRateHz: sampleRateHz === undefined ? undefined : checkSampleRate(sampleRateHz, where),
    timeColumn,
    millisecondsPerTimeUnit: options.timeUnit === 'ms' ? 1 : 1000,
    file: options.file ?? DEFAULT_SIGNAL_FILE,
  };
}

function sameColumn(a: string | number, b: string | number | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
