/**
 * @module The QRS-enhancing signal chain of the R-peak detector, for one gap-free segment:
 * band-pass, derivative, a power of its magnitude and moving-window integration, plus the
 * baseline-free signal that R-peaks are refined on.
 */
import { BiquadChain, designButterworth } from '../signal/biquad';
import { SampleRing } from '../signal/ring-buffer';

/** Corner frequencies of the QRS band-pass, in Hz. */
export const QRS_BAND_HZ = { low: 5, high: 15 } as const;

/**
 * The band-passed slope is raised to this power before integration. Pan-Tompkins squares it,
 * which buries small aberrant beats (MIT-BIH 201); the plain absolute value (Hamilton-Tompkins)
 * lets tall T waves through (114). 1.5 is the better compromise on MIT-BIH.
 */
export const SLOPE_EXPONENT = 1.5;

/** The moving-window integration length. */
export const INTEGRATION_WINDOW_MS = 150;

/** Half the width of the centred moving average that removes baseline wander before refinement. */
export const BASELINE_HALF_WINDOW_MS = 100;

/** How many samples each ring keeps, in seconds of signal (covers the longest lookback). */
const RING_SECONDS = 6;

/** The sample-count constants of the chain at one sampling rate. */
export interface QrsChainLengths {
  /** Samples of the moving-window integration. */
  integration: number;
  /** Half-width of the baseline moving average; also the delay of the refinement signal. */
  baselineHalf: number;
  /** Ring capacity. */
  ring: number;
}

/** Works out the chain's sample counts at `sampleRateHz`. */
export function qrsChainLengths(sampleRateHz: number): QrsChainLengths {
  return {
    integration: Math.max(1, Math.round((INTEGRATION_WINDOW_MS * sampleRateHz) / 1000)),
    baselineHalf: Math.max(1, Math.round((BASELINE_HALF_WINDOW_MS * sampleRateHz) / 1000)),
    ring: Math.ceil(RING_SECONDS * sampleRateHz),
  };
}

/**
 * Runs the chain over one segment of finite samples. Local index 0 is the segment's first
 * sample. `integrated`, `slope` are aligned with the input; `refined` (baseline-free input)
 * lags by `lengths.baselineHalf` samples and is completed by {@link QrsFeatures.finish}.
 */
export class QrsFeatures {
  readonly lengths: QrsChainLengths;
  /** The moving-window integral of the slope raised to {@link SLOPE_EXPONENT}. */
  readonly integrated: SampleRing;
  /** The absolute derivative of the band-passed signal. */
  readonly slope: SampleRing;
  /** The input minus its centred moving average (baseline wander removed), unfiltered otherwise. */
  readonly refined: SampleRing;
  private readonly bandPass: BiquadChain;
  private readonly bandPassed: SampleRing;
  private readonly squared: SampleRing;
  private readonly input: SampleRing;
  private squaredSum = 0;

  constructor(readonly sampleRateHz: number) {
    this.lengths = qrsChainLengths(sampleRateHz);
    const { ring } = this.lengths;
    this.bandPass = new BiquadChain([
      designButterworth('highpass', QRS_BAND_HZ.low, sampleRateHz),
      designButterworth('lowpass', QRS_BAND_HZ.high, sampleRateHz),
    ]);
    [this.integrated, this.slope, this.refined] = [ring, ring, ring].map(
      (n) => new SampleRing(n),
    ) as [SampleRing, SampleRing, SampleRing];
    [this.bandPassed, this.squared, this.input] = [8, ring, ring].map((n) => new SampleRing(n)) as [
      SampleRing,
      SampleRing,
      SampleRing,
    ];
  }

  /** The number of samples pushed. */
  get length(): number {
    return this.input.length;
  }

  /** Pushes one finite sample. */
  push(value: number): void {
    if (this.input.length === 0) this.bandPass.settle(value);
    this.input.push(value);
    this.bandPassed.push(this.bandPass.step(value));
    const derivative = this.derivativeAt(this.bandPassed.length - 1);
    this.slope.push(Math.abs(derivative));
    this.pushEnergy(Math.abs(derivative) ** SLOPE_EXPONENT);
    this.pushRefined(this.input.length - 1 - this.lengths.baselineHalf, false);
  }

  /** Completes the refinement signal at the end of the segment, holding the last sample. */
  finish(): void {
    const last = this.input.length - 1;
    for (let centre = this.refined.length; centre <= last; centre++) this.pushRefined(centre, true);
  }

  private derivativeAt(n: number): number {
    const at = (k: number) => this.bandPassed.at(Math.max(0, k));
    return ((2 * at(n) + at(n - 1) - at(n - 3) - 2 * at(n - 4)) * this.sampleRateHz) / 8;
  }

  private pushEnergy(value: number): void {
    const { integration } = this.lengths;
    this.squared.push(value);
    this.squaredSum += value;
    const leaving = this.squared.length - 1 - integration;
    if (leaving >= 0) this.squaredSum -= this.squared.at(leaving);
    // Recompute now and then so rounding errors of the running sum cannot build up.
    if (this.squared.length % 4096 === 0) this.squaredSum = this.sumSquared();
    this.integrated.push(Math.max(0, this.squaredSum) / integration);
  }

  private sumSquared(): number {
    let sum = 0;
    const end = this.squared.length;
    for (let k = Math.max(0, end - this.lengths.integration); k < end; k++)
      sum += this.squared.at(k);
    return sum;
  }

  private pushRefined(centre: number, atEnd: boolean): void {
    if (centre < 0) return;
    const half = this.lengths.baselineHalf;
    const last = this.input.length - 1;
    let sum = 0;
    for (let k = centre - half; k <= centre + half; k++) {
      sum += this.input.at(Math.min(Math.max(0, k), atEnd ? last : k));
    }
    this.refined.push(this.input.at(centre) - sum / (2 * half + 1));
  }
}
