/** @module One layer of the SDK's own training step: its forward, its backward, its weights. */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ForwardMemory } from '../../infer/forward-memory';
import type { ForwardKernels, Pointer } from '../../infer/forward-module';
import type { BeatShape } from '../../infer/forward-step';

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

/** One of a layer's weights in the kernels' memory, beside the range of its gradient. */
export interface StageWeight {
  variable: tfl.LayerVariable;
  value: Pointer;
  gradient: Pointer;
  count: number;
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
  /** Floats per beat it writes. */
  outputFloats: number;
  shape: BeatShape;
  weights: StageWeight[];
  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void;
  /** Writes every weight's gradient, and the input's gradient when it is needed. */
  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void;
}

/** What a stage's translation gets: the layer, its input shape and where to keep things. */
export interface StageContext {
  layer: tfl.layers.Layer;
  shape: BeatShape;
  memory: ForwardMemory;
  /** The largest batch the trainer runs, for sizing records and scratch. */
  capacity: number;
}

/** Each of the layer's weights copied into the kernels' memory, with a gradient range. */
export function storeWeights(layer: tfl.layers.Layer, memory: ForwardMemory): StageWeight[] {
  return layer.weights.map((variable) => {
    const values = variable.read().dataSync() as Float32Array;
    const value = memory.store(values);
    return { variable, value, gradient: memory.reserve(values.length), count: values.length };
  });
}
