/** @module Helpers for the CSV tests: generated Kaggle-format text, chunking, error capture. */
import { createRandom } from '../../src/util/seeded-random';

/** The error `work` throws (awaited if it is async); fails the test if it throws none. */
export async function caught(work: () => unknown): Promise<Error> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, caught ${String(error)}`);
  }
  throw new Error('expected an error, but none was thrown');
}

/** The UTF-8 bytes of `text` in chunks of `size` bytes (the last may be shorter). */
export function* byteChunks(text: string, size: number): Generator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let start = 0; start < bytes.length; start += size) {
    yield bytes.subarray(start, start + size);
  }
}

/** `text` in chunks of `size` UTF-16 code units, delivered asynchronously. */
export async function* stringChunks(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) {
    yield text.slice(start, start + size);
  }
}

/** How generated rows are written. */
export interface GeneratedCsvOptions {
  rows: number;
  beatLength: number;
  classCount: number;
  seed: string;
}

/**
 * A seeded Kaggle-format text mixing both number styles (`0.25`, `2.5e-01`), CRLF and LF line
 * ends, and no newline after the last row. Row `r` has label `r % classCount`.
 */
export function generatedCsv({ rows, beatLength, classCount, seed }: GeneratedCsvOptions): string {
  const random = createRandom(seed);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let index = 0; index < beatLength; index++) cells.push(formatSample(random()));
    cells.push(
      row % 2 === 0 ? `${row % classCount}.0` : `${row % classCount}.000000000000000000e+00`,
    );
    lines.push(cells.join(','));
  }
  return lines
    .map((line, row) => (row % 3 === 0 ? `${line}\r\n` : `${line}\n`))
    .join('')
    .trimEnd();
}

function formatSample(value: number): string {
  if (value < 0.1) return '0.0';
  if (value < 0.5) return value.toExponential(18);
  return String(value);
}
