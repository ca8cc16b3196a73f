/** @module Reads the lines of a Kaggle-format CSV file into beats, checking every field. */
import { BeatBuffer } from './beat-buffer';
import {
  beatLengthMismatchError,
  blankLineError,
  emptyFileError,
  headerRowError,
  infiniteCellError,
  labelNotIndexError,
  labelOutsideClassNamesError,
  labelTooLargeError,
  nanCellError,
  notANumberError,
  numberedHeaderError,
  raggedRowError,
  sampleRangeError,
  tooFewFieldsError,
  type CellLocation,
} from './kaggle-csv-errors';

/** The largest label accepted when no `classNames` are given; a guard against a wrong column. */
export const MAX_DEFAULT_LABEL = 255;

/** A plain decimal, optionally with an exponent: `0.9003`, `9.003241658210754395e-01`, `1`. */
const NUMBER_PATTERN = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const NAN_PATTERN = /^\s*[+-]?nan\s*$/i;
const INFINITY_PATTERN = /^\s*[+-]?inf(?:inity)?\s*$/i;
const BLANK_PATTERN = /^\s*$/;

/** From this many cells up, a row counting 0, 1, 2, … cannot be a valid beat (2 > 1). */
const MIN_NUMBERED_HEADER_FIELDS = 4;

/** What the row reader needs to know about the file it reads. */
export interface RowReaderOptions {
  /** The file name used in error locations. */
  file: string;
  /** Samples per beat; taken from the first row when absent. */
  beatLength?: number;
  /** The names of the classes; labels must be below its length. */
  classNames?: readonly string[];
}

/** The beats of a whole file. */
export interface ReadRows {
  samples: Float32Array;
  labels: Int32Array;
  beatLength: number;
  /** The largest label seen, plus one. */
  labelCount: number;
}

/**
 * Takes a file's lines in order and keeps each row as a beat. The first row sets the field
 * count unless `beatLength` is given. Blank lines are accepted only at the end of the file.
 *
 * @throws {DataError} at the first line that is not a valid row, with its line and field.
 */
export class KaggleCsvRowReader {
  private line = 0;
  private firstBlankLine = 0;
  private fieldCount = 0;
  private buffer: BeatBuffer | undefined;
  private largestLabel = -1;

  constructor(private readonly options: RowReaderOptions) {}

  /** Reads the next line, without its line terminator. */
  addLine(text: string): void {
    this.line += 1;
    if (BLANK_PATTERN.test(text)) {
      if (this.firstBlankLine === 0) this.firstBlankLine = this.line;
      return;
    }
    if (this.firstBlankLine !== 0) {
      throw blankLineError(this.options.file, this.firstBlankLine, this.fieldCount);
    }
    const fields = text.split(',');
    const buffer = this.buffer ?? this.startFirstRow(fields);
    if (fields.length !== this.fieldCount) {
      const column = Math.min(fields.length, this.fieldCount) + 1;
      throw raggedRowError(this.at(column), this.fieldCount, fields.length);
    }
    this.readRow(fields, buffer);
  }

  /**
   * The beats read, once the last line is in.
   *
   * @throws {DataError} if the file had no rows.
   */
  finish(): ReadRows {
    if (this.buffer === undefined) throw emptyFileError(this.options.file);
    const { samples, labels } = this.buffer.toArrays();
    const { beatLength } = this.buffer;
    return { samples, labels, beatLength, labelCount: this.largestLabel + 1 };
  }

  private startFirstRow(fields: string[]): BeatBuffer {
    this.rejectHeader(fields);
    if (fields.length < 2) throw tooFewFieldsError(this.at(fields.length + 1), fields.length);
    const beatLength = this.options.beatLength ?? fields.length - 1;
    if (fields.length !== beatLength + 1) {
      const column = Math.min(fields.length, beatLength + 1) + 1;
      throw beatLengthMismatchError(this.at(column), beatLength, fields.length);
    }
    this.fieldCount = fields.length;
    this.buffer = new BeatBuffer(beatLength);
    return this.buffer;
  }

  private rejectHeader(fields: string[]): void {
    const textColumn = fields.findIndex(looksLikeHeaderCell);
    if (textColumn !== -1) throw headerRowError(this.at(textColumn + 1), fields[textColumn]!);
    const firstColumnNumber = columnNumbering(fields);
    if (firstColumnNumber === undefined) return;
    const last = firstColumnNumber + fields.length - 1;
    throw numberedHeaderError(this.at(1), firstColumnNumber, last);
  }

  private readRow(fields: string[], buffer: BeatBuffer): void {
    const offset = buffer.beatOffset();
    const { samples, beatLength } = buffer;
    for (let index = 0; index < beatLength; index++) {
      const cell = fields[index]!;
      const value = this.readNumber(cell, index + 1);
      if (value < 0 || value > 1) throw sampleRangeError(this.at(index + 1), cell);
      samples[offset + index] = value;
    }
    buffer.commit(this.readLabel(fields[beatLength]!, beatLength + 1));
  }

  private readNumber(cell: string, column: number): number {
    if (NUMBER_PATTERN.test(cell)) {
      const value = Number(cell);
      if (Number.isFinite(value)) return value;
      throw infiniteCellError(this.at(column), cell);
    }
    if (NAN_PATTERN.test(cell)) throw nanCellError(this.at(column), cell);
    if (INFINITY_PATTERN.test(cell)) throw infiniteCellError(this.at(column), cell);
    throw notANumberError(this.at(column), cell);
  }

  private readLabel(cell: string, column: number): number {
    const value = this.readNumber(cell, column);
    if (!Number.isInteger(value) || value < 0) throw labelNotIndexError(this.at(column), cell);
    const { classNames } = this.options;
    if (classNames !== undefined && value >= classNames.length) {
      throw labelOutsideClassNamesError(this.at(column), cell, classNames);
    }
    if (classNames === undefined && value > MAX_DEFAULT_LABEL) {
      throw labelTooLargeError(this.at(column), cell, MAX_DEFAULT_LABEL);
    }
    if (value > this.largestLabel) this.largestLabel = value;
    return value;
  }

  private at(column: number): CellLocation {
    return { file: this.options.file, line: this.line, column };
  }
}

/** Text that is not a number nor a spelling of NaN or infinity, as column titles are. */
function looksLikeHeaderCell(cell: string): boolean {
  if (BLANK_PATTERN.test(cell) || NUMBER_PATTERN.test(cell)) return false;
  return !NAN_PATTERN.test(cell) && !INFINITY_PATTERN.test(cell);
}

/** The first column number if the cells count up by one from 0 or 1, as numbered headers do. */
function columnNumbering(fields: string[]): number | undefined {
  const first = Number(fields[0]);
  if (fields.length < MIN_NUMBERED_HEADER_FIELDS || (first !== 0 && first !== 1)) return undefined;
  const counts = fields.every((cell, index) => cell.trim() === String(first + index));
  return counts ? first : undefined;
}
