/**
 * @module Parses the Kaggle heartbeat CSV format (one beat's samples, then its label, per row).
 *
 * The parser streams: it takes chunks of text or UTF-8 bytes and never holds the whole text,
 * so the 400 MB `mitbih_train.csv` loads in the memory of its beats alone.
 */
import { UsageError } from '../errors';
import type { BeatDataset } from './beat-dataset';
import { defaultClassNames } from './class-names';
import { KaggleCsvRowReader, type ReadRows } from './kaggle-csv-rows';
import { LineSplitter } from './text-lines';

/** Options of {@link parseKaggleCsv}. */
export interface KaggleCsvOptions {
  /** The file name that error locations and the result report. */
  file: string;
  /**
   * Samples per beat (187 for the Kaggle files); each row must then have `beatLength + 1` fields.
   *
   * @defaultValue the field count of the first row, minus the label
   */
  beatLength?: number;
  /**
   * The name of each class by label. Labels must be below its length.
   *
   * @defaultValue `defaultClassNames(largest label + 1)`
   */
  classNames?: readonly string[];
}

/** What was read from one file. */
export interface KaggleCsvFileSummary {
  /** The file name given in the options. */
  file: string;
  /** Rows read; every row becomes a beat, none is dropped. */
  rows: number;
  /** Rows read of each class, by class index. */
  rowsPerClass: number[];
}

/** The beats of one file and what was read. */
export interface KaggleCsvResult extends KaggleCsvFileSummary {
  dataset: BeatDataset;
}

/** Chunks of a CSV text: strings, or UTF-8 bytes split anywhere. */
export type TextChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Parses a Kaggle-format CSV stream: per row, the beat's samples in [0, 1], then an integer
 * class label; no header. Lines end in `\n` or `\r\n`; the last may have no terminator.
 * Blank lines at the end are ignored; anywhere else they are an error.
 *
 * @throws {DataError} at the first invalid row, empty file or header, with file, line and field.
 * @throws {UsageError} if `beatLength` or `classNames` is malformed.
 */
export async function parseKaggleCsv(
  chunks: TextChunks,
  options: KaggleCsvOptions,
): Promise<KaggleCsvResult> {
  checkOptions(options);
  const reader = new KaggleCsvRowReader(options);
  const splitter = new LineSplitter();
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) reader.addLine(line);
  }
  for (const line of splitter.end()) reader.addLine(line);
  return toResult(options, reader.finish());
}

/**
 * Parses a whole Kaggle-format CSV text at once, as {@link parseKaggleCsv} does a stream.
 *
 * @throws {DataError} at the first invalid row, empty file or header.
 * @throws {UsageError} if `beatLength` or `classNames` is malformed.
 */
export function parseKaggleCsvText(text: string, options: KaggleCsvOptions): KaggleCsvResult {
  checkOptions(options);
  const reader = new KaggleCsvRowReader(options);
  const splitter = new LineSplitter();
  for (const line of [...splitter.push(text), ...splitter.end()]) reader.addLine(line);
  return toResult(options, reader.finish());
}

function toResult(options: KaggleCsvOptions, read: ReadRows): KaggleCsvResult {
  const classNames = options.classNames
    ? [...options.classNames]
    : defaultClassNames(read.labelCount);
  const { samples, labels, beatLength } = read;
  const rowsPerClass = countLabels(labels, classNames.length);
  const dataset = { samples, labels, beatLength, classNames };
  return { dataset, file: options.file, rows: labels.length, rowsPerClass };
}

function countLabels(labels: Int32Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label] += 1;
  return counts;
}

/**
 * Checks the caller's options before any data is read.
 *
 * @throws {UsageError} naming the option, what it must be and what it was.
 */
export function checkOptions(options: Omit<KaggleCsvOptions, 'file'>): void {
  const { beatLength, classNames } = options;
  if (beatLength !== undefined && (!Number.isInteger(beatLength) || beatLength < 1)) {
    throw new UsageError(
      'beatLength: expected a whole number of samples, 1 or more, ' +
        `received ${String(beatLength)}. ` +
        'Pass 187 for the Kaggle files, or leave it out to take it from the first row.',
    );
  }
  if (classNames !== undefined && !isNameList(classNames)) {
    throw new UsageError(
      'classNames: expected a non-empty array of strings, ' +
        `received ${JSON.stringify(classNames)}. ` +
        "Pass one name per label, such as ['normal', 'abnormal'], or leave it out.",
    );
  }
}

function isNameList(names: unknown): boolean {
  if (!Array.isArray(names) || names.length === 0) return false;
  return names.every((name) => typeof name === 'string');
}
