/** @module The data errors of the signal-column reader, one function per problem. */
import type { DataError } from '@edge-ecg/core';
import { dataProblem, quote } from '../wfdb/data-problem';

/** A row and, for cell problems, a 1-based field number. */
export interface RowLocation {
  file: string;
  line: number;
  column?: number;
}

/** A signal cell that is not a number. */
export function badSampleError(at: RowLocation, cell: string, columnLabel: string): DataError {
  return dataProblem(
    at,
    `a number in the signal column ${columnLabel}`,
    cell === '' ? 'an empty field' : quote(cell),
    'Write samples as plain decimals such as -0.145 or 1.2e-3, and NaN for a missing sample.',
  );
}

/** A time cell that is not a finite number. */
export function badTimeError(at: RowLocation, cell: string, columnLabel: string): DataError {
  return dataProblem(
    at,
    `a time in the time column ${columnLabel}`,
    cell === '' ? 'an empty field' : quote(cell),
    'Write times as plain decimals such as 0.0125.',
  );
}

/** A time no later than the row before. */
export function timeNotIncreasingError(at: RowLocation, cell: string, previous: number) {
  return dataProblem(
    at,
    `a time after ${previous}, as times must increase`,
    quote(cell),
    'Remove the repeated row, or sort the rows by time.',
  );
}

/** A row too short to hold the signal (or time) field. */
export function shortRowError(at: RowLocation, neededFields: number, found: number): DataError {
  return dataProblem(
    at,
    `at least ${neededFields} fields`,
    String(found),
    'Every row needs a value in the signal column (and the time column); fix or remove the row.',
  );
}

/** A column named in the options that the header does not have. */
export function unknownColumnError(at: RowLocation, name: string, names: string[]): DataError {
  return dataProblem(
    at,
    `a column named ${quote(name)} in the header`,
    `the columns ${names.map(quote).join(', ')}`,
    'Pass one of these names (in any case), or a 0-based column index.',
  );
}

/** A column given by name when the file has no header row. */
export function noHeaderError(at: RowLocation, name: string): DataError {
  return dataProblem(
    at,
    `a header row naming the column ${quote(name)}`,
    'a row of numbers',
    'Pass the column as a 0-based index instead, or add a header row.',
  );
}

/** A file with no data rows. */
export function noRowsError(file: string): DataError {
  return dataProblem(
    { file },
    'rows of samples',
    'none',
    'Check the path, and that the file was completely downloaded or written.',
  );
}

/** Too few rows to work the rate out from the time column. */
export function tooFewTimesError(file: string, rows: number): DataError {
  return dataProblem(
    { file },
    'at least 2 rows to work the sampling rate out from the time column',
    String(rows),
    'Pass sampleRateHz instead of timeColumn.',
  );
}
