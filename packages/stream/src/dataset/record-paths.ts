/** @module Node only: the records that `--records` names, as paths or folders of records. */
import { UsageError } from '@edge-ecg/core';

/** A record given or found, and why it cannot be used when it cannot. */
export interface RecordEntry {
  /** The record's path without extension, such as `data/mitdb/101`. */
  path: string;
  /** The file name without extension, such as `101`. */
  name: string;
}

/** What {@link listRecords} found. */
export interface RecordListing {
  records: RecordEntry[];
  /** Records in a folder that have a header but no `.atr` reference annotations. */
  unannotated: RecordEntry[];
}

const RECORD_EXTENSION = /\.(hea|dat|atr)$/;

/**
 * The records of `entries`: a path to a record (with or without `.hea`) is that record; a
 * folder is every record in it with a `.hea` header, in name order (numeric names by number).
 * Records in folders without a `.atr` file are listed apart. A record named twice is kept once.
 *
 * @throws {UsageError} when a folder holds no WFDB headers, or `entries` is empty.
 */
export async function listRecords(entries: readonly string[]): Promise<RecordListing> {
  if (entries.length === 0) {
    throw new UsageError('Expected at least one record path or folder of records, received none.');
  }
  const listing: RecordListing = { records: [], unannotated: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    const found = (await isDirectory(entry)) ? await recordsIn(entry) : [asRecord(entry)];
    for (const { record, annotated } of found) {
      if (seen.has(record.path)) continue;
      seen.add(record.path);
      (annotated ? listing.records : listing.unannotated).push(record);
    }
  }
  return listing;
}

async function isDirectory(path: string): Promise<boolean> {
  const { stat } = await import('node:fs/promises');
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

function asRecord(path: string, annotated = true) {
  const bare = path.replace(RECORD_EXTENSION, '');
  const name = bare.split(/[\\/]/).pop() ?? bare;
  return { record: { path: bare, name }, annotated };
}

async function recordsIn(folder: string) {
  const { readdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const files = new Set(await readdir(folder));
  const names = [...files]
    .filter((file) => file.endsWith('.hea'))
    .map((file) => file.slice(0, -'.hea'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (names.length === 0) {
    throw new UsageError(
      `The folder ${folder} holds no WFDB records (no .hea files). Pass a folder of records, ` +
        'such as mitdb/, or record paths such as mitdb/101.',
    );
  }
  return names.map((name) => asRecord(join(folder, name), files.has(`${name}.atr`)));
}
