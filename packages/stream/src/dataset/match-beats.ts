/** @module Matches detected R-peaks to reference beat annotations within a tolerance. */

/** How near a detection must be to a reference beat to match it. */
export const MATCH_TOLERANCE_MS = 150;

/** The outcome of {@link matchBeats}. */
export interface BeatMatch {
  /** Per detection, the index of its reference beat, or -1 when none matched. */
  referenceOfDetection: Int32Array;
  /** Per reference beat, whether a detection matched it. */
  referenceMatched: Uint8Array;
  unmatchedDetections: number;
  unmatchedReferences: number;
}

/**
 * Pairs each detection with the nearest reference beat not yet taken, within
 * `toleranceSamples` either side; each reference beat is used at most once. Both lists are
 * sample indices in ascending order, at the same rate.
 */
export function matchBeats(
  detected: ArrayLike<number>,
  reference: ArrayLike<number>,
  toleranceSamples: number,
): BeatMatch {
  const referenceOfDetection = new Int32Array(detected.length).fill(-1);
  const referenceMatched = new Uint8Array(reference.length);
  let first = 0;
  for (let d = 0; d < detected.length; d++) {
    const at = detected[d]!;
    while (first < reference.length && reference[first]! < at - toleranceSamples) first++;
    const best = nearestFree(reference, referenceMatched, first, at, toleranceSamples);
    if (best < 0) continue;
    referenceOfDetection[d] = best;
    referenceMatched[best] = 1;
  }
  const matched = referenceMatched.reduce((sum, flag) => sum + flag, 0);
  return {
    referenceOfDetection,
    referenceMatched,
    unmatchedDetections: detected.length - matched,
    unmatchedReferences: reference.length - matched,
  };
}

function nearestFree(
  reference: ArrayLike<number>,
  taken: Uint8Array,
  from: number,
  at: number,
  toleranceSamples: number,
): number {
  let best = -1;
  for (let r = from; r < reference.length && reference[r]! <= at + toleranceSamples; r++) {
    if (taken[r] === 1) continue;
    if (best < 0 || Math.abs(reference[r]! - at) < Math.abs(reference[best]! - at)) best = r;
  }
  return best;
}
