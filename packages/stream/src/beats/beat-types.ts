/** @module The plain result objects of the beat stage: beats, their flags, and quality events. */

/** What is known to be wrong with a beat, or with the signal around it. */
export interface BeatFlags {
  /** The segment was longer than 187 samples (heart rate under about 48 bpm) and was cut short. */
  longSegment: boolean;
  /** The stream ended before the segment did; the missing tail is zeros. */
  truncated: boolean;
  /** NaN samples in the segment were replaced (see {@link GAP_INTERPOLATION_MAX_MS}). */
  gap: boolean;
  /** The segment overlaps a flat line (leads off, or no signal). */
  flatLine: boolean;
  /** The segment overlaps a run clipped at a constant extreme. */
  saturation: boolean;
  /** The beat's 10 s window implies a heart rate outside the plausible range. */
  implausibleHeartRate: boolean;
}

/** One beat in the Kachuee format, with where it came from. */
export interface Beat {
  /** 0 for the first beat of the stream. */
  index: number;
  /** The R-peak as a sample index at the input's own rate. */
  rPeakSample: number;
  /** The R-peak's time from the start of the stream. */
  rPeakTimeS: number;
  /** The RR interval to the previous R-peak (NaN for the first beat, after a gap or flutter). */
  rrIntervalS: number;
  /** 60 / rrIntervalS (NaN when that is NaN). */
  heartRateBpm: number;
  flags: BeatFlags;
  /** 187 samples at 125 Hz in [0, 1], zero-padded after the segment; never NaN. */
  samples: Float32Array;
}

/**
 * The kinds of signal-quality problem reported. `flutter` is a stretch of ventricular flutter or
 * fibrillation-like waves, where no beats are reported.
 */
export type QualityEventKind =
  'flat-line' | 'saturation' | 'gap' | 'implausible-heart-rate' | 'flutter';

/** A stretch of signal with a quality problem. Events are reports, never exceptions. */
export interface QualityEvent {
  kind: QualityEventKind;
  /** Start of the stretch, from the start of the stream. */
  startTimeS: number;
  /** End of the stretch (exclusive). */
  endTimeS: number;
  /** A sentence for people: what was seen, and what to check. */
  detail: string;
}

/** What one call of a beat stage produced. */
export interface BeatOutput {
  beats: Beat[];
  events: QualityEvent[];
}

/** The longest NaN run that is bridged by a straight line; longer runs hold the last value. */
export const GAP_INTERPOLATION_MAX_MS = 250;
