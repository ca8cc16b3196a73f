/**
 * @module Seeded randomness for reproducible initialisation, dropout and shuffling.
 *
 * tfjs draws every unseeded random number (initializers, dropout masks) from `Math.random`.
 * Training steps on the wasm backend are synchronous, so swapping `Math.random` for a seeded
 * generator around one synchronous step makes it reproducible without touching other code.
 */
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** A seeded generator (Alea, from the seedrandom package). */
export function createRandom(seed: number | string): RandomSource {
  const generator = seedrandom.alea(String(seed));
  return () => generator.quick();
}

/**
 * Runs the synchronous `work` with `Math.random` drawing from `random`, then restores it.
 *
 * @throws {TypeError} if `work` returns a promise: async work would leak the swap to others.
 */
export function withRandom<T>(random: RandomSource, work: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    const result = work();
    if (result instanceof Promise) {
      throw new TypeError('withRandom takes synchronous work only.');
    }
    return result;
  } finally {
    Math.random = original;
  }
}

/** A seeded Fisher-Yates permutation of `0 … count - 1`. */
export function shuffledIndices(count: number, random: RandomSource): Int32Array {
  const indices = new Int32Array(count);
  for (let i = 0; i < count; i++) indices[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = swap;
  }
  return indices;
}
