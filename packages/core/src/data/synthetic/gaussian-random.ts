/** @module Standard normal numbers from a seeded uniform source (the Box–Muller transform). */
import type { RandomSource } from '../../util/seeded-random';

/** A source of standard normal numbers (mean 0, standard deviation 1). */
export type GaussianSource = () => number;

/**
 * Wraps a uniform source in the Box–Muller transform.
 *
 * Each pair of uniforms yields two independent normals; the second is kept for the next call, so
 * the sequence depends only on how many numbers were drawn, never on how the calls were grouped.
 */
export function createGaussianRandom(random: RandomSource): GaussianSource {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // 1 - u lies in (0, 1], so the logarithm stays finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** A uniform number in `[low, high)`. */
export function uniformBetween(random: RandomSource, low: number, high: number): number {
  return low + (high - low) * random();
}
