/** @module Node only: writes labelled beats as a Kaggle-format CSV, atomically. */
import { DataError, UsageError, type BeatDataset } from '@edge-ecg/core';

/** Rows written per file write. */
const ROWS_PER_WRITE = 512;

/**
 * The shortest decimal that reads back as the same float32 (`0`, `1`, `0.25`, `0.123456789`):
 * the file holds exactly the dataset's values.
 */
export function float32Text(value: number): string {
  if (value === 0 || value === 1) return String(value);
  for (let digits = 6; digits < 9; digits++) {
    const text = Number(value.toPrecision(digits));
    if (Math.fround(text) === value) return String(text);
  }
  return String(Number(value.toPrecision(9)));
}

/** One beat's row: its samples, then the label as the last column. */
export function kaggleRow(dataset: BeatDataset, beat: number): string {
  const { beatLength, samples, labels } = dataset;
  const cells: string[] = [];
  for (let i = beat * beatLength; i < (beat + 1) * beatLength; i++)
    cells.push(float32Text(samples[i]!));
  cells.push(String(labels[beat]));
  return cells.join(',');
}

/**
 * Writes `dataset` as CSV rows of `beatLength` samples and the label, without a header, as the
 * Kaggle heartbeat files are. The rows go to a temporary file beside `path`, renamed over it
 * when complete, so readers never see half a file and a failed write keeps the old one.
 *
 * @throws {UsageError} when the dataset's samples are not `beatLength` per label.
 * @throws {DataError} when the file cannot be written.
 */
export async function writeKaggleCsv(dataset: BeatDataset, path: string): Promise<void> {
  if (dataset.samples.length !== dataset.labels.length * dataset.beatLength) {
    throw new UsageError(
      `writeKaggleCsv: expected ${dataset.labels.length} × ${dataset.beatLength} samples for ` +
        `${dataset.labels.length} beats, received ${dataset.samples.length}.`,
    );
  }
  const { open, rename, rm } = await import('node:fs/promises');
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const file = await open(temporary, 'w');
    try {
      await writeRows(dataset, (text) => file.write(text));
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeError(path, error);
  }
}

async function writeRows(dataset: BeatDataset, write: (text: string) => Promise<unknown>) {
  const count = dataset.labels.length;
  for (let start = 0; start < count; start += ROWS_PER_WRITE) {
    const rows: string[] = [];
    for (let beat = start; beat < Math.min(count, start + ROWS_PER_WRITE); beat++) {
      rows.push(kaggleRow(dataset, beat));
    }
    await write(`${rows.join('\n')}\n`);
  }
}

function writeError(path: string, error: unknown): DataError {
  const code = (error as { code?: unknown }).code ?? (error as Error).message;
  return new DataError(
    { file: path },
    `${path}: cannot write the CSV file (${String(code)}). Check that the folder exists and ` +
      'is writable.',
    { cause: error },
  );
}
