/** @module Helpers for holding the wasm kernels to tfjs's reference cpu backend. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { createRandom, type RandomSource } from '../../../src/util/seeded-random';

/** Uniform values in [-1, 1) from a named seed. */
export function seededValues(seed: string, count: number): Float32Array {
  const random: RandomSource = createRandom(seed);
  return Float32Array.from({ length: count }, () => random() * 2 - 1);
}

/** The largest of `|actual - expected| / (1 + |expected|)` over all values. */
export function worstError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / (1 + Math.abs(expected[i]!)));
  }
  return worst;
}

/** Runs `work` on a backend and returns its tensors' values; leaves no tensor behind. */
export async function valuesOn(backend: string, work: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const values = tf.tidy(() => work().map((t) => t.dataSync() as Float32Array));
  expect(tf.memory().numTensors).toBe(before);
  return values;
}

/** The kernels a piece of work runs, by name. */
export async function kernelsRun(work: () => tf.Tensor[]): Promise<string[]> {
  const info = await tf.profile(() => tf.tidy(() => work().map((t) => t.clone())));
  tf.dispose(info.result as tf.Tensor[]);
  return info.kernelNames;
}
