/** @module Micro-batching: beats wait for a full batch, or until the oldest has waited too long. */
import { BEAT_LENGTH, type EcgClassifier } from '@edge-ecg/core';
import type { Beat, BeatFlags } from '../beats/beat-types';
import { UNUSABLE_BEAT_FLAGS, type BeatPrediction } from './beat-stream-types';

/** A beat waiting for its prediction. */
export interface PendingBeat {
  beat: Beat;
  /** When the beat came out of the beat stage, on the stream's clock. */
  availableAtMs: number;
  /** Whether it goes to the classifier. */
  classify: boolean;
}

/** Whether any of {@link UNUSABLE_BEAT_FLAGS} is set. */
export function isUnusableBeat(flags: BeatFlags): boolean {
  return UNUSABLE_BEAT_FLAGS.some((flag) => flags[flag]);
}

/** The beats waiting, in stream order. */
export class MicroBatch {
  private pending: PendingBeat[] = [];
  private toClassify = 0;

  constructor(
    private readonly batchSize: number,
    private readonly maxLatencyMs: number,
  ) {}

  get isEmpty(): boolean {
    return this.pending.length === 0;
  }

  /** Whether a full batch of beats to classify is waiting. */
  get isFull(): boolean {
    return this.toClassify >= this.batchSize;
  }

  add(entry: PendingBeat): void {
    this.pending.push(entry);
    if (entry.classify) this.toClassify++;
  }

  /** Milliseconds until the oldest beat is due; Infinity when none waits. */
  msUntilDue(nowMs: number): number {
    const oldest = this.pending[0];
    return oldest === undefined ? Infinity : oldest.availableAtMs + this.maxLatencyMs - nowMs;
  }

  /** Removes and returns the waiting beats up to and including the batch's last beat. */
  take(): PendingBeat[] {
    let [end, count] = [0, 0];
    while (end < this.pending.length && count < this.batchSize) {
      if (this.pending[end]!.classify) count++;
      end++;
    }
    const taken = this.pending.splice(0, end);
    this.toClassify -= count;
    return taken;
  }

  /** Forgets every waiting beat. */
  clear(): void {
    this.pending = [];
    this.toClassify = 0;
  }
}

/** Classifies the beats that should be, in one model call; returns every beat's prediction. */
export function predictBatch(
  classifier: EcgClassifier,
  batch: readonly PendingBeat[],
  now: () => number,
): BeatPrediction[] {
  const chosen = batch.filter((entry) => entry.classify);
  const samples = new Float32Array(chosen.length * BEAT_LENGTH);
  chosen.forEach((entry, i) => samples.set(entry.beat.samples, i * BEAT_LENGTH));
  const predictions = chosen.length > 0 ? classifier.predict(samples, chosen.length) : undefined;
  const doneAtMs = now();
  const classCount = classifier.classNames.length;
  let row = 0;
  return batch.map(({ beat, availableAtMs, classify }) => {
    const prediction = unclassified(beat, doneAtMs - availableAtMs);
    if (!classify || predictions === undefined) return prediction;
    const classIndex = predictions.classIndices[row]!;
    prediction.classified = true;
    prediction.classIndex = classIndex;
    prediction.className = predictions.classNames[classIndex]!;
    prediction.probabilities = predictions.probabilities.slice(
      row * classCount,
      (row + 1) * classCount,
    );
    row++;
    return prediction;
  });
}

function unclassified(beat: Beat, latencyMs: number): BeatPrediction {
  const { index, rPeakSample, rPeakTimeS, rrIntervalS, heartRateBpm, flags } = beat;
  return {
    type: 'beat',
    index,
    rPeakSample,
    rPeakTimeS,
    rrIntervalS,
    heartRateBpm,
    flags,
    classified: false,
    className: null,
    classIndex: -1,
    probabilities: null,
    latencyMs,
  };
}
