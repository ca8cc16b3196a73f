/**
 * @module Node only: `train --records`: labelled beats from annotated records, split by record
 * (patient), never by beat.
 */
import { UsageError } from '@edge-ecg/core';
import type { RecordSplit, RecordSplitOptions } from '@edge-ecg/core/node';
import { chooseTestRecords, TEST_RECORD_RULE } from './choose-test-records';
import { checkLabelScheme } from './label-scheme';
import type { RecordBeats } from './record-beats';
import {
  joinRecordBeats,
  namedClassCounts,
  readListedRecords,
  recordRows,
  unmatchedSummary,
} from './record-dataset';
import { listRecords, type RecordEntry, type RecordListing } from './record-paths';

/**
 * Cuts and labels the beats of `records` (record paths or folders) and splits them by record.
 * With `testRecords` (names among `records`, or paths or folders of their own) those are the
 * test set and the rest trains; otherwise {@link chooseTestRecords} picks about a quarter of
 * the records with the seed. For the binary task, paced records are left out. `details` lists
 * the train, test and excluded records, the beats per class, and the unmatched beats.
 *
 * @throws {UsageError} when a test record is not found, or either side of the split is empty.
 * @throws {DataError} when a record's files are missing or malformed.
 */
export async function buildRecordSplit(options: RecordSplitOptions): Promise<RecordSplit> {
  const labels = checkLabelScheme(options.labels, 'buildRecordSplit: labels');
  const listing = await listRecords(options.records);
  const given = await resolveTestRecords(options.testRecords, listing);
  const set = await readListedRecords(listing.records, listing.unannotated, { labels });
  const tested = given ?? chooseTestRecords(set.records.map(splitFacts), options.seed);
  const test = set.records.filter((record) => tested.has(record.record));
  const train = set.records.filter((record) => !tested.has(record.record));
  const trainSet = joinRecordBeats(train, 'training');
  const testSet = joinRecordBeats(test, 'test');
  const details = {
    labels,
    split: given === undefined ? TEST_RECORD_RULE : 'the test records given',
    seed: options.seed,
    trainRecords: train.map((record) => record.record),
    testRecords: test.map((record) => record.record),
    excludedRecords: set.excluded,
    classCounts: { train: namedClassCounts(trainSet), test: namedClassCounts(testSet) },
    unmatched: unmatchedSummary(set.records),
    records: recordRows(set.records),
  };
  const source = `records ${options.records.join(', ')} (${labels} labels, split by record)`;
  return { train: trainSet, test: testSet, source, details };
}

function splitFacts(record: RecordBeats) {
  const labels = record.dataset.labels;
  const abnormalBeats = labels.reduce((count, label) => count + (label === 0 ? 0 : 1), 0);
  return { name: record.record, beats: labels.length, abnormalBeats };
}

/** The names of the given test records, adding to `listing` those that are paths of their own. */
async function resolveTestRecords(
  entries: readonly string[],
  listing: RecordListing,
): Promise<Set<string> | undefined> {
  if (entries.length === 0) return undefined;
  const names = new Set<string>();
  for (const entry of entries) {
    const known = listing.records.find((r) => r.name === entry || r.path === entry);
    const found: RecordEntry[] = known ? [known] : (await listOwn(entry)).records;
    for (const record of found) {
      if (!listing.records.some((r) => r.path === record.path)) listing.records.push(record);
      names.add(record.name);
    }
  }
  return names;
}

async function listOwn(entry: string): Promise<RecordListing> {
  const { access } = await import('node:fs/promises');
  const exists = await access(entry).then(
    () => true,
    () =>
      access(`${entry}.hea`).then(
        () => true,
        () => false,
      ),
  );
  if (exists) return listRecords([entry]);
  throw new UsageError(
    `--test-records: "${entry}" is neither a record among --records nor a record path or ` +
      'folder. Pass a record name such as 101, or a path such as mitdb/101.',
  );
}
