/**
 * @module What a real recording adds to the heart's signal: baseline wander, muscle noise and
 * powerline hum, generated sample by sample so that a signal drawn in chunks is identical to one
 * drawn at once.
 */
import { UsageError } from '../../errors';
import { createRandom } from '../../util/seeded-random';
import { createGaussianRandom, uniformBetween, type GaussianSource } from './gaussian-random';

/** Amplitudes and frequencies of the added noise. Every amplitude defaults to 0 (none). */
export interface NoiseOptions {
  /** Peak amplitude of the baseline wander, a slow sinusoid of 0.15-0.3 Hz, in mV. */
  baselineWanderMv?: number;
  /** Root-mean-square amplitude of the muscle noise (low-pass filtered Gaussian), in mV. */
  noiseMv?: number;
  /** The mains frequency, 50 or 60 Hz. @defaultValue {@link DEFAULT_POWERLINE_HZ} */
  powerlineHz?: number;
  /** Peak amplitude of the powerline hum, in mV. */
  powerlineMv?: number;
}

/** The mains frequency when none is given. */
export const DEFAULT_POWERLINE_HZ = 50;

/** The range the baseline wander's frequency is drawn from. */
export const BASELINE_WANDER_RANGE_HZ = [0.15, 0.3] as const;

/** Muscle noise is white Gaussian noise through a one-pole low-pass with this cut-off. */
export const MUSCLE_NOISE_CUTOFF_HZ = 40;

/** The cut-off never goes above this fraction of the sampling rate. */
const MAX_CUTOFF_FRACTION = 0.4;

/**
 * Adds noise to consecutive pieces of a signal. The pieces must be passed in order and without
 * gaps; the generator keeps the muscle-noise filter's state between them.
 */
export class EcgNoise {
  private readonly gaussian: GaussianSource;
  private readonly wanderHz: number;
  private readonly wanderPhase: number;
  private readonly powerlinePhase: number;
  private readonly filterPole: number;
  private readonly whiteStdMv: number;
  private filtered: number;
  private nextIndex = 0;

  /** @throws {UsageError} if the hum's frequency is not below half the sampling rate. */
  constructor(
    private readonly options: NoiseOptions,
    private readonly sampleRateHz: number,
    seed: number | string,
  ) {
    const random = createRandom(`${seed}:noise`);
    this.gaussian = createGaussianRandom(random);
    this.wanderHz = uniformBetween(random, ...BASELINE_WANDER_RANGE_HZ);
    this.wanderPhase = 2 * Math.PI * random();
    this.powerlinePhase = 2 * Math.PI * random();
    checkPowerline(options, sampleRateHz);
    const cutoffHz = Math.min(MUSCLE_NOISE_CUTOFF_HZ, MAX_CUTOFF_FRACTION * sampleRateHz);
    this.filterPole = Math.exp((-2 * Math.PI * cutoffHz) / sampleRateHz);
    // A one-pole low-pass divides white variance by (1 + p) / (1 - p); undo that.
    const gain = Math.sqrt((1 + this.filterPole) / (1 - this.filterPole));
    this.whiteStdMv = (options.noiseMv ?? 0) * gain;
    this.filtered = (options.noiseMv ?? 0) * this.gaussian();
  }

  /**
   * Adds the noise of samples `startIndex …` to `buffer`.
   *
   * @throws {UsageError} if `startIndex` is not where the previous piece ended.
   */
  addTo(buffer: Float64Array, startIndex: number): void {
    if (startIndex !== this.nextIndex) {
      throw new UsageError(
        `EcgNoise.addTo: expected the piece starting at sample ${this.nextIndex}, received ` +
          `${startIndex}. Pass the pieces of the signal in order, without gaps.`,
      );
    }
    const { baselineWanderMv = 0, noiseMv = 0, powerlineMv = 0 } = this.options;
    const powerlineHz = this.options.powerlineHz ?? DEFAULT_POWERLINE_HZ;
    const muscleGain = 1 - this.filterPole;
    for (let i = 0; i < buffer.length; i++) {
      const timeS = (startIndex + i) / this.sampleRateHz;
      if (noiseMv > 0) {
        const white = this.whiteStdMv * this.gaussian();
        this.filtered = this.filterPole * this.filtered + muscleGain * white;
      }
      buffer[i]! +=
        baselineWanderMv * Math.sin(2 * Math.PI * this.wanderHz * timeS + this.wanderPhase) +
        powerlineMv * Math.sin(2 * Math.PI * powerlineHz * timeS + this.powerlinePhase) +
        (noiseMv > 0 ? this.filtered : 0);
    }
    this.nextIndex = startIndex + buffer.length;
  }
}

function checkPowerline(options: NoiseOptions, sampleRateHz: number): void {
  const powerlineHz = options.powerlineHz ?? DEFAULT_POWERLINE_HZ;
  if ((options.powerlineMv ?? 0) > 0 && !(powerlineHz < sampleRateHz / 2)) {
    throw new UsageError(
      `powerlineHz must be below half the sampling rate (${sampleRateHz / 2} Hz); received ` +
        `${powerlineHz}. Raise sampleRateHz or set powerlineMv to 0.`,
    );
  }
}
