/** @module Splitting header lines into fields and reading the numbers in them. */
import type { DataLocation } from '@edge-ecg/core';
import { dataProblem, quote } from './data-problem';

/** One whitespace-separated field and where it starts in its line. */
export interface Field {
  text: string;
  start: number;
}

const WHOLE_NUMBER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The fields of a line, split at runs of spaces and tabs. */
export function splitFields(line: string): Field[] {
  return [...line.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index }));
}

/** What a field should hold, for error messages: its name and an example of the line. */
export interface FieldRule {
  /** Such as `the number of signals`. */
  name: string;
  /** Advice appended to the message, such as the line's general form. */
  advice: string;
}

/**
 * Reads a whole-number field.
 *
 * @throws DataError when the text is not a whole number, or is below `min`.
 */
export function wholeNumber(
  text: string,
  at: DataLocation,
  rule: FieldRule,
  min = -Infinity,
): number {
  const value = WHOLE_NUMBER.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(value) && value >= min) return value;
  const kind = min === 0 ? 'a whole number of 0 or more' : 'a whole number';
  throw dataProblem(at, `${rule.name} (${kind})`, quote(text), rule.advice);
}

/** Reads a decimal number, or NaN when the text is not one. */
export function decimalOrNaN(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN;
}
