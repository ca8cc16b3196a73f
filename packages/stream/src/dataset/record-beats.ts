/**
 * @module One annotated record to labelled Kachuee beats: detect and cut with the streaming
 * beat stage, then label each detected beat by the reference annotation it matches.
 */
import { BEAT_LENGTH, type BeatDataset } from '@edge-ecg/core';
import { BeatExtractor } from '../beats/beat-extractor';
import type { Beat, BeatOutput } from '../beats/beat-types';
import { isUnusableBeat } from '../predict/micro-batch';
import { isBeatAnnotation } from '../wfdb/annotation-codes';
import type { WfdbAnnotation } from '../wfdb/parse-annotations';
import { readWfdbAnnotations } from '../wfdb/read-annotations-node';
import { readWfdbRecord } from '../wfdb/read-record-node';
import type { WfdbSignal } from '../wfdb/record-types';
import { labelClassNames, labelOf, PACED_BEAT_SYMBOL, type LabelScheme } from './label-scheme';
import { matchBeats, MATCH_TOLERANCE_MS } from './match-beats';

/** The lead used when a record has it, as the MIT-BIH literature does. */
export const PREFERRED_LEAD = 'MLII';

/** Samples pushed into the beat stage at a time. */
const PUSH_SAMPLES = 65_536;

/** One record's labelled beats and the counts that say what was not used. */
export interface RecordBeats {
  /** The record's name, such as `101`. */
  record: string;
  /** The lead the beats were cut from. */
  lead: string;
  /** The usable detected beats that matched a labelled reference beat. */
  dataset: BeatDataset;
  /** Beat annotations in the reference. */
  referenceBeats: number;
  /** Beats the detector found. */
  detectedBeats: number;
  /** Detections with no reference beat within {@link MATCH_TOLERANCE_MS}. */
  unmatchedDetections: number;
  /** Reference beats no detection matched. */
  unmatchedReferenceBeats: number;
  /** Matched beats left out for {@link UNUSABLE_BEAT_FLAGS} (truncated, gap, flat line). */
  unusableBeats: number;
  /** Matched beats left out because their annotation is in no AAMI class (B, n, r, ?). */
  unlabelledBeats: number;
  /** Reference beats annotated as paced (`/`). */
  pacedBeats: number;
}

/**
 * The signal to cut: `lead` when given, else {@link PREFERRED_LEAD} when present, else the first.
 */
export function chooseSignal(signals: readonly WfdbSignal[]): WfdbSignal {
  const preferred = signals.find((signal) => signal.name.toUpperCase() === PREFERRED_LEAD);
  return preferred ?? signals[0]!;
}

/** Runs the beat stage over a whole signal; returns every beat and quality event. */
export function extractBeats(signal: Pick<WfdbSignal, 'samples' | 'sampleRateHz'>): BeatOutput {
  const extractor = new BeatExtractor({ sampleRateHz: signal.sampleRateHz });
  const output: BeatOutput = { beats: [], events: [] };
  const add = ({ beats, events }: BeatOutput) => {
    for (const beat of beats) output.beats.push(beat);
    for (const event of events) output.events.push(event);
  };
  for (let start = 0; start < signal.samples.length; start += PUSH_SAMPLES) {
    add(extractor.push(signal.samples.subarray(start, start + PUSH_SAMPLES)));
  }
  add(extractor.flush());
  return output;
}

/**
 * Labels the beats detected in `signal` by the record's reference beat annotations (given in
 * frames; converted to the signal's own rate).
 */
export function labelRecordBeats(
  record: string,
  signal: WfdbSignal,
  annotations: readonly WfdbAnnotation[],
  scheme: LabelScheme,
): RecordBeats {
  const reference = annotations.filter((annotation) => isBeatAnnotation(annotation.symbol));
  const referenceSamples = reference.map(
    (annotation) => annotation.sample * signal.samplesPerFrame,
  );
  const { beats } = extractBeats(signal);
  const tolerance = (MATCH_TOLERANCE_MS / 1000) * signal.sampleRateHz;
  const match = matchBeats(
    beats.map((beat) => beat.rPeakSample),
    referenceSamples,
    tolerance,
  );
  const kept: Beat[] = [];
  const labels: number[] = [];
  let [unusableBeats, unlabelledBeats] = [0, 0];
  beats.forEach((beat, i) => {
    const matched = match.referenceOfDetection[i]!;
    if (matched < 0) return;
    const label = labelOf(reference[matched]!.symbol, scheme);
    if (label === undefined) {
      unlabelledBeats++;
    } else if (isUnusableBeat(beat.flags)) {
      unusableBeats++;
    } else {
      kept.push(beat);
      labels.push(label);
    }
  });
  return {
    record,
    lead: signal.name,
    dataset: toDataset(kept, labels, scheme),
    referenceBeats: reference.length,
    detectedBeats: beats.length,
    unmatchedDetections: match.unmatchedDetections,
    unmatchedReferenceBeats: match.unmatchedReferences,
    unusableBeats,
    unlabelledBeats,
    pacedBeats: reference.filter((annotation) => annotation.symbol === PACED_BEAT_SYMBOL).length,
  };
}

function toDataset(beats: readonly Beat[], labels: number[], scheme: LabelScheme): BeatDataset {
  const samples = new Float32Array(beats.length * BEAT_LENGTH);
  beats.forEach((beat, i) => samples.set(beat.samples, i * BEAT_LENGTH));
  return {
    samples,
    labels: Int32Array.from(labels),
    beatLength: BEAT_LENGTH,
    classNames: labelClassNames(scheme),
  };
}

/**
 * Reads a record (`<path>.hea`, its signal file and `<path>.atr`) and labels its beats.
 *
 * @param lead the lead to cut, by name or index. @defaultValue {@link chooseSignal}'s choice
 * @throws {DataError} when a file is missing or malformed.
 * @throws {UsageError} when `lead` is not a signal of the record.
 */
export async function readRecordBeats(
  recordPath: string,
  scheme: LabelScheme,
  lead?: string | number,
): Promise<RecordBeats> {
  const record = await readWfdbRecord(recordPath, lead === undefined ? {} : { leads: [lead] });
  const annotations = await readWfdbAnnotations(`${recordPath}.atr`);
  return labelRecordBeats(record.name, chooseSignal(record.signals), annotations, scheme);
}
