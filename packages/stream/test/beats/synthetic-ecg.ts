/**
 * @module Test helper: a small synthetic ECG, each beat a sum of Gaussian waves (P, Q, R, S, T).
 */

/** Options of {@link syntheticEcg}. */
export interface SyntheticEcgOptions {
  sampleRateHz: number;
  durationS: number;
  heartRateBpm: number;
  /** The first R-peak's time. @defaultValue 0.5 */
  firstPeakS?: number;
  /** Multiplies the signal (use -1 for an inverted lead). @defaultValue 1 */
  gain?: number;
}

/** A synthetic recording and its true R-peak times. */
export interface SyntheticEcg {
  samples: Float32Array;
  rPeakTimesS: number[];
}

// [offset as a fraction of sqrt(RR) seconds, width in seconds, amplitude in mV] per wave.
const WAVES = [
  [-0.16, 0.025, 0.15],
  [-0.03, 0.01, -0.1],
  [0, 0.01, 1],
  [0.03, 0.01, -0.25],
  [0.3, 0.04, 0.3],
] as const;

/** Regular beats at `heartRateBpm`; QT and PR scale with the square root of RR, as in life. */
export function syntheticEcg(options: SyntheticEcgOptions): SyntheticEcg {
  const { sampleRateHz, durationS, heartRateBpm, firstPeakS = 0.5, gain = 1 } = options;
  const rrS = 60 / heartRateBpm;
  const rPeakTimesS: number[] = [];
  for (let t = firstPeakS; t < durationS; t += rrS) rPeakTimesS.push(t);
  const samples = new Float32Array(Math.round(durationS * sampleRateHz));
  const stretch = Math.sqrt(rrS);
  for (const peakS of rPeakTimesS) {
    const from = Math.max(0, Math.floor((peakS - 0.5) * sampleRateHz));
    const to = Math.min(samples.length, Math.ceil((peakS + 0.8) * sampleRateHz));
    for (let i = from; i < to; i++) {
      const t = i / sampleRateHz - peakS;
      let value = 0;
      for (const [offset, width, amplitude] of WAVES) {
        const centre = offset === 0 || Math.abs(offset) < 0.05 ? offset : offset * stretch;
        value += amplitude * Math.exp(-((t - centre) ** 2) / (2 * width * width));
      }
      samples[i]! += gain * value;
    }
  }
  return { samples, rPeakTimesS };
}

/**
 * Pushes `samples` in chunks of `chunkSize` through `push`, then `flush`, concatenating results.
 */
export function runChunked<T>(
  samples: ArrayLike<number>,
  chunkSize: number,
  push: (chunk: Float32Array) => T[],
  flush: () => T[],
): T[] {
  const all = Float32Array.from(samples as ArrayLike<number>);
  const out: T[] = [];
  for (let i = 0; i < all.length; i += chunkSize) out.push(...push(all.subarray(i, i + chunkSize)));
  out.push(...flush());
  return out;
}

/** How many of `expectedS` have a detection within `toleranceS`, and how many detections do not. */
export function matchTimes(expectedS: number[], detectedS: number[], toleranceS: number) {
  const found = expectedS.filter((t) =>
    detectedS.some((d) => Math.abs(d - t) <= toleranceS),
  ).length;
  const extra = detectedS.filter(
    (d) => !expectedS.some((t) => Math.abs(d - t) <= toleranceS),
  ).length;
  return { found, missed: expectedS.length - found, extra };
}
