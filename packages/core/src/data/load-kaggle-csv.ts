/** @module Node only: loads Kaggle-format CSV files from disk, streaming them. */
import { parseKaggleCsv, type KaggleCsvOptions, type KaggleCsvResult } from './kaggle-csv';
import {
  parseKaggleCsvFiles,
  type KaggleCsvFilesOptions,
  type KaggleCsvFilesResult,
} from './kaggle-csv-files';
import { readFileChunks } from './read-text-file';

/** Options of {@link loadKaggleCsv}: those of the parser; the file name is the path. */
export type LoadKaggleCsvOptions = Omit<KaggleCsvOptions, 'file'>;

/**
 * Loads one Kaggle-format CSV file, such as `mitbih_train.csv`, without holding its text in
 * memory. Error locations name the file by `path` as given.
 *
 * @throws {DataError} if the file cannot be read, or at its first invalid row.
 * @throws {UsageError} if the options are malformed.
 */
export function loadKaggleCsv(
  path: string,
  options: LoadKaggleCsvOptions = {},
): Promise<KaggleCsvResult> {
  return parseKaggleCsv(readFileChunks(path), { ...options, file: path });
}

/**
 * Loads several Kaggle-format CSV files of one beat length into one dataset, in the order
 * given; classes are the union by label index (see `parseKaggleCsvFiles`).
 *
 * @throws {DataError} if a file cannot be read, or at the first invalid row of any file.
 * @throws {UsageError} if `paths` is empty or the options are malformed.
 */
export function loadKaggleCsvFiles(
  paths: readonly string[],
  options: KaggleCsvFilesOptions = {},
): Promise<KaggleCsvFilesResult> {
  const sources = paths.map((path) => ({ file: path, chunks: readFileChunks(path) }));
  return parseKaggleCsvFiles(sources, options);
}
