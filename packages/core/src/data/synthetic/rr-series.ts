/**
 * @module Heart-rate variability: the sinus node's RR interval as a function of time.
 *
 * McSharry et al. draw the RR tachogram from a power spectrum with two Gaussian peaks, Mayer
 * waves near 0.1 Hz and respiratory sinus arrhythmia near 0.25 Hz. This SDK keeps the two
 * components but uses one sinusoid each (random phases, the paper's LF/HF power ratio of 0.5)
 * plus a small white jitter, which gives the same two spectral lines without an inverse FFT and
 * can be evaluated beat by beat, as a stream needs.
 */
import type { RandomSource } from '../../util/seeded-random';
import type { GaussianSource } from './gaussian-random';

/** The Mayer-wave (low-frequency) component's frequency. */
export const MAYER_WAVE_HZ = 0.1;

/** The respiratory (high-frequency) component's frequency. */
export const RESPIRATORY_HZ = 0.25;

/** LF/HF power ratio, the paper's default. */
export const LF_HF_RATIO = 0.5;

/** The share of the RR variance that is beat-to-beat white jitter. */
export const JITTER_VARIANCE_SHARE = 0.1;

/** RR intervals are kept within this factor of the mean (below and above). */
export const RR_LIMIT_FACTOR = 0.5;

/** Options of {@link createRrSeries}. */
export interface RrSeriesOptions {
  /** The mean heart rate, in beats per minute. */
  heartRateBpm: number;
  /** The RR intervals' standard deviation as a fraction of the mean RR (0 for a fixed rate). */
  hrvStdFraction: number;
  /** Draws the phases. */
  random: RandomSource;
  /** Draws the jitter, one number per beat. */
  gaussian: GaussianSource;
  /** @defaultValue {@link RESPIRATORY_HZ} */
  respiratoryHz?: number;
}

/** The RR interval, in seconds, that starts at a beat at `timeS`. Call once per beat, in order. */
export type RrSeries = (timeS: number) => number;

/** An RR series with Mayer-wave and respiratory modulation and a little jitter. */
export function createRrSeries(options: RrSeriesOptions): RrSeries {
  const meanRrS = 60 / options.heartRateBpm;
  const stdS = meanRrS * options.hrvStdFraction;
  const periodicVariance = 1 - JITTER_VARIANCE_SHARE;
  const lfAmplitudeS = stdS * Math.sqrt((2 * periodicVariance * LF_HF_RATIO) / (1 + LF_HF_RATIO));
  const hfAmplitudeS = stdS * Math.sqrt((2 * periodicVariance) / (1 + LF_HF_RATIO));
  const jitterS = stdS * Math.sqrt(JITTER_VARIANCE_SHARE);
  const lfPhase = 2 * Math.PI * options.random();
  const hfPhase = 2 * Math.PI * options.random();
  const hfHz = options.respiratoryHz ?? RESPIRATORY_HZ;
  return (timeS) => {
    const rrS =
      meanRrS +
      lfAmplitudeS * Math.sin(2 * Math.PI * MAYER_WAVE_HZ * timeS + lfPhase) +
      hfAmplitudeS * Math.sin(2 * Math.PI * hfHz * timeS + hfPhase) +
      (jitterS === 0 ? 0 : jitterS * options.gaussian());
    const limitS = RR_LIMIT_FACTOR * meanRrS;
    return Math.min(meanRrS + limitS, Math.max(meanRrS - limitS, rrS));
  };
}
