/** @module `edge-ecg beats`: labelled beats of annotated records, written as a Kaggle CSV. */
import type { CommandOutput } from '@edge-ecg/core/node';
import { writeKaggleCsv } from '../dataset/kaggle-csv-writer';
import { checkLabelScheme } from '../dataset/label-scheme';
import {
  joinRecordBeats,
  namedClassCounts,
  readRecordSet,
  recordRows,
  unmatchedSummary,
} from '../dataset/record-dataset';
import { coreNode, leadFlag } from './cli-support';

/**
 * Runs `edge-ecg beats --record PATH... --out F.csv [--labels aami|binary] [--lead X] [--json]`:
 * cuts, labels and writes the beats, and reports the classes, the records left out and the
 * beats that did not match.
 *
 * @throws {UsageError} on bad flags, or when no record is left.
 * @throws {DataError} when a record cannot be read or the CSV cannot be written.
 */
export async function beatsCommand(argv: string[]): Promise<CommandOutput> {
  const core = await coreNode();
  const flags = core.parseFlags('beats', argv, {
    record: { type: 'string', multiple: true },
    out: { type: 'string' },
    labels: { type: 'string' },
    lead: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const records = core.listFlag(flags, 'record');
  if (records.length === 0) throw new core.UsageError('beats: --record is required.');
  const out = core.requiredFlag(flags, 'beats', 'out');
  const labels = checkLabelScheme(core.stringFlag(flags, 'labels') ?? 'aami', '--labels');
  const lead = leadFlag(flags);
  const set = await readRecordSet(records, lead === undefined ? { labels } : { labels, lead });
  const dataset = joinRecordBeats(set.records, 'usable');
  await writeKaggleCsv(dataset, out);
  const unmatched = unmatchedSummary(set.records);
  const result = {
    command: 'beats',
    out,
    labels,
    classNames: dataset.classNames,
    beats: dataset.labels.length,
    classCounts: namedClassCounts(dataset),
    records: set.records.map((record) => record.record),
    excludedRecords: set.excluded,
    unmatched,
    perRecord: recordRows(set.records),
  };
  const text = [
    `Wrote ${result.beats} beats from ${result.records.length} records to ${out} ` +
      `(${labels} labels)`,
    `Classes: ${JSON.stringify(result.classCounts)}`,
    `Unmatched: ${unmatched.unmatchedDetections} detections, ` +
      `${unmatched.unmatchedReferenceBeats} of ${unmatched.referenceBeats} reference beats; ` +
      `left out: ${unmatched.unusableBeats} unusable, ` +
      `${unmatched.unlabelledBeats} without an AAMI class`,
    ...set.excluded.map(({ record, reason }) => `Excluded ${record}: ${reason}`),
  ].join('\n');
  return { json: flags['json'] === true, text, result };
}
