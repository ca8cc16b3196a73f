/** @module Drawing scheduled beats into a sample buffer, and finding each beat's true R-peak. */
import { findWave, waveTiming, type WaveEvent } from './wave-events';

/** One beat placed in time, ready to draw. */
export interface ScheduledBeat {
  /** The centre of the R wave, in seconds from the start of the signal (may be negative). */
  readonly rPeakTimeS: number;
  /** The cycle length that sets the waves' timing: the RR interval before this beat, in s. */
  readonly rrBeforeS: number;
  readonly waves: readonly WaveEvent[];
  /** The beat's annotation, such as `N` or `V`. */
  readonly label: string;
}

/** A Gaussian is drawn out to this many standard deviations and is exactly zero beyond. */
export const GAUSSIAN_SUPPORT_WIDTHS = 5;

/** The time span a beat's waves cover, in seconds from the start of the signal. */
export interface BeatSupport {
  startS: number;
  endS: number;
}

/** The time span outside of which a beat adds exactly nothing. */
export function beatSupport(beat: ScheduledBeat): BeatSupport {
  let startS = beat.rPeakTimeS;
  let endS = beat.rPeakTimeS;
  for (const wave of beat.waves) {
    const { offsetS, widthS } = waveTiming(wave, beat.rrBeforeS);
    const centreS = beat.rPeakTimeS + offsetS;
    startS = Math.min(startS, centreS - GAUSSIAN_SUPPORT_WIDTHS * widthS);
    endS = Math.max(endS, centreS + GAUSSIAN_SUPPORT_WIDTHS * widthS);
  }
  return { startS, endS };
}

/**
 * Adds a beat's waves to `buffer`, whose first element is sample `bufferStartIndex` of the
 * signal. Each sample's value depends only on its absolute index, so drawing a signal in pieces
 * gives exactly the same numbers as drawing it at once.
 */
export function addBeat(
  buffer: Float64Array,
  bufferStartIndex: number,
  sampleRateHz: number,
  beat: ScheduledBeat,
): void {
  for (const wave of beat.waves) {
    const { offsetS, widthS } = waveTiming(wave, beat.rrBeforeS);
    const centreS = beat.rPeakTimeS + offsetS;
    const reachS = GAUSSIAN_SUPPORT_WIDTHS * widthS;
    const first = Math.max(bufferStartIndex, Math.ceil((centreS - reachS) * sampleRateHz));
    const last = Math.min(
      bufferStartIndex + buffer.length - 1,
      Math.floor((centreS + reachS) * sampleRateHz),
    );
    for (let index = first; index <= last; index++) {
      const z = (index / sampleRateHz - centreS) / widthS;
      buffer[index - bufferStartIndex]! += wave.amplitudeMv * Math.exp(-0.5 * z * z);
    }
  }
}

/** How far from the R wave's centre the true maximum is looked for, in R-wave widths. */
export const R_PEAK_SEARCH_WIDTHS = 1.5;

/**
 * The sample index of the beat's R-peak: the maximum of the clean signal (all `beats` drawn)
 * near the R wave's centre. Overlapping Q, S and neighbouring waves can move the maximum a sample
 * or two away from the centre; detectors are scored against this sample.
 *
 * @param beats every beat that may overlap the search window, in schedule order.
 */
export function rPeakSampleIndex(
  beat: ScheduledBeat,
  beats: readonly ScheduledBeat[],
  sampleRateHz: number,
): number {
  const rWave = findWave(beat.waves, 'R');
  const widthS = rWave === undefined ? 0 : waveTiming(rWave, beat.rrBeforeS).widthS;
  const radius = Math.ceil(R_PEAK_SEARCH_WIDTHS * widthS * sampleRateHz) + 1;
  const centre = Math.round(beat.rPeakTimeS * sampleRateHz);
  const window = new Float64Array(2 * radius + 1);
  for (const other of beats) addBeat(window, centre - radius, sampleRateHz, other);
  let best = 0;
  for (let i = 1; i < window.length; i++) if (window[i]! > window[best]!) best = i;
  return centre - radius + best;
}
