/** @module `edge-ecg detect`: the R-peaks of one record's lead, at the record's own rate. */
import type { CommandOutput } from '@edge-ecg/core/node';
import type { BeatFlags } from '../beats/beat-types';
import { chooseSignal, extractBeats } from '../dataset/record-beats';
import { readWfdbRecord } from '../wfdb/read-record-node';
import { coreNode, leadFlag } from './cli-support';

const FLAG_NAMES: readonly (keyof BeatFlags)[] = [
  'longSegment',
  'truncated',
  'gap',
  'flatLine',
  'saturation',
  'implausibleHeartRate',
];

/**
 * Runs `edge-ecg detect --record PATH [--lead NAME|INDEX] [--json]`. The result holds `fs`
 * (the lead's rate), `rPeaks` (sample indices at that rate), `flags` (per beat flag, the
 * indices of the beats that have it) and the quality `events`.
 *
 * @throws {UsageError} on bad flags or an unknown lead.
 * @throws {DataError} when the record cannot be read.
 */
export async function detectCommand(argv: string[]): Promise<CommandOutput> {
  const core = await coreNode();
  const flags = core.parseFlags('detect', argv, {
    record: { type: 'string' },
    lead: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const path = core.requiredFlag(flags, 'detect', 'record');
  const lead = leadFlag(flags);
  const record = await readWfdbRecord(path, lead === undefined ? {} : { leads: [lead] });
  const signal = chooseSignal(record.signals);
  const { beats, events } = extractBeats(signal);
  const beatFlags = Object.fromEntries(
    FLAG_NAMES.map((name) => [name, beats.filter((b) => b.flags[name]).map((b) => b.index)]),
  );
  const rPeaks = beats.map((beat) => beat.rPeakSample);
  const result = {
    command: 'detect',
    record: record.name,
    lead: signal.name,
    fs: signal.sampleRateHz,
    beats: beats.length,
    rPeaks,
    flags: beatFlags,
    events,
  };
  const flagged = FLAG_NAMES.map((name) => `${name} ${beatFlags[name]!.length}`).join(', ');
  const text = [
    `Record ${record.name}, lead ${signal.name} at ${signal.sampleRateHz} Hz: ` +
      `${beats.length} R-peaks`,
    `Flagged beats: ${flagged}; quality events: ${events.length}`,
    `R-peaks (samples): ${rPeaks.join(' ')}`,
  ].join('\n');
  return { json: flags['json'] === true, text, result };
}
