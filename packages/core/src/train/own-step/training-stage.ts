/** @module One layer of the SDK's own training step: its forward, its backward, its weights. */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ForwardMemory } from '../../infer/forward-memory';
import type { ForwardKernels, Pointer } from '../../infer/forward-module';
import type { BeatShape } from '../../infer/forward-step';
import type { RandomSource } from '../../util/seeded-random';

/**
 * Activations whose derivative the backward reads from the layer's output
 * (`activation_gradient` in wasm/training.c).
 */
export const DERIVATIVE_FROM_OUTPUT: ReadonlySet<string> = new Set([
  'linear',
  'relu',
  'elu',
  'selu',
  'softplus',
  'tanh',
  'sigmoid',
]);

/**
 * How a weight is stored when the kernels want another layout than the variable's (an LSTM's
 * gates padded to a multiple of 4 units, say). Entries the variable lacks are stored as 0.
 */
export interface WeightLayout {
  storedFloats: number;
  /** The stored index of each of the variable's values, in order. */
  storedIndex(index: number): number;
}

/** One of a layer's weights in the kernels' memory, beside the range of its gradient. */
export interface StageWeight {
  variable: tfl.LayerVariable;
  value: Pointer;
  gradient: Pointer;
  /** Floats stored (the variable's size unless `layout` pads it). */
  count: number;
  layout?: WeightLayout | undefined;
}

/** The variable-layout values of a stored range (the value or the gradient of `weight`). */
export function unstore(weight: StageWeight, memory: ForwardMemory, at: Pointer): Float32Array {
  const stored = memory.floats(at, weight.count);
  if (weight.layout === undefined) return stored.slice();
  const size = weight.variable.read().size;
  const { layout } = weight;
  return Float32Array.from({ length: size }, (_, index) => stored[layout.storedIndex(index)]!);
}

/** Writes the variable-layout `values` into the weight's stored value range. */
export function store(weight: StageWeight, memory: ForwardMemory, values: Float32Array): void {
  const stored = memory.floats(weight.value, weight.count);
  if (weight.layout === undefined) {
    stored.set(values);
    return;
  }
  stored.fill(0);
  values.forEach((value, index) => (stored[weight.layout!.storedIndex(index)] = value));
}

/** Where a backward call reads and writes, for `beats` beats. */
export interface BackwardBuffers {
  beats: number;
  /** The stage's input and output of the forward call just made. */
  input: Pointer;
  output: Pointer;
  /** The loss's gradient with respect to the output; a stage may overwrite it. */
  outputGradient: Pointer;
  /** Where the gradient with respect to the input goes, when `inputGradientNeeded`. */
  inputGradient: Pointer;
  inputGradientNeeded: boolean;
}

/** One layer's calls; its records and scratch are sized for the trainer's largest batch. */
export interface TrainingStage {
  shape: BeatShape;
  weights: StageWeight[];
  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void;
  /** Writes every weight's gradient, and the input's gradient when it is needed. */
  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void;
}

/** Floats of one beat's activations of `shape`. */
export function floatsOf(shape: BeatShape): number {
  return shape.steps * shape.channels;
}

/** What a stage's translation gets: the layer, its input shape and where to keep things. */
export interface StageContext {
  layer: tfl.layers.Layer;
  shape: BeatShape;
  memory: ForwardMemory;
  /** The largest batch the trainer runs, for sizing records and scratch. */
  capacity: number;
  /** The training run's seeded random source (dropout masks). */
  random: RandomSource;
}

/**
 * Each of the layer's weights copied into the kernels' memory, with a gradient range; weight
 * `i` in `layouts[i]` when one is given.
 */
export function storeWeights(
  layer: tfl.layers.Layer,
  memory: ForwardMemory,
  layouts: readonly (WeightLayout | undefined)[] = [],
): StageWeight[] {
  return layer.weights.map((variable, index) => {
    const values = variable.read().dataSync() as Float32Array;
    const layout = layouts[index];
    const count = layout?.storedFloats ?? values.length;
    const weight = { variable, value: memory.reserve(count), gradient: memory.reserve(count) };
    const stored = { ...weight, count, layout };
    store(stored, memory, values);
    return stored;
  });
}
