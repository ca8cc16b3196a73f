/**
 * @module R-peak detection over one gap-free segment: finds peaks of the integrated signal,
 * learns thresholds on the first seconds and re-scans them, classifies, and refines each QRS to
 * its largest deflection.
 */
import { QrsClassifier, type QrsCandidate, type QrsRuleSettings } from './qrs-classifier';
import { QrsFeatures } from './qrs-features';

/** The segment-level timing constants, in samples. */
export interface QrsSegmentSettings extends QrsRuleSettings {
  /** A peak of the integrated signal must be the highest within this many samples either side. */
  peakHalfWidthSamples: number;
  /** Thresholds are learned on candidates within this span after the first one. */
  warmUpSamples: number;
  /** Refinement looks from this many samples before the integrated peak... */
  refineBackSamples: number;
  /** ...to this many after it. */
  refineForwardSamples: number;
  /** The slope of a candidate is the steepest within this many samples before its peak. */
  slopeWindowSamples: number;
}

/** Detects R-peaks in one run of finite samples; indices it reports are segment-local. */
export class QrsSegment {
  private readonly features: QrsFeatures;
  private classifier: QrsClassifier | null = null;
  private readonly learning: QrsCandidate[] = [];
  private readonly toRefine: QrsCandidate[] = [];
  private lastEmitted = -Infinity;
  private emitted: number[] = [];

  constructor(
    sampleRateHz: number,
    private readonly settings: QrsSegmentSettings,
  ) {
    this.features = new QrsFeatures(sampleRateHz);
  }

  /** Pushes one finite sample; returns the R-peaks (segment-local indices) it completes. */
  push(value: number): number[] {
    this.features.push(value);
    const now = this.features.length - 1 - this.settings.peakHalfWidthSamples;
    if (now >= 0) this.examine(now, this.features.length - 1);
    this.refineReady(false);
    return this.takeEmitted();
  }

  /** Ends the segment: examines the last samples, runs a last search-back, refines the rest. */
  finish(): number[] {
    const last = this.features.length - 1;
    this.features.finish();
    const from = Math.max(0, last - this.settings.peakHalfWidthSamples + 1);
    for (let index = from; index <= last; index++) this.examine(index, last);
    if (this.classifier === null && this.learning.length > 0) this.startClassifier(last);
    this.classifier?.advanceTo(last);
    this.classifier?.confirm();
    this.refineReady(true);
    return this.takeEmitted();
  }

  private examine(index: number, lastAvailable: number): void {
    const candidate = this.candidateAt(index, lastAvailable);
    if (this.classifier === null) {
      if (candidate !== null) this.learning.push(candidate);
      const first = this.learning[0];
      if (first !== undefined && index - first.index >= this.settings.warmUpSamples) {
        this.startClassifier(index);
      }
      return;
    }
    this.classifier.advanceTo(index);
    if (candidate !== null) this.classifier.offer(candidate);
  }

  private startClassifier(now: number): void {
    const anchor = this.learning[0]!.index;
    const classifier = new QrsClassifier(this.settings, this.learning, anchor, (qrs) =>
      this.toRefine.push(qrs),
    );
    for (const candidate of this.learning) {
      classifier.advanceTo(candidate.index);
      classifier.offer(candidate);
    }
    classifier.advanceTo(now);
    this.classifier = classifier;
  }

  private candidateAt(index: number, lastAvailable: number): QrsCandidate | null {
    const { integrated } = this.features;
    const height = integrated.at(index);
    if (!(height > 0)) return null;
    const half = this.settings.peakHalfWidthSamples;
    for (let k = Math.max(0, index - half); k < index; k++) {
      if (integrated.at(k) >= height) return null;
    }
    for (let k = index + 1; k <= Math.min(lastAvailable, index + half); k++) {
      if (integrated.at(k) > height) return null;
    }
    return { index, height, slope: this.steepestSlope(index) };
  }

  private steepestSlope(index: number): number {
    let steepest = 0;
    const from = Math.max(0, index - this.settings.slopeWindowSamples);
    for (let k = from; k <= index; k++) steepest = Math.max(steepest, this.features.slope.at(k));
    return steepest;
  }

  private refineReady(atEnd: boolean): void {
    const available = this.features.refined.length - 1;
    while (this.toRefine.length > 0) {
      const qrs = this.toRefine[0]!;
      const to = qrs.index + this.settings.refineForwardSamples;
      if (to > available && !atEnd) return;
      this.toRefine.shift();
      this.emit(
        this.largestDeflection(
          qrs.index - this.settings.refineBackSamples,
          Math.min(to, available),
        ),
      );
    }
  }

  private largestDeflection(from: number, to: number): number {
    const { refined } = this.features;
    let best = Math.max(0, from);
    for (let k = best; k <= to; k++) {
      if (Math.abs(refined.at(k)) > Math.abs(refined.at(best))) best = k;
    }
    return best;
  }

  private emit(rPeak: number): void {
    if (rPeak <= this.lastEmitted) return;
    this.lastEmitted = rPeak;
    this.emitted.push(rPeak);
  }

  private takeEmitted(): number[] {
    const out = this.emitted;
    this.emitted = [];
    return out;
  }
}
