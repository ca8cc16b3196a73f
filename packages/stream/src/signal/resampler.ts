/**
 * @module Streaming, anti-aliased sample-rate conversion by a polyphase Kaiser-windowed sinc FIR.
 *
 * Output sample k stands for time k / outputRateHz exactly (no delay in the indices); it is
 * emitted once the input has run {@link Resampler.latencyInputSamples} samples past that time.
 * Before the first sample and after the last, the signal is taken to hold its edge values, so
 * the edges do not ring.
 */
import { UsageError } from '@edge-ecg/core';
import { kaiserBeta, kaiserHalfLength, kaiserSinc } from './kaiser';
import { rationalRatio, type RationalRatio } from './rational-ratio';

/** The output rate of the Kaggle beat format. */
export const DEFAULT_OUTPUT_RATE_HZ = 125;
/** The passband edge as a fraction of the lower Nyquist frequency (45 Hz for 125 Hz output). */
export const PASSBAND_FRACTION = 0.72;
/** The stopband attenuation from the lower Nyquist frequency up. */
export const STOPBAND_ATTENUATION_DB = 60;

/** Options of {@link Resampler}. */
export interface ResamplerOptions {
  /** The rate of the samples pushed. */
  inputRateHz: number;
  /** @defaultValue {@link DEFAULT_OUTPUT_RATE_HZ} */
  outputRateHz?: number;
}

/**
 * Converts a stream of samples from one rate to another, chunk by chunk; the concatenated
 * output is bit-identical however the input is chunked. NaN samples stay NaN and spread to the
 * outputs whose filter spans them (at most {@link Resampler.latencyInputSamples} input samples
 * either side), and no further.
 */
export class Resampler {
  /** The rate ratio output / input, in lowest terms. */
  readonly ratio: RationalRatio;
  /** How far past an output's time the input must run before it is emitted, in input samples. */
  readonly latencyInputSamples: number;
  private readonly phases: Float64Array[];
  private history = new Float64Array(0);
  private historyStart = 0;
  private historyLength = 0;
  private received = 0;
  private emitted = 0;

  /** @throws UsageError if either rate is not a positive finite number. */
  constructor(options: ResamplerOptions) {
    const outputRateHz = options.outputRateHz ?? DEFAULT_OUTPUT_RATE_HZ;
    checkRate('inputRateHz', options.inputRateHz);
    checkRate('outputRateHz', outputRateHz);
    this.ratio = rationalRatio(outputRateHz, options.inputRateHz);
    const identity = this.ratio.up === 1 && this.ratio.down === 1;
    this.latencyInputSamples = identity ? 0 : halfLengthFor(options.inputRateHz, outputRateHz);
    this.phases = identity
      ? [Float64Array.of(1)]
      : designPhases(this.ratio, this.latencyInputSamples, options.inputRateHz, outputRateHz);
  }

  /** The number of output samples a whole stream of `inputLength` samples gives, after flush. */
  outputLengthFor(inputLength: number): number {
    if (inputLength <= 0) return 0;
    return Math.floor(((inputLength - 1) * this.ratio.up) / this.ratio.down) + 1;
  }

  /** The number of outputs emitted once `inputLength` samples have been pushed (no flush). */
  emittedCountFor(inputLength: number): number {
    const ahead = inputLength - this.latencyInputSamples;
    if (ahead <= 0) return 0;
    return Math.min(
      this.outputLengthFor(inputLength),
      Math.ceil((ahead * this.ratio.up) / this.ratio.down),
    );
  }

  /** Pushes input samples; returns the output samples they complete. */
  push(samples: ArrayLike<number>): Float32Array {
    if (samples.length === 0) return new Float32Array(0);
    if (this.received === 0)
      this.append(samples[0]!, this.latencyInputSamples, -this.latencyInputSamples);
    for (let i = 0; i < samples.length; i++) this.append(samples[i]!, 1);
    this.received += samples.length;
    return this.produce(this.emittedCountFor(this.received));
  }

  /** Ends the stream (holding the last sample) and returns the remaining outputs. */
  flush(): Float32Array {
    if (this.received === 0) return new Float32Array(0);
    const last = this.history[this.historyLength - 1]!;
    this.append(last, this.latencyInputSamples);
    return this.produce(this.outputLengthFor(this.received));
  }

  private produce(until: number): Float32Array {
    const out = new Float32Array(Math.max(0, until - this.emitted));
    for (let k = 0; k < out.length; k++) out[k] = this.outputAt(this.emitted + k);
    this.emitted = Math.max(this.emitted, until);
    this.discardBefore(this.firstInputFor(this.emitted));
    return out;
  }

  private outputAt(k: number): number {
    const { up, down } = this.ratio;
    const phase = this.phases[(k * down) % up]!;
    const offset = this.firstInputFor(k) - this.historyStart;
    let sum = 0;
    for (let j = 0; j < phase.length; j++) sum += phase[j]! * this.history[offset + j]!;
    return sum;
  }

  private firstInputFor(k: number): number {
    // The taps of output k run from input n - H + 1 to n + H, n being the input just before it.
    return (
      Math.floor((k * this.ratio.down) / this.ratio.up) -
      Math.floor((this.phases[0]!.length - 1) / 2)
    );
  }

  private append(value: number, count: number, startIndex?: number): void {
    if (startIndex !== undefined) this.historyStart = startIndex;
    if (this.historyLength + count > this.history.length) {
      const grown = new Float64Array(Math.max(64, 2 * (this.historyLength + count)));
      grown.set(this.history.subarray(0, this.historyLength));
      this.history = grown;
    }
    this.history.fill(value, this.historyLength, this.historyLength + count);
    this.historyLength += count;
  }

  private discardBefore(index: number): void {
    const drop = Math.min(this.historyLength, Math.max(0, index - this.historyStart));
    if (drop < 4096 && drop < this.historyLength) return;
    this.history.copyWithin(0, drop, this.historyLength);
    this.historyLength -= drop;
    this.historyStart += drop;
  }
}

function checkRate(name: string, rateHz: number): void {
  if (Number.isFinite(rateHz) && rateHz > 0) return;
  throw new UsageError(
    `Resampler: ${name} must be a positive number of samples per second, ` +
      `received ${String(rateHz)}.`,
  );
}

function halfLengthFor(inputRateHz: number, outputRateHz: number): number {
  const nyquistHz = Math.min(inputRateHz, outputRateHz) / 2;
  const widthHz = (1 - PASSBAND_FRACTION) * nyquistHz;
  return kaiserHalfLength(STOPBAND_ATTENUATION_DB, widthHz / inputRateHz);
}

/** One table of 2 * halfLength taps per phase, each normalised to unit DC gain. */
function designPhases(
  ratio: RationalRatio,
  halfLength: number,
  inputRateHz: number,
  outputRateHz: number,
): Float64Array[] {
  const nyquistHz = Math.min(inputRateHz, outputRateHz) / 2;
  const cutoff = ((1 + PASSBAND_FRACTION) * nyquistHz) / 2 / inputRateHz;
  const beta = kaiserBeta(STOPBAND_ATTENUATION_DB);
  const phases: Float64Array[] = [];
  for (let phase = 0; phase < ratio.up; phase++) {
    const taps = new Float64Array(2 * halfLength);
    for (let j = 0; j < taps.length; j++) {
      taps[j] = kaiserSinc(phase / ratio.up + halfLength - 1 - j, cutoff, halfLength, beta);
    }
    const gain = taps.reduce((a, b) => a + b, 0);
    for (let j = 0; j < taps.length; j++) taps[j]! /= gain;
    phases.push(taps);
  }
  return phases;
}
