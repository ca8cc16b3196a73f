/** @module A sinus rhythm: beats of one shape at the times an RR series gives. */
import { createRandom } from '../../util/seeded-random';
import type { ScheduledBeat } from './beat-render';
import type { BeatSource } from './ecg-synthesizer';
import { createGaussianRandom, type GaussianSource } from './gaussian-random';
import { createRrSeries, type RrSeries } from './rr-series';
import { scaleWaveAmplitudes, type WaveEvent } from './wave-events';

/** Options of {@link SinusRhythm}. */
export interface SinusRhythmOptions {
  /** The mean heart rate, in beats per minute. */
  heartRateBpm: number;
  /** The RR intervals' standard deviation as a fraction of the mean RR. */
  hrvStdFraction: number;
  /** Every beat's waves before the per-beat amplitude jitter. */
  waves: readonly WaveEvent[];
  /** The annotation of every beat. */
  label: string;
  /** Each beat's gain varies by this standard deviation (a fraction). @defaultValue 0 */
  amplitudeJitterFraction?: number;
  seed: number | string;
}

/**
 * Beats of one shape from an RR series. The first R-peak falls at a random time within one RR
 * before the signal starts, so a signal begins anywhere in the cycle.
 */
export class SinusRhythm implements BeatSource {
  private readonly rrSeries: RrSeries;
  private readonly gaussian: GaussianSource;
  private nextTimeS: number;
  private previousRrS: number;

  constructor(private readonly options: SinusRhythmOptions) {
    const random = createRandom(`${options.seed}:rhythm`);
    this.gaussian = createGaussianRandom(random);
    this.rrSeries = createRrSeries({ ...options, random, gaussian: this.gaussian });
    this.previousRrS = 60 / options.heartRateBpm;
    this.nextTimeS = -random() * this.previousRrS;
  }

  nextBeat(): ScheduledBeat {
    const rPeakTimeS = this.nextTimeS;
    const rrAfterS = this.rrSeries(rPeakTimeS);
    const jitter = this.options.amplitudeJitterFraction ?? 0;
    const gain = jitter === 0 ? 1 : 1 + jitter * this.gaussian();
    const beat: ScheduledBeat = {
      rPeakTimeS,
      rrBeforeS: this.previousRrS,
      waves: scaleWaveAmplitudes(this.options.waves, gain),
      label: this.options.label,
    };
    this.previousRrS = rrAfterS;
    this.nextTimeS = rPeakTimeS + rrAfterS;
    return beat;
  }
}
