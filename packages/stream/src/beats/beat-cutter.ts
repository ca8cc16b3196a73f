/**
 * @module The streaming Kachuee beat cut: 125 Hz samples and their R-peaks in, beats of 187
 * samples in [0, 1] out, with signal-quality events and flags.
 *
 * Windows are consecutive 10 s spans from the start of the stream ([0, 10) s, [10, 20) s, ...);
 * a beat belongs to the window that contains its R-peak. The window is scaled to [0, 1] by its
 * own finite minimum and maximum; a segment that runs on into the next window is scaled the same
 * way and clamped to [0, 1]. The window's median RR is the median of the RR intervals ending in
 * it; a window with none borrows the last window's, and before any, the beat's own next RR.
 */
import {
  BEAT_LENGTH,
  BEAT_SAMPLE_RATE_HZ,
  RR_SEGMENT_FACTOR,
  UsageError,
  median,
} from '@edge-ecg/core';
import {
  GAP_INTERPOLATION_MAX_MS,
  type Beat,
  type BeatOutput,
  type QualityEvent,
} from './beat-types';
import {
  RunTracker,
  SATURATION_EDGE_MS,
  SATURATION_MIN_DURATION_MS,
  classifyRun,
  finiteRange,
  heartRateEvent,
  runEvent,
} from './signal-quality';
import { SampleStore } from './sample-store';

/** The length of the scaling and median-RR windows. */
export const WINDOW_DURATION_MS = 10_000;

/** The RR interval assumed when a stream has only one beat. */
export const FALLBACK_RR_MS = 1000;

/** Options of {@link BeatCutter}. */
export interface BeatCutterOptions {
  /** The rate of the original input, which `rPeakSample` is given at. @defaultValue 125 */
  inputRateHz?: number;
}

interface OpenWindow {
  index: number;
  range: { min: number; max: number };
  medianRrSamples: number;
  ownMedian: boolean;
  implausibleHeartRate: boolean;
}

interface FlaggedSpan {
  kind: QualityEvent['kind'];
  start: number;
  end: number;
}

const RATE = BEAT_SAMPLE_RATE_HZ;
const WINDOW = Math.round((WINDOW_DURATION_MS * RATE) / 1000);
const GAP_MAX = Math.round((GAP_INTERPOLATION_MAX_MS * RATE) / 1000);

/**
 * Cuts beats from a 125 Hz stream as its R-peaks become known. Push samples together with the
 * R-peaks found so far and how far the detector has settled; beats come out, in order, once
 * their window is complete and their segment is in. Output never depends on chunking.
 */
export class BeatCutter {
  private readonly inputRateHz: number;
  private readonly store = new SampleStore();
  private readonly runs = new RunTracker(
    Math.round((SATURATION_MIN_DURATION_MS * RATE) / 1000),
    Math.round((SATURATION_EDGE_MS * RATE) / 1000),
  );
  private readonly peaks: number[] = [];
  private readonly spans: FlaggedSpan[] = [];
  private readonly windowRanges = new Map<number, { min: number; max: number }>();
  private previousPeak = NaN;
  private lastMedianRrSamples = NaN;
  private window: OpenWindow | null = null;
  private nextWindow = 0;
  private settled = 0;
  private flushed = false;
  private beatCount = 0;
  private out: BeatOutput = { beats: [], events: [] };

  /** @throws UsageError if `inputRateHz` is not a positive finite number. */
  constructor(options: BeatCutterOptions = {}) {
    this.inputRateHz = options.inputRateHz ?? RATE;
    if (!(Number.isFinite(this.inputRateHz) && this.inputRateHz > 0)) {
      throw new UsageError(
        'BeatCutter: inputRateHz must be a positive number of samples per second, ' +
          `received ${String(options.inputRateHz)}.`,
      );
    }
  }

  /**
   * Pushes 125 Hz samples and newly found R-peaks (125 Hz sample indices, increasing).
   *
   * @param settledSampleCount every R-peak before this index has been pushed.
   */
  push(
    samples: ArrayLike<number>,
    rPeaks: readonly number[],
    settledSampleCount: number,
  ): BeatOutput {
    for (let i = 0; i < samples.length; i++) this.runs.push(samples[i]!);
    this.store.append(samples);
    for (const peak of rPeaks) if (peak < this.store.length) this.peaks.push(peak);
    this.settled = Math.max(this.settled, settledSampleCount);
    return this.run();
  }

  /** Takes `flutter` events, before the samples that settle them: no RR across them is known. */
  noteFlutter(events: readonly QualityEvent[]): void {
    const flutter = events.filter((event) => event.kind === 'flutter');
    for (const { startTimeS, endTimeS } of flutter)
      this.spans.push({ kind: 'flutter', start: startTimeS * RATE, end: endTimeS * RATE });
  }

  /** Ends the stream: the rest of the beats, segments past the end flagged `truncated`. */
  flush(rPeaks: readonly number[] = []): BeatOutput {
    for (const peak of rPeaks) if (peak < this.store.length) this.peaks.push(peak);
    this.runs.close();
    this.flushed = true;
    return this.run();
  }

  private run(): BeatOutput {
    this.classifyRuns();
    while (this.advance()) this.classifyRuns();
    const out = this.out;
    this.out = { beats: [], events: [] };
    return out;
  }

  /** Makes progress on the current window; false when it has to wait for more input. */
  private advance(): boolean {
    const window = this.window ?? this.openWindow();
    if (window === null) return false;
    const end = (window.index + 1) * WINDOW;
    while (this.peaks.length > 0 && this.peaks[0]! < end) {
      if (!this.emitBeat(this.peaks[0]!, window)) return false;
      this.previousPeak = this.peaks.shift()!;
    }
    if (window.ownMedian) this.lastMedianRrSamples = window.medianRrSamples;
    this.window = null;
    this.nextWindow++;
    this.store.discardBefore(end);
    this.forget();
    return true;
  }

  /** Drops what can no longer matter: spans before the last R-peak, old window ranges. */
  private forget(): void {
    const keepFrom = Math.min(this.runs.pendingStart, this.store.start);
    for (const index of this.windowRanges.keys()) {
      if ((index + 1) * WINDOW <= keepFrom) this.windowRanges.delete(index);
    }
    const spans = this.spans.filter((span) => !(span.end <= this.previousPeak));
    this.spans.splice(0, this.spans.length, ...spans);
  }

  private openWindow(): OpenWindow | null {
    const start = this.nextWindow * WINDOW;
    const end = start + WINDOW;
    const complete = this.store.length >= end && this.settled >= end;
    if (!complete && !(this.flushed && this.store.length > start)) return null;
    const range = finiteRange(this.store.slice(start, Math.min(end, this.store.length)));
    this.windowRanges.set(this.nextWindow, range);
    this.window = { index: this.nextWindow, range, ...this.medianRr(start, end) };
    if (this.window.implausibleHeartRate) {
      const event = heartRateEvent(
        this.window.medianRrSamples / RATE,
        start / RATE,
        Math.min(end, this.store.length) / RATE,
      );
      if (event !== null) this.out.events.push(event);
    }
    return this.window;
  }

  private medianRr(
    start: number,
    end: number,
  ): Pick<OpenWindow, 'medianRrSamples' | 'ownMedian' | 'implausibleHeartRate'> {
    const intervals: number[] = [];
    let previous = this.previousPeak;
    for (const peak of this.peaks) {
      if (peak >= end) break;
      if (peak >= start && this.rrValid(previous, peak)) intervals.push(peak - previous);
      previous = peak;
    }
    if (intervals.length === 0) {
      return {
        medianRrSamples: this.lastMedianRrSamples,
        ownMedian: false,
        implausibleHeartRate: false,
      };
    }
    const medianRrSamples = median(intervals);
    const implausible = heartRateEvent(medianRrSamples / RATE, 0, 0) !== null;
    return { medianRrSamples, ownMedian: true, implausibleHeartRate: implausible };
  }

  private rrValid(from: number, to: number): boolean {
    if (!Number.isFinite(from)) return false;
    const breaks = (kind: FlaggedSpan['kind']) => kind === 'gap' || kind === 'flutter';
    return !this.spans.some((span) => breaks(span.kind) && span.start < to && span.end > from);
  }

  /** Emits the beat at `rPeak` if its segment is in; false if it must wait. */
  private emitBeat(rPeak: number, window: OpenWindow): boolean {
    const rrSamples = this.segmentRr(rPeak, window);
    if (rrSamples === null) return false;
    const segmentLength = Math.round(RR_SEGMENT_FACTOR * rrSamples);
    const wanted = Math.min(segmentLength, BEAT_LENGTH);
    if (!this.flushed && this.store.length < rPeak + wanted + GAP_MAX) return false;
    const available = Math.max(0, Math.min(wanted, this.store.length - rPeak));
    const { values, repaired } = this.store.repairedSlice(rPeak, rPeak + available, GAP_MAX);
    this.out.beats.push(
      this.makeBeat(rPeak, window, values, { segmentLength, wanted, available, repaired }),
    );
    return true;
  }

  private segmentRr(rPeak: number, window: OpenWindow): number | null {
    if (Number.isFinite(window.medianRrSamples)) return window.medianRrSamples;
    const next = this.peaks[1];
    if (next !== undefined && this.rrValid(rPeak, next)) return next - rPeak;
    if (!this.flushed && next === undefined) return null;
    return (FALLBACK_RR_MS * RATE) / 1000;
  }

  private makeBeat(
    rPeak: number,
    window: OpenWindow,
    values: Float32Array,
    cut: { segmentLength: number; wanted: number; available: number; repaired: boolean },
  ): Beat {
    const samples = new Float32Array(BEAT_LENGTH);
    const { min, max } = window.range;
    const spread = max - min;
    for (let i = 0; i < values.length; i++) {
      const scaled = (values[i]! - min) / spread;
      // A run with no finite neighbour stays NaN in `values`; it becomes 0, never NaN.
      samples[i] = spread > 0 && !Number.isNaN(scaled) ? Math.min(1, Math.max(0, scaled)) : 0;
    }
    const rrIntervalS = this.rrValid(this.previousPeak, rPeak)
      ? (rPeak - this.previousPeak) / RATE
      : NaN;
    const overlaps = (kind: FlaggedSpan['kind']) =>
      this.spans.some((s) => s.kind === kind && s.start < rPeak + cut.wanted && s.end > rPeak);
    return {
      index: this.beatCount++,
      rPeakSample: Math.round((rPeak * this.inputRateHz) / RATE),
      rPeakTimeS: rPeak / RATE,
      rrIntervalS,
      heartRateBpm: 60 / rrIntervalS,
      flags: {
        longSegment: cut.segmentLength > BEAT_LENGTH,
        truncated: cut.available < cut.wanted,
        gap: cut.repaired,
        flatLine: overlaps('flat-line'),
        saturation: overlaps('saturation'),
        implausibleHeartRate: window.implausibleHeartRate,
      },
      samples,
    };
  }

  /** Turns finished runs into events once the window each started in has been measured. */
  private classifyRuns(): void {
    const finished = this.runs.finished;
    while (finished.length > 0) {
      const run = finished[0]!;
      const windowIndex = Math.floor(run.start / WINDOW);
      const range = this.windowRanges.get(windowIndex) ?? this.measuredRange(windowIndex);
      if (range === null) return;
      finished.shift();
      const kind = classifyRun(run, range, RATE);
      if (kind === null) continue;
      this.spans.push({ kind, start: run.start, end: run.end });
      this.out.events.push(runEvent(kind, run, RATE));
    }
  }

  private measuredRange(windowIndex: number): { min: number; max: number } | null {
    const start = windowIndex * WINDOW;
    const end = Math.min(start + WINDOW, this.store.length);
    if (end < start + WINDOW && !this.flushed) return null;
    if (start < this.store.start) return { min: NaN, max: NaN };
    const range = finiteRange(this.store.slice(start, end));
    this.windowRanges.set(windowIndex, range);
    return range;
  }
}
