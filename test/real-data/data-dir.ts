/** @module Where the real PhysioNet and Kaggle files are: ECG_DATA_DIR, or ../shared/data. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The data folder; the real-data suite fails loudly when it is missing. */
export function dataDir(): string {
  const dir = process.env['ECG_DATA_DIR'] ?? resolve(__dirname, '..', '..', '..', 'shared', 'data');
  if (!existsSync(dir))
    throw new Error(`The real-data suite needs ${dir}: set ECG_DATA_DIR to the data folder.`);
  return dir;
}

/** A file of the data folder's Kaggle samples. */
export function kaggleSample(name: string): string {
  return join(dataDir(), 'kaggle-sample', name);
}
