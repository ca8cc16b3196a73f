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
 * Pairs detections with reference beats one to one, nearest pairs first: of all pairs within
 * `toleranceSamples` of each other, the closest is matched, then the closest of those left,
 * and so on. Both lists are sample indices in ascending order, at the same rate.
 */
export function matchBeats(
  detected: ArrayLike<number>,
  reference: ArrayLike<number>,
  toleranceSamples: number,
): BeatMatch {
  const referenceOfDetection = new Int32Array(detected.length).fill(-1);
  const referenceMatched = new Uint8Array(reference.length);
  let matched = 0;
  for (const [d, r] of candidatePairs(detected, reference, toleranceSamples)) {
    if (referenceOfDetection[d] !== -1 || referenceMatched[r] === 1) continue;
    referenceOfDetection[d] = r;
    referenceMatched[r] = 1;
    matched++;
  }
  return {
    referenceOfDetection,
    referenceMatched,
    unmatchedDetections: detected.length - matched,
    unmatchedReferences: reference.length - matched,
  };
}

/** Every (detection, reference) pair within the tolerance, nearest first (ties in order). */
function candidatePairs(
  detected: ArrayLike<number>,
  reference: ArrayLike<number>,
  toleranceSamples: number,
): [number, number][] {
  const pairs: [number, number, number][] = [];
  let first = 0;
  for (let d = 0; d < detected.length; d++) {
    const at = detected[d]!;
    while (first < reference.length && reference[first]! < at - toleranceSamples) first++;
    for (let r = first; r < reference.length && reference[r]! <= at + toleranceSamples; r++) {
      pairs.push([d, r, Math.abs(reference[r]! - at)]);
    }
  }
  pairs.sort((a, b) => a[2] - b[2] || a[0] - b[0]);
  return pairs.map(([d, r]) => [d, r]);
}
