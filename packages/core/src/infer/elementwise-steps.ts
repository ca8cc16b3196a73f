/** @module The in-place forward steps: batch normalization, LeakyReLU and activations. */
import type * as tfl from '@tensorflow/tfjs-layers';
import { activationCode, LEAKY_RELU_CODE } from './forward-activations';
import type { ForwardMemory } from './forward-memory';
import type { BeatShape, LayerSteps } from './forward-step';
import { inPlaceStep, UnsupportedForward } from './forward-step';
import { layerWeights } from './layer-config';

/** tfjs-layers' LeakyReLU slope when its config has none. */
const DEFAULT_ALPHA = 0.3;

interface Moments {
  gamma: Float32Array | undefined;
  beta: Float32Array | undefined;
  mean: Float32Array;
  variance: Float32Array;
}

function moments(layer: tfl.layers.Layer): Moments {
  const config = layer.getConfig();
  const weights = layerWeights(layer);
  const gamma = config['scale'] === false ? undefined : weights.shift();
  const beta = config['center'] === false ? undefined : weights.shift();
  const [mean, variance] = weights;
  if (mean === undefined || variance === undefined) {
    throw new UnsupportedForward('a BatchNormalization without moving statistics');
  }
  return { gamma, beta, mean, variance };
}

/** Inference batch normalization over channels, folded into one scale and shift each. */
export function batchNormalizationSteps(
  layer: tfl.layers.Layer,
  shape: BeatShape,
  memory: ForwardMemory,
): LayerSteps {
  const axis = layer.getConfig()['axis'];
  if (axis !== -1 && axis !== 2) throw new UnsupportedForward(`BatchNormalization axis ${axis}`);
  const epsilon = Number(layer.getConfig()['epsilon']);
  const { gamma, beta, mean, variance } = moments(layer);
  const scale = mean.map((_, c) => (gamma?.[c] ?? 1) / Math.sqrt(variance[c]! + epsilon));
  const shift = mean.map((m, c) => (beta?.[c] ?? 0) - m * scale[c]!);
  const scalePointer = memory.store(scale);
  const shiftPointer = memory.store(shift);
  const step = inPlaceStep(shape, (kernels, values, beats) =>
    kernels.affine(values, beats * shape.steps, shape.channels, scalePointer, shiftPointer),
  );
  return { steps: [step], shape };
}

function activationStep(shape: BeatShape, code: number, alpha: number): LayerSteps {
  const floats = shape.steps * shape.channels;
  const step = inPlaceStep(shape, (kernels, values, beats) =>
    kernels.activate(values, beats * floats, code, alpha),
  );
  return { steps: [step], shape };
}

/** A LeakyReLU layer. */
export function leakyReluSteps(layer: tfl.layers.Layer, shape: BeatShape): LayerSteps {
  const alpha = layer.getConfig()['alpha'];
  return activationStep(shape, LEAKY_RELU_CODE, typeof alpha === 'number' ? alpha : DEFAULT_ALPHA);
}

/** An Activation layer (softmax is not one of the elementwise kinds). */
export function activationLayerSteps(layer: tfl.layers.Layer, shape: BeatShape): LayerSteps {
  return activationStep(shape, activationCode(layer.getConfig()['activation']), 0);
}
