/** @module The errors of the Kaggle-format CSV parser, one function per problem. */
import { DataError, type DataLocation } from '../errors';

/** The longest cell text quoted in a message; longer cells are cut with an ellipsis. */
const MAX_QUOTED_CELL_LENGTH = 40;

/** One cell of one row: the place a cell-level problem is reported at. */
export interface CellLocation {
  file: string;
  line: number;
  column: number;
}

/** The first row has a cell that is not a number. */
export function headerRowError(at: CellLocation, cell: string): DataError {
  return problem(
    at,
    'a number',
    `${quote(cell)} in the first row, which looks like a header`,
    'Kaggle-format files have no header row; delete the first line.',
  );
}

/** The first row holds the column numbers `first … last`, as a data frame's header does. */
export function numberedHeaderError(at: CellLocation, first: number, last: number): DataError {
  return problem(
    at,
    'a row of samples and a label',
    `the column numbers ${first} to ${last} in the first row, which look like a header`,
    'Kaggle-format files have no header row; delete the first line.',
  );
}

/** The first row has fewer than a sample and a label. */
export function tooFewFieldsError(at: CellLocation, found: number): DataError {
  return problem(
    at,
    'at least 2 fields (the samples and a label)',
    String(found),
    "Each row holds one beat's samples followed by its class label, separated by commas.",
  );
}

/** The first row does not have `beatLength + 1` fields. */
export function beatLengthMismatchError(
  at: CellLocation,
  beatLength: number,
  found: number,
): DataError {
  return problem(
    at,
    `${beatLength + 1} fields (${beatLength} samples and a label)`,
    String(found),
    'Files loaded together must share one beat length; check the file or the beatLength option.',
  );
}

/** A row whose field count differs from the first row's. */
export function raggedRowError(at: CellLocation, expected: number, found: number): DataError {
  return problem(
    at,
    `${expected} fields like the first row (${expected - 1} samples and a label)`,
    String(found),
    'Every row must have the same number of fields; fix or remove this row.',
  );
}

/** A blank line before the last row. `fieldCount` is 0 when no row has been read yet. */
export function blankLineError(file: string, line: number, fieldCount: number): DataError {
  const row = fieldCount > 0 ? `a row of ${fieldCount} fields` : 'a row of samples and a label';
  return problem(
    { file, line },
    row,
    'a blank line',
    'Rows must not be separated by blank lines; remove the line.',
  );
}

/** A file with no rows at all. */
export function emptyFileError(file: string): DataError {
  return problem(
    { file },
    'rows of samples and a label',
    'an empty file',
    'Check the path, and that the file was completely downloaded or written.',
  );
}

/** A cell that is not a decimal number. */
export function notANumberError(at: CellLocation, cell: string): DataError {
  return problem(
    at,
    'a number',
    cell.trim() === '' ? 'an empty field' : quote(cell),
    'Write samples and labels as plain decimals such as 0.9003 or 9.003e-01.',
  );
}

/** A cell that says NaN. */
export function nanCellError(at: CellLocation, cell: string): DataError {
  return problem(
    at,
    'a number',
    quote(cell),
    'A missing sample cannot be trained on; fill it in or remove the row.',
  );
}

/** A cell that is infinite, or a number too large for a double. */
export function infiniteCellError(at: CellLocation, cell: string): DataError {
  return problem(
    at,
    'a finite number',
    quote(cell),
    'A beat cannot hold an infinite value; fix the cell or remove the row.',
  );
}

/** A sample outside [0, 1]. */
export function sampleRangeError(at: CellLocation, cell: string): DataError {
  return problem(
    at,
    'a number in [0, 1]',
    quote(cell),
    'The Kaggle format scales each beat to [0, 1]; rescale the row or check the column order.',
  );
}

/** A label that is not a whole number of 0 or more. */
export function labelNotIndexError(at: CellLocation, cell: string): DataError {
  return problem(
    at,
    'a class label (a whole number of 0 or more) in the last field',
    quote(cell),
    'Labels are class indices such as 0 or 1.0; check that the last column is the label.',
  );
}

/** A label past the end of the caller's `classNames`. */
export function labelOutsideClassNamesError(
  at: CellLocation,
  cell: string,
  classNames: readonly string[],
): DataError {
  return problem(
    at,
    `a class label from 0 to ${classNames.length - 1} (${classNames.join(', ')})`,
    quote(cell),
    'Check the label column (use 0 where a label is unknown), or pass classNames with a name ' +
      'for every label (in the API).',
  );
}

/** A label above the largest one accepted when no `classNames` are given. */
export function labelTooLargeError(at: CellLocation, cell: string, maxLabel: number): DataError {
  return problem(
    at,
    `a class label from 0 to ${maxLabel}`,
    quote(cell),
    'Check that the last column is the label; pass classNames if there truly are more classes.',
  );
}

function problem(at: DataLocation, expected: string, found: string, advice: string): DataError {
  return new DataError(at, `${where(at)}: expected ${expected}, found ${found}. ${advice}`);
}

function where(at: DataLocation): string {
  if (at.line === undefined) return at.file;
  return at.column === undefined ? `${at.file}:${at.line}` : `${at.file}:${at.line}:${at.column}`;
}

function quote(cell: string): string {
  const cut =
    cell.length > MAX_QUOTED_CELL_LENGTH ? `${cell.slice(0, MAX_QUOTED_CELL_LENGTH)}…` : cell;
  return JSON.stringify(cut);
}
