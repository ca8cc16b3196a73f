/**
 * @module Recognises ventricular flutter and fibrillation in one gap-free segment from the
 * signal alone, with the VF-filter leakage test of Kuo and Dillman (1978), so that the R-peak
 * detector can drop the flutter waves it would otherwise report as beats.
 *
 * The signal is band-limited (1-8 Hz), its mean half period N is estimated from the ratio of its
 * mean magnitude to its mean slope, and the leakage is the share of the signal left when it is
 * added to itself N samples earlier: near 0 for a sinusoid, high for narrow QRS complexes on a
 * flat baseline, however fast they come. The segment is judged in 1 s blocks, each by a 4 s
 * window around it; a block is flutter below {@link FLUTTER_ENTER_LEAKAGE}, and flutter goes on
 * while the leakage stays below {@link FLUTTER_STAY_LEAKAGE}.
 */
import { BiquadChain, designButterworth } from '../signal/biquad';
import { SampleRing } from '../signal/ring-buffer';

/** The band the leakage is measured in, in Hz (flutter waves are 3-5 Hz sinusoids). */
export const FLUTTER_BAND_HZ = { low: 1, high: 8 } as const;
/** The length of a judged block. */
export const FLUTTER_BLOCK_MS = 1000;
/** Each block is judged by the window from this long before its start to this long after. */
export const FLUTTER_WINDOW_MS = { before: 1500, after: 2500 } as const;
/** A window shorter than this (at a segment's end) is never taken for flutter. */
export const FLUTTER_MIN_WINDOW_MS = 2000;
/** A block whose leakage is under this starts a flutter stretch. */
export const FLUTTER_ENTER_LEAKAGE = 0.35;
/** A block right after a flutter block stays flutter while its leakage is under this. */
export const FLUTTER_STAY_LEAKAGE = 0.5;

/** A stretch judged flutter, as segment-local sample indices (end exclusive). */
export interface FlutterSpan {
  start: number;
  end: number;
}

/** Judges one segment block by block; pushes samples, then asks which samples are decided. */
export class FlutterDetector {
  /** Every sample before this (segment-local) index has been judged. */
  decidedSamples = 0;
  /** Flutter stretches that have ended, oldest first; the owner removes those it has handled. */
  readonly finished: FlutterSpan[] = [];
  private readonly filter: BiquadChain;
  private readonly filtered: SampleRing;
  private readonly blockSamples: number;
  private readonly beforeSamples: number;
  private readonly afterSamples: number;
  private readonly minWindowSamples: number;
  private open: FlutterSpan | null = null;

  constructor(sampleRateHz: number) {
    const samples = (ms: number) => Math.max(1, Math.round((ms * sampleRateHz) / 1000));
    this.blockSamples = samples(FLUTTER_BLOCK_MS);
    this.beforeSamples = samples(FLUTTER_WINDOW_MS.before);
    this.afterSamples = samples(FLUTTER_WINDOW_MS.after);
    this.minWindowSamples = samples(FLUTTER_MIN_WINDOW_MS);
    this.filtered = new SampleRing(this.beforeSamples + this.afterSamples + 1);
    this.filter = new BiquadChain([
      designButterworth('highpass', FLUTTER_BAND_HZ.low, sampleRateHz),
      designButterworth(
        'lowpass',
        Math.min(FLUTTER_BAND_HZ.high, 0.45 * sampleRateHz),
        sampleRateHz,
      ),
    ]);
  }

  /** Whether the (decided) segment-local sample `index` lies in a flutter stretch. */
  inFlutter(index: number): boolean {
    const open = this.open;
    if (open !== null && index >= open.start && index < open.end) return true;
    return this.finished.some((span) => index >= span.start && index < span.end);
  }

  /** Pushes one finite sample. */
  push(value: number): void {
    if (this.filtered.length === 0) this.filter.settle(value);
    this.filtered.push(this.filter.step(value));
    while (this.filtered.length >= this.decidedSamples + this.afterSamples) this.judgeNext(false);
  }

  /** Ends the segment: judges the remaining blocks on what there is and closes any stretch. */
  finish(): void {
    while (this.decidedSamples < this.filtered.length) this.judgeNext(true);
    this.closeOpen();
  }

  private judgeNext(atEnd: boolean): void {
    const start = this.decidedSamples;
    const end = atEnd
      ? Math.min(start + this.blockSamples, this.filtered.length)
      : start + this.blockSamples;
    const from = Math.max(0, start - this.beforeSamples);
    const to = Math.min(this.filtered.length, start + this.afterSamples);
    const leakage = to - from >= this.minWindowSamples ? this.leakage(from, to) : 1;
    const limit = this.open === null ? FLUTTER_ENTER_LEAKAGE : FLUTTER_STAY_LEAKAGE;
    if (leakage < limit) {
      if (this.open === null) this.open = { start, end };
      this.open.end = end;
    } else {
      this.closeOpen();
    }
    this.decidedSamples = end;
  }

  private closeOpen(): void {
    if (this.open !== null) this.finished.push(this.open);
    this.open = null;
  }

  /** The VF-filter leakage of the filtered samples in [from, to); 1 (no flutter) if undefined. */
  private leakage(from: number, to: number): number {
    const x = (k: number) => this.filtered.at(k);
    let magnitude = 0;
    let slope = 0;
    for (let k = from + 1; k < to; k++) {
      magnitude += Math.abs(x(k));
      slope += Math.abs(x(k) - x(k - 1));
    }
    if (!(slope > 0)) return 1;
    const halfPeriod = Math.floor((Math.PI * magnitude) / slope + 0.5);
    let leaked = 0;
    let total = 0;
    for (let k = from + halfPeriod; k < to; k++) {
      leaked += Math.abs(x(k) + x(k - halfPeriod));
      total += Math.abs(x(k)) + Math.abs(x(k - halfPeriod));
    }
    return total > 0 ? leaked / total : 1;
  }
}
