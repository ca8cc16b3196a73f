/** @module Rolling summaries of a beat stream: abnormal fraction and heart rate over a window. */
import type { BeatPrediction, RollingSummary } from './beat-stream-types';

/** The beats of the last `windowS` seconds of stream time, summarised on demand. */
export class RollingWindow {
  private readonly beats: BeatPrediction[] = [];

  /**
   * @param windowS the stretch of stream time kept.
   * @param classNames the classifier's classes.
   * @param normalClassIndex the class not counted as abnormal.
   */
  constructor(
    readonly windowS: number,
    private readonly classNames: readonly string[],
    private readonly normalClassIndex: number,
  ) {}

  /** Adds a beat (in stream order) and forgets the beats that fell out of the window. */
  add(beat: BeatPrediction): void {
    this.beats.push(beat);
    const startS = beat.rPeakTimeS - this.windowS;
    let drop = 0;
    while (drop < this.beats.length && this.beats[drop]!.rPeakTimeS <= startS) drop++;
    if (drop > 0) this.beats.splice(0, drop);
  }

  /** The summary of the beats in the window now. */
  summarize(final: boolean): RollingSummary {
    const classCounts = Object.fromEntries(this.classNames.map((name) => [name, 0]));
    let [classifiedBeats, abnormalBeats, rrSumS, rrCount] = [0, 0, 0, 0];
    for (const beat of this.beats) {
      if (Number.isFinite(beat.rrIntervalS))
        [rrSumS, rrCount] = [rrSumS + beat.rrIntervalS, rrCount + 1];
      if (!beat.classified) continue;
      classifiedBeats++;
      classCounts[beat.className!]! += 1;
      if (beat.classIndex !== this.normalClassIndex) abnormalBeats++;
    }
    return {
      type: 'summary',
      timeS: this.beats.at(-1)?.rPeakTimeS ?? 0,
      windowS: this.windowS,
      beats: this.beats.length,
      classifiedBeats,
      abnormalBeats,
      abnormalFraction: classifiedBeats === 0 ? Number.NaN : abnormalBeats / classifiedBeats,
      heartRateBpm: rrCount === 0 ? Number.NaN : 60 / (rrSumS / rrCount),
      classCounts,
      final,
    };
  }
}

/** The index of the normal class: `preferred`, else `normal` or `N`, else 0. */
export function normalClassIndex(classNames: readonly string[], preferred?: string): number {
  if (preferred !== undefined) return classNames.indexOf(preferred);
  const index = classNames.findIndex((name) => name === 'normal' || name === 'N');
  return Math.max(0, index);
}
