/**
 * @module Signal-quality checks on the 125 Hz stream: flat lines, saturation, NaN gaps and
 * implausible heart rates, found as runs of samples and reported as events.
 */
import type { QualityEvent, QualityEventKind } from './beat-types';

/** Samples within this range of each other count as constant. */
export const FLAT_TOLERANCE_MV = 0.01;
/** A constant run at least this long is a flat line (leads off, or no signal). */
export const FLAT_MIN_DURATION_MS = 1000;
/** A constant run at least this long at its window's extreme is saturation. */
export const SATURATION_MIN_DURATION_MS = 40;
/**
 * "At the extreme" means within this fraction of the window's range from its maximum or minimum:
 * resampling a clipped signal overshoots the plateau by up to about 9 % (Gibbs).
 */
export const SATURATION_EXTREME_FRACTION = 0.1;
/**
 * A clipped run is entered and left steeply, as when a QRS complex is cut flat: within this
 * time before its start and after its end, the signal is at least
 * {@link SATURATION_EDGE_FRACTION} of the window's range away from the run. An isoelectric
 * stretch at a window's minimum is entered and left gently (P and T waves) and is not saturation.
 */
export const SATURATION_EDGE_MS = 80;
/** See {@link SATURATION_EDGE_MS}. */
export const SATURATION_EDGE_FRACTION = 0.3;
/** Median heart rates outside this range suggest a wrong declared sampling rate. */
export const PLAUSIBLE_HEART_RATE_BPM = { min: 30, max: 250 } as const;

/** A run of NaN samples or of constant samples, as 125 Hz sample indices (end exclusive). */
export interface SampleRun {
  nan: boolean;
  start: number;
  end: number;
  min: number;
  max: number;
  /** The samples just before the run (up to the tracker's edge length; fewer at the start). */
  before: number[];
  /** The samples just after the run (fewer at the end of the stream). */
  after: number[];
}

/** Finds NaN runs and constant runs in a stream, sample by sample, across window boundaries. */
export class RunTracker {
  /** Runs that have ended, oldest first; the owner removes those it has handled. */
  readonly finished: SampleRun[] = [];
  private open: SampleRun | null = null;
  /** Ended runs still collecting their `after` samples. */
  private closing: SampleRun[] = [];
  private recent: number[] = [];
  private count = 0;

  /**
   * @param minConstantSamples constant runs shorter than this are not reported.
   * @param edgeSamples how many samples before and after each run it keeps.
   */
  constructor(
    private readonly minConstantSamples: number,
    private readonly edgeSamples = 0,
  ) {}

  /** The run still going on, if any. */
  get current(): SampleRun | null {
    return this.open;
  }

  /** The start of the oldest run not yet finished (going on, or collecting its edge). */
  get pendingStart(): number {
    return Math.min(this.closing[0]?.start ?? Infinity, this.open?.start ?? Infinity);
  }

  /** Takes the next sample. */
  push(value: number): void {
    const index = this.count++;
    this.collectAfter(value);
    const run = this.open;
    const nan = Number.isNaN(value);
    if (run !== null && run.nan === nan && (nan || fits(run, value))) {
      run.end = index + 1;
      if (!nan) [run.min, run.max] = [Math.min(run.min, value), Math.max(run.max, value)];
    } else {
      this.endOpen();
      const before = [...this.recent];
      this.open = { nan, start: index, end: index + 1, min: value, max: value, before, after: [] };
    }
    this.recent.push(value);
    if (this.recent.length > this.edgeSamples) this.recent.shift();
  }

  /** Ends the open run and every run still collecting samples (at the end of the stream). */
  close(): void {
    this.endOpen();
    this.finished.push(...this.closing);
    this.closing = [];
  }

  private endOpen(): void {
    const run = this.open;
    this.open = null;
    if (run === null || !(run.nan || run.end - run.start >= this.minConstantSamples)) return;
    if (this.edgeSamples === 0) this.finished.push(run);
    else this.closing.push(run);
  }

  private collectAfter(value: number): void {
    for (const run of this.closing) run.after.push(value);
    while (this.closing.length > 0 && this.closing[0]!.after.length >= this.edgeSamples) {
      this.finished.push(this.closing.shift()!);
    }
  }
}

function fits(run: SampleRun, value: number): boolean {
  return Math.max(run.max, value) - Math.min(run.min, value) <= FLAT_TOLERANCE_MV;
}

/** The lowest and highest finite values of a window (NaN, NaN if it has none). */
export function finiteRange(window: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < window.length; i++) {
    const value = window[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

/**
 * What a finished run is: a gap; saturation (a constant run at the extreme of the window it
 * started in, whose other samples vary, entered and left steeply: see
 * {@link SATURATION_EDGE_MS}; `windowRange` is that window's finite range); a flat line (a
 * constant run of at least {@link FLAT_MIN_DURATION_MS} that is not); or nothing.
 */
export function classifyRun(
  run: SampleRun,
  windowRange: { min: number; max: number },
  sampleRateHz: number,
): QualityEventKind | null {
  if (run.nan) return 'gap';
  const durationMs = ((run.end - run.start) * 1000) / sampleRateHz;
  if (durationMs < SATURATION_MIN_DURATION_MS) return null;
  const spread = windowRange.max - windowRange.min;
  const active = spread > 10 * FLAT_TOLERANCE_MV;
  const atTop = run.max >= windowRange.max - SATURATION_EXTREME_FRACTION * spread;
  const atBottom = run.min <= windowRange.min + SATURATION_EXTREME_FRACTION * spread;
  const steep = (awayFrom: (value: number) => number) =>
    steepEdge(run.before, awayFrom, spread) && steepEdge(run.after, awayFrom, spread);
  if (active && atTop && steep((v) => run.min - v)) return 'saturation';
  if (active && atBottom && steep((v) => v - run.max)) return 'saturation';
  return durationMs >= FLAT_MIN_DURATION_MS ? 'flat-line' : null;
}

/** Whether some edge sample is far enough from the run (never for an edge of NaN or none). */
function steepEdge(edge: number[], awayFrom: (value: number) => number, spread: number): boolean {
  return edge.some((value) => awayFrom(value) >= SATURATION_EDGE_FRACTION * spread);
}

/** Builds the event for a classified run. */
export function runEvent(
  kind: QualityEventKind,
  run: SampleRun,
  sampleRateHz: number,
): QualityEvent {
  const startTimeS = run.start / sampleRateHz;
  const endTimeS = run.end / sampleRateHz;
  const span = `${startTimeS.toFixed(2)}-${endTimeS.toFixed(2)} s`;
  const details: Record<QualityEventKind, string> = {
    gap: `NaN samples (missing data) at ${span}; beats there are flagged \`gap\` and bridged.`,
    'flat-line': `The signal is flat at ${span}; check that the lead is attached.`,
    saturation:
      `The signal is clipped at a constant extreme at ${span}; ` + 'check the input range or gain.',
    'implausible-heart-rate': '',
    flutter: '',
  };
  return { kind, startTimeS, endTimeS, detail: details[kind] };
}

/**
 * An event if the median RR of a window implies a heart rate outside
 * {@link PLAUSIBLE_HEART_RATE_BPM}, which most often means a wrong declared sampling rate.
 */
export function heartRateEvent(
  medianRrS: number,
  startTimeS: number,
  endTimeS: number,
): QualityEvent | null {
  const heartRateBpm = 60 / medianRrS;
  const { min, max } = PLAUSIBLE_HEART_RATE_BPM;
  if (!Number.isFinite(heartRateBpm) || (heartRateBpm >= min && heartRateBpm <= max)) return null;
  const detail =
    `The median heart rate over ${startTimeS.toFixed(0)}-${endTimeS.toFixed(0)} s is ` +
    `${heartRateBpm.toFixed(0)} bpm, outside ${min}-${max} bpm; check the declared sampling rate ` +
    '(360 Hz data declared as 125 Hz reads at a third of the true rate).';
  return { kind: 'implausible-heart-rate', startTimeS, endTimeS, detail };
}
