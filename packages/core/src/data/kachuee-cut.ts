/**
 * @module The beat cut of Kachuee et al. (2018), which made the Kaggle heartbeat datasets.
 *
 * A window of ECG at 125 Hz is scaled to [0, 1]; from each R-peak a segment of 1.2 times the
 * window's median RR interval is taken and zero-padded to 187 samples.
 */

/** Samples per beat in the Kaggle format. */
export const BEAT_LENGTH = 187;

/** The sampling rate of the Kaggle format. */
export const BEAT_SAMPLE_RATE_HZ = 125;

/** The segment length as a multiple of the median RR interval. */
export const RR_SEGMENT_FACTOR = 1.2;

/** Scales a window linearly to [0, 1]; a flat window becomes all zeros. */
export function scaleToUnitRange(window: ArrayLike<number>): Float32Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < window.length; i++) {
    const value = window[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const range = max - min;
  const scaled = new Float32Array(window.length);
  if (!(range > 0)) return scaled;
  for (let i = 0; i < window.length; i++) scaled[i] = (window[i]! - min) / range;
  return scaled;
}

/** The median of a list of numbers (NaN for an empty list). */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One cut beat. */
export interface CutBeat {
  /** `beatLength` samples in [0, 1], zero-padded after the segment. */
  beat: Float32Array;
  /** The segment was longer than `beatLength` (heart rate under about 48 bpm) and was cut short. */
  longSegment: boolean;
  /** The segment ran past the end of the window, so its tail is missing. */
  pastEnd: boolean;
}

/**
 * Cuts the beat starting at `rPeakIndex` from a window already scaled to [0, 1].
 *
 * @param medianRrSamples the window's median RR interval, in samples at the window's rate.
 * @defaultValue beatLength 187
 */
export function cutBeat(
  scaledWindow: Float32Array,
  rPeakIndex: number,
  medianRrSamples: number,
  beatLength: number = BEAT_LENGTH,
): CutBeat {
  const segmentLength = Math.round(RR_SEGMENT_FACTOR * medianRrSamples);
  const wanted = Math.min(segmentLength, beatLength);
  const available = Math.max(0, Math.min(wanted, scaledWindow.length - rPeakIndex));
  const beat = new Float32Array(beatLength);
  beat.set(scaledWindow.subarray(rPeakIndex, rPeakIndex + available));
  return { beat, longSegment: segmentLength > beatLength, pastEnd: available < wanted };
}
