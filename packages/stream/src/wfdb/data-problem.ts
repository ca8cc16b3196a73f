/** @module One shape for every data error of the stream package: where, expected, found, fix. */
import { DataError, type DataLocation } from '@edge-ecg/core';

/** The longest piece of input quoted in a message; longer text is cut with an ellipsis. */
const MAX_QUOTED_LENGTH = 40;

/**
 * A DataError whose message reads `where: expected X, found Y. Advice`.
 *
 * @param options.cause the error that led to this one, such as a file-system error.
 */
export function dataProblem(
  at: DataLocation,
  expected: string,
  found: string,
  advice: string,
  options: { cause?: unknown } = {},
): DataError {
  return new DataError(
    at,
    `${where(at)}: expected ${expected}, found ${found}. ${advice}`,
    options,
  );
}

/** `file`, `file:line` or `file:line:column`, as far as the location is known. */
export function where(at: DataLocation): string {
  if (at.line === undefined) return at.file;
  return at.column === undefined ? `${at.file}:${at.line}` : `${at.file}:${at.line}:${at.column}`;
}

/** Input text in double quotes, cut to a readable length. */
export function quote(text: string): string {
  const cut = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  return JSON.stringify(cut);
}
