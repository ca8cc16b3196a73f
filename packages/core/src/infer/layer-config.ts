/** @module Reading a tfjs-layers layer's serialised config and weights for the forward pass. */
import type * as tfl from '@tensorflow/tfjs-layers';
import { UnsupportedForward } from './forward-step';

/** A layer's config as tfjs-layers serialises it. */
export type LayerConfig = Record<string, unknown>;

/** A number that tfjs-layers may store as a one-element list (`kernelSize: [3]`). */
export function configInteger(config: LayerConfig, key: string, fallback?: number): number {
  const raw = config[key] ?? fallback;
  const value = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  if (typeof value !== 'number') throw new UnsupportedForward(`${key} ${String(raw)}`);
  return value;
}

/** A string field that must be one of `allowed`. */
export function configChoice<T extends string>(
  config: LayerConfig,
  key: string,
  allowed: readonly T[],
): T {
  const value = config[key];
  if (!allowed.includes(value as T)) throw new UnsupportedForward(`${key} ${String(value)}`);
  return value as T;
}

/** The layer's current weights, in its own order, as plain floats. */
export function layerWeights(layer: tfl.layers.Layer): Float32Array[] {
  return layer.getWeights().map((tensor) => tensor.dataSync() as Float32Array);
}

/** Where a window of `span` steps at `stride` starts before the sequence ('same' padding). */
export function samePadding(
  steps: number,
  outSteps: number,
  stride: number,
  span: number,
): { before: number; after: number } {
  const total = Math.max((outSteps - 1) * stride + span - steps, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before };
}

/** The step count of a layer's (fixed) output sequence. */
export function outputSteps(layer: tfl.layers.Layer): number {
  const shape = layer.outputShape as (number | null)[];
  const steps = shape[1];
  if (typeof steps !== 'number') throw new UnsupportedForward(`output shape ${String(shape)}`);
  return steps;
}
