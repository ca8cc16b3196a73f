/** @module Where the real PhysioNet files are: ECG_DATA_DIR, or ../shared/data beside the repo. */
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** The folder of real data (read-only). */
export const DATA_DIR = process.env.ECG_DATA_DIR ?? join(REPO_ROOT, '../shared/data');

/** The MIT-BIH records in the data folder. */
export const MITDB_RECORDS = [
  '101',
  '102',
  '104',
  '106',
  '107',
  '108',
  '109',
  '112',
  '114',
  '115',
  '116',
  '118',
  '119',
  '122',
  '124',
  '201',
  '203',
  '205',
  '207',
  '208',
  '209',
  '215',
  '217',
  '220',
  '223',
  '230',
];
