/** @module The options, defaults and result objects of the on-device beat stream. */
import type { EcgClassifier } from '@edge-ecg/core';
import type { BeatFlags, QualityEvent } from '../beats/beat-types';
import type { EcgSource } from '../sources/ecg-source';

/** Beats classified together in one model call, at most. */
export const DEFAULT_BATCH_SIZE = 32;
/** The longest a beat waits for its batch to fill before a partial batch is classified. */
export const DEFAULT_MAX_LATENCY_MS = 5;
/** The stretch of stream time a rolling summary covers. */
export const DEFAULT_SUMMARY_WINDOW_S = 60;
/** Stream time between two rolling summaries. */
export const DEFAULT_SUMMARY_INTERVAL_S = 10;

/**
 * The flags that make a beat unusable for the classifier: part of its samples are not a
 * recorded heartbeat (a zero tail, samples filled in across a gap, a flat line, or a QRS cut
 * flat by clipping). Such beats are emitted with `classified: false` unless
 * {@link BeatStreamOptions.classifyFlaggedBeats} is set, and left out of datasets. Beats flagged
 * `longSegment` or `implausibleHeartRate` are still whole beats, so they are classified and
 * kept. The saturation check only takes a constant run at the window's extreme that is entered
 * and left steeply for clipping (no beat of the 26 MIT-BIH records here is flagged).
 */
export const UNUSABLE_BEAT_FLAGS: readonly (keyof BeatFlags)[] = [
  'truncated',
  'gap',
  'flatLine',
  'saturation',
];

/** Options of {@link BeatStream.create}. */
export interface BeatStreamOptions {
  /** A classifier for 187-sample Kachuee beats, such as one from `loadClassifier(dir)`. */
  classifier: EcgClassifier;
  /** The ECG to classify. Read no faster than the stream's events are consumed. */
  source: EcgSource;
  /** Beats per model call, at most. @defaultValue DEFAULT_BATCH_SIZE */
  batchSize?: number;
  /**
   * A partial batch is classified once its oldest beat has waited this long (0 classifies
   * every beat as it comes). @defaultValue DEFAULT_MAX_LATENCY_MS
   */
  maxLatencyMs?: number;
  /** Stream time covered by a summary. @defaultValue DEFAULT_SUMMARY_WINDOW_S */
  summaryWindowS?: number;
  /** Stream time between summaries. @defaultValue DEFAULT_SUMMARY_INTERVAL_S */
  summaryIntervalS?: number;
  /**
   * The class that counts as normal in summaries. @defaultValue `normal` or `N` when the
   * classifier has such a class, otherwise its first class
   */
  normalClass?: string;
  /** Classify beats with {@link UNUSABLE_BEAT_FLAGS} too. @defaultValue false */
  classifyFlaggedBeats?: boolean;
  /** Dispose the classifier on {@link BeatStream.close}. @defaultValue false */
  disposeClassifier?: boolean;
  /** The clock for latencies, in milliseconds. @defaultValue performance.now */
  now?: () => number;
}

/** One beat and what the classifier made of it. */
export interface BeatPrediction {
  type: 'beat';
  /** 0 for the first beat of the stream. */
  index: number;
  /** The R-peak as a sample index at the source's own rate. */
  rPeakSample: number;
  /** The R-peak's time from the start of the stream. */
  rPeakTimeS: number;
  /** The RR interval to the previous beat (NaN for the first, or after a gap). */
  rrIntervalS: number;
  heartRateBpm: number;
  flags: BeatFlags;
  /** False for beats with {@link UNUSABLE_BEAT_FLAGS} (unless those are classified too). */
  classified: boolean;
  /** The most probable class; null when not classified. */
  className: string | null;
  /** Its index among the classifier's classes; -1 when not classified. */
  classIndex: number;
  /** One probability per class; null when not classified. */
  probabilities: Float32Array | null;
  /** From the beat's extraction (its segment complete) to its prediction. */
  latencyMs: number;
}

/** The rhythm over the last {@link BeatStreamOptions.summaryWindowS} of stream time. */
export interface RollingSummary {
  type: 'summary';
  /** The stream time the summary was taken at: the latest beat's R-peak. */
  timeS: number;
  windowS: number;
  /** Beats in the window, classified or not. */
  beats: number;
  classifiedBeats: number;
  /** Classified beats not of the normal class. */
  abnormalBeats: number;
  /** abnormalBeats / classifiedBeats; NaN when none was classified. */
  abnormalFraction: number;
  /** 60 / the mean RR interval in the window; NaN when no beat has one. */
  heartRateBpm: number;
  /** Classified beats per class name. */
  classCounts: Record<string, number>;
  /** True for the summary after the last beat. */
  final: boolean;
}

/** A signal-quality problem, as the beat stage reported it. */
export interface QualityReport extends QualityEvent {
  type: 'quality';
}

/** What a beat stream emits, in order. */
export type BeatStreamEvent = BeatPrediction | RollingSummary | QualityReport;

/** Counts kept by a beat stream. */
export interface BeatStreamStats {
  beats: number;
  classifiedBeats: number;
  /** Model calls made. */
  batches: number;
  /** Samples read from the source. */
  samples: number;
}
