/**
 * @module Node only: labelled beats from many annotated records, with what was left out and
 * why, for `edge-ecg beats` and the record split.
 */
import { classCounts, concatBeats, UsageError, type BeatDataset } from '@edge-ecg/core';
import type { LabelScheme } from './label-scheme';
import { listRecords, type RecordEntry } from './record-paths';
import { readRecordBeats, type RecordBeats } from './record-beats';

/** A record that was not used, and why. */
export interface ExcludedRecord {
  record: string;
  reason: string;
}

/** The records read, and the ones left out. */
export interface RecordBeatsSet {
  records: RecordBeats[];
  excluded: ExcludedRecord[];
}

/** Options of {@link readRecordSet}. */
export interface ReadRecordSetOptions {
  labels: LabelScheme;
  /** The lead to cut from every record. @defaultValue MLII when present, else the first */
  lead?: string | number;
}

/**
 * Reads and labels the records of `entries` (record paths or folders). Records without
 * reference annotations, without labelled beats, and (for the binary task) with paced beats
 * are left out and listed with the reason.
 *
 * @throws {DataError} when a record's files are missing or malformed.
 * @throws {UsageError} when an entry names no record.
 */
export async function readRecordSet(
  entries: readonly string[],
  options: ReadRecordSetOptions,
): Promise<RecordBeatsSet> {
  const listing = await listRecords(entries);
  return readListedRecords(listing.records, listing.unannotated, options);
}

/** {@link readRecordSet} for records already listed. */
export async function readListedRecords(
  records: readonly RecordEntry[],
  unannotated: readonly RecordEntry[],
  options: ReadRecordSetOptions,
): Promise<RecordBeatsSet> {
  const set: RecordBeatsSet = {
    records: [],
    excluded: unannotated.map(({ name }) => ({
      record: name,
      reason: 'no .atr reference annotations',
    })),
  };
  for (const entry of records) {
    const beats = await readRecordBeats(entry.path, options.labels, options.lead);
    const reason = exclusionReason(beats, options.labels);
    if (reason === undefined) set.records.push(beats);
    else set.excluded.push({ record: beats.record, reason });
  }
  return set;
}

function exclusionReason(beats: RecordBeats, labels: LabelScheme): string | undefined {
  if (labels === 'binary' && beats.pacedBeats > 0) {
    return `paced record (${beats.pacedBeats} paced beats), left out of the binary task`;
  }
  if (beats.dataset.labels.length === 0) return 'no labelled beats were detected';
  return undefined;
}

/**
 * The beats of the records joined, in order.
 *
 * @throws {UsageError} when no record is left.
 */
export function joinRecordBeats(records: readonly RecordBeats[], what: string): BeatDataset {
  if (records.length === 0) {
    throw new UsageError(`No ${what} records are left to take beats from. Pass more records.`);
  }
  return concatBeats(records.map((record) => record.dataset));
}

/** Beats per class name. */
export function namedClassCounts(dataset: BeatDataset): Record<string, number> {
  const counts = classCounts(dataset);
  return Object.fromEntries(dataset.classNames.map((name, i) => [name, counts[i] ?? 0]));
}

/** The counts of beats that did not make it into the datasets, over all records. */
export function unmatchedSummary(records: readonly RecordBeats[]) {
  const sum = (key: keyof RecordBeats) =>
    records.reduce((total, r) => total + (r[key] as number), 0);
  return {
    referenceBeats: sum('referenceBeats'),
    detectedBeats: sum('detectedBeats'),
    unmatchedDetections: sum('unmatchedDetections'),
    unmatchedReferenceBeats: sum('unmatchedReferenceBeats'),
    unusableBeats: sum('unusableBeats'),
    unlabelledBeats: sum('unlabelledBeats'),
  };
}

/** One line per record for reports. */
export function recordRows(records: readonly RecordBeats[]) {
  return records.map(({ dataset, ...counts }) => ({
    ...counts,
    beats: dataset.labels.length,
    classCounts: namedClassCounts(dataset),
  }));
}
