/**
 * @module The decision rules of the R-peak detector: adaptive signal and noise levels on the
 * integrated signal's peaks, a refractory period, T-wave discrimination and search-back.
 */

/** A local maximum of the integrated signal, a QRS complex or noise. */
export interface QrsCandidate {
  /** Segment-local sample index of the integrated signal's peak. */
  index: number;
  /** The integrated signal's value at the peak. */
  height: number;
  /** The steepest band-passed slope within the integration window before the peak. */
  slope: number;
}

/** Timing and threshold constants of the rules, in samples where they are durations. */
export interface QrsRuleSettings {
  refractorySamples: number;
  tWaveWindowSamples: number;
  defaultRrSamples: number;
  minRrSamples: number;
  maxRrSamples: number;
  /** Candidates older than this (behind the current time) are dropped from search-back. */
  maxPendingSamples: number;
  /** A QRS stays provisional this long: a much larger candidate within it replaces it. */
  competitionSamples: number;
}

/** The fraction of the way from the noise level to the signal level where the threshold sits. */
export const THRESHOLD_FRACTION = 0.25;

/** A late beat is searched for once this many average RR intervals have passed. */
export const SEARCH_BACK_RR_FACTOR = 1.66;

/**
 * A T wave is a candidate within the T-wave window whose slope is under this share of the QRS's.
 */
export const T_WAVE_SLOPE_RATIO = 0.65;

/** A provisional QRS is replaced by a later candidate this many times higher (a P wave, say). */
export const COMPETITION_HEIGHT_RATIO = 1.3;

const RR_HISTORY = 8;

interface ClassifierState {
  signalLevel: number;
  noiseLevel: number;
  lastQrs: QrsCandidate | null;
  anchorIndex: number;
  nextSearchIndex: number;
  rrSamples: number[];
  pending: QrsCandidate[];
}

/** Classifies candidates in time order, calling `onQrs` for each one taken as a QRS complex. */
export class QrsClassifier {
  private signalLevel: number;
  private noiseLevel: number;
  private lastQrs: QrsCandidate | null = null;
  private anchorIndex: number;
  private nextSearchIndex = -1;
  private readonly rrSamples: number[] = [];
  private pending: QrsCandidate[] = [];
  private provisional: { qrs: QrsCandidate; before: ClassifierState } | null = null;

  constructor(
    private readonly settings: QrsRuleSettings,
    learned: readonly QrsCandidate[],
    startIndex: number,
    private readonly onQrs: (candidate: QrsCandidate) => void,
  ) {
    const heights = learned.map((candidate) => candidate.height);
    const highest = Math.max(0, ...heights);
    this.signalLevel = 0.5 * highest;
    const low = heights.filter((height) => height < THRESHOLD_FRACTION * highest);
    this.noiseLevel = low.length > 0 ? (0.5 * low.reduce((a, b) => a + b, 0)) / low.length : 0;
    this.anchorIndex = startIndex;
  }

  /** The threshold a candidate must exceed to be a QRS complex outright. */
  get threshold(): number {
    return this.noiseLevel + THRESHOLD_FRACTION * (this.signalLevel - this.noiseLevel);
  }

  /** The mean of the recent RR intervals, clamped to the plausible range. */
  get averageRrSamples(): number {
    const { defaultRrSamples, minRrSamples, maxRrSamples } = this.settings;
    if (this.rrSamples.length === 0) return defaultRrSamples;
    const mean = this.rrSamples.reduce((a, b) => a + b, 0) / this.rrSamples.length;
    return Math.min(maxRrSamples, Math.max(minRrSamples, mean));
  }

  /** Lets time pass up to `index`: runs search-back when a beat is overdue. */
  advanceTo(index: number): void {
    if (
      this.provisional !== null &&
      index - this.provisional.qrs.index >= this.settings.competitionSamples
    ) {
      this.confirm();
    }
    this.pending = this.pending.filter((c) => c.index >= index - this.settings.maxPendingSamples);
    while (index - this.anchorIndex > SEARCH_BACK_RR_FACTOR * this.averageRrSamples) {
      if (index < this.nextSearchIndex) return;
      const found = this.searchBack();
      if (found === null) {
        this.signalLevel = this.noiseLevel + 0.5 * (this.signalLevel - this.noiseLevel);
        this.nextSearchIndex = index + Math.round(this.averageRrSamples / 2);
        return;
      }
      this.accept(found, 0.25);
    }
  }

  /** Classifies one candidate (candidates must come in time order). */
  offer(candidate: QrsCandidate): void {
    const held = this.provisional;
    if (held !== null && candidate.height > COMPETITION_HEIGHT_RATIO * held.qrs.height) {
      this.provisional = null;
      this.restore(held.before);
    }
    const last = this.lastQrs;
    const sinceLast = last === null ? Infinity : candidate.index - last.index;
    if (sinceLast < this.settings.refractorySamples) return;
    if (candidate.height > this.threshold && !this.isTWave(candidate)) {
      this.accept(candidate, 0.125);
      return;
    }
    this.noiseLevel += 0.125 * (candidate.height - this.noiseLevel);
    this.pending.push(candidate);
  }

  private isTWave(candidate: QrsCandidate): boolean {
    const last = this.lastQrs;
    if (last === null || candidate.index - last.index >= this.settings.tWaveWindowSamples) {
      return false;
    }
    return candidate.slope < T_WAVE_SLOPE_RATIO * last.slope;
  }

  private searchBack(): QrsCandidate | null {
    const floor = 0.5 * this.threshold;
    let best: QrsCandidate | null = null;
    for (const candidate of this.pending) {
      if (
        this.lastQrs !== null &&
        candidate.index - this.lastQrs.index < this.settings.refractorySamples
      )
        continue;
      if (candidate.height <= floor || this.isTWave(candidate)) continue;
      if (best === null || candidate.height > best.height) best = candidate;
    }
    return best;
  }

  /** Emits the provisional QRS, if any (also at the end of the segment). */
  confirm(): void {
    if (this.provisional === null) return;
    const { qrs } = this.provisional;
    this.provisional = null;
    this.onQrs(qrs);
  }

  private snapshot(): ClassifierState {
    const { signalLevel, noiseLevel, lastQrs, anchorIndex, nextSearchIndex } = this;
    return {
      signalLevel,
      noiseLevel,
      lastQrs,
      anchorIndex,
      nextSearchIndex,
      rrSamples: [...this.rrSamples],
      pending: [...this.pending],
    };
  }

  private restore(state: ClassifierState): void {
    ({ signalLevel: this.signalLevel, noiseLevel: this.noiseLevel, lastQrs: this.lastQrs } = state);
    ({ anchorIndex: this.anchorIndex, nextSearchIndex: this.nextSearchIndex } = state);
    this.rrSamples.splice(0, this.rrSamples.length, ...state.rrSamples);
    this.pending = state.pending;
  }

  private accept(candidate: QrsCandidate, weight: number): void {
    this.confirm();
    const before = this.snapshot();
    this.signalLevel += weight * (candidate.height - this.signalLevel);
    if (this.lastQrs !== null) {
      this.rrSamples.push(candidate.index - this.lastQrs.index);
      if (this.rrSamples.length > RR_HISTORY) this.rrSamples.shift();
    }
    this.lastQrs = candidate;
    this.anchorIndex = candidate.index;
    this.nextSearchIndex = -1;
    this.pending = this.pending.filter((c) => c.index > candidate.index);
    this.provisional = { qrs: candidate, before };
  }
}
