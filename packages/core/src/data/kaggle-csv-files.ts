/** @module Parses several Kaggle-format CSV files into one dataset, such as the two PTB files. */
import { UsageError } from '../errors';
import { concatBeats, type BeatDataset } from './beat-dataset';
import { defaultClassNames } from './class-names';
import {
  checkOptions,
  parseKaggleCsv,
  type KaggleCsvFileSummary,
  type KaggleCsvOptions,
  type KaggleCsvResult,
  type TextChunks,
} from './kaggle-csv';

/** One named file's text, as chunks. */
export interface KaggleCsvSource {
  /** The file name that error locations and the result report. */
  file: string;
  chunks: TextChunks;
}

/** Options of {@link parseKaggleCsvFiles}: those of one file, without its name. */
export type KaggleCsvFilesOptions = Omit<KaggleCsvOptions, 'file'>;

/** The beats of several files, joined in file order, and what was read from each. */
export interface KaggleCsvFilesResult {
  dataset: BeatDataset;
  /** Rows read over all files. */
  rows: number;
  /** Rows read of each class over all files, by class index. */
  rowsPerClass: number[];
  /** What was read from each file, in the order given. */
  files: KaggleCsvFileSummary[];
}

/**
 * Parses the sources one after another and joins their beats in that order. Every file must
 * have the beat length of the first. Classes are the union by label index: without
 * `classNames`, there are (largest label in any file + 1) classes, so `ptbdb_normal.csv`
 * (label 0) with `ptbdb_abnormal.csv` (label 1) gives `normal` and `abnormal`.
 *
 * @throws {DataError} at the first invalid row of any file, or for a file of another beat length.
 * @throws {UsageError} if no source is given, or the options are malformed.
 */
export async function parseKaggleCsvFiles(
  sources: readonly KaggleCsvSource[],
  options: KaggleCsvFilesOptions = {},
): Promise<KaggleCsvFilesResult> {
  checkOptions(options);
  if (sources.length === 0) throw new UsageError(NO_SOURCES_MESSAGE);
  const results: KaggleCsvResult[] = [];
  for (const source of sources) {
    const beatLength = options.beatLength ?? results[0]?.dataset.beatLength;
    const fileOptions: KaggleCsvOptions = { ...options, file: source.file };
    if (beatLength !== undefined) fileOptions.beatLength = beatLength;
    results.push(await parseKaggleCsv(source.chunks, fileOptions));
  }
  return joinResults(results, options.classNames);
}

const NO_SOURCES_MESSAGE =
  'parseKaggleCsvFiles: expected at least one file, received none. ' +
  'Pass the CSV files to load, such as ptbdb_normal.csv and ptbdb_abnormal.csv.';

function joinResults(
  results: KaggleCsvResult[],
  givenNames: readonly string[] | undefined,
): KaggleCsvFilesResult {
  const classCount = Math.max(...results.map((result) => result.dataset.classNames.length));
  const classNames = givenNames ? [...givenNames] : defaultClassNames(classCount);
  const files = results.map(({ file, rows, rowsPerClass }) => ({
    file,
    rows,
    rowsPerClass: padCounts(rowsPerClass, classNames.length),
  }));
  const dataset = concatBeats(results.map((result) => ({ ...result.dataset, classNames })));
  const rowsPerClass = classNames.map((_, index) =>
    files.reduce((sum, file) => sum + file.rowsPerClass[index]!, 0),
  );
  return { dataset, rows: dataset.labels.length, rowsPerClass, files };
}

function padCounts(counts: number[], length: number): number[] {
  return Array.from({ length }, (_, index) => counts[index] ?? 0);
}
