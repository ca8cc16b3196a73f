/**
 * @module Turns a tfjs-layers model into the kernel calls of the layer-free forward pass.
 *
 * Only a single chain of supported layers qualifies; anything else raises
 * {@link UnsupportedForward} and the classifier keeps using tfjs-layers' own predict.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { conv1dSteps, denseSteps, padStep } from './conv-steps';
import { activationLayerSteps, batchNormalizationSteps, leakyReluSteps } from './elementwise-steps';
import type { ForwardMemory } from './forward-memory';
import type { BeatShape, ForwardStep, LayerSteps } from './forward-step';
import { UnsupportedForward } from './forward-step';
import { configInteger } from './layer-config';
import { bidirectionalSteps, lstmSteps } from './lstm-steps';
import { POOLING_CODES } from './forward-activations';
import { globalPoolingSteps, poolingSteps } from './pooling-steps';

/** The steps of a whole model and the buffer sizes they need. */
export interface ForwardPlan {
  steps: ForwardStep[];
  inputFloats: number;
  outputFloats: number;
  /** The largest activation of one beat, in floats. */
  largestFloats: number;
  scratchFloats: number;
}

type Translate = (layer: tfl.layers.Layer, shape: BeatShape, memory: ForwardMemory) => LayerSteps;

const UNCHANGED: Translate = (_layer, shape) => ({ steps: [], shape });

const TRANSLATIONS: Readonly<Record<string, Translate>> = {
  InputLayer: UNCHANGED,
  Dropout: UNCHANGED,
  Flatten: (_layer, shape) => ({
    steps: [],
    shape: { steps: 1, channels: shape.steps * shape.channels },
  }),
  Conv1D: conv1dSteps,
  Dense: denseSteps,
  CausalPadding1D: (layer, shape) => padStep(shape, configInteger(layer.getConfig(), 'padding'), 0),
  BatchNormalization: batchNormalizationSteps,
  LeakyReLU: leakyReluSteps,
  Activation: activationLayerSteps,
  LSTM: lstmSteps,
  Bidirectional: bidirectionalSteps,
  MaxPooling1D: (layer, shape) => poolingSteps(layer, shape, POOLING_CODES.max),
  AveragePooling1D: (layer, shape) => poolingSteps(layer, shape, POOLING_CODES.average),
  MinPooling1D: (layer, shape) => poolingSteps(layer, shape, POOLING_CODES.min),
  GlobalMaxPooling1D: (_layer, shape) => globalPoolingSteps(shape, POOLING_CODES.max),
  GlobalAveragePooling1D: (_layer, shape) => globalPoolingSteps(shape, POOLING_CODES.average),
};

function translate(layer: tfl.layers.Layer, shape: BeatShape, memory: ForwardMemory): LayerSteps {
  const className = layer.getClassName();
  const translation = TRANSLATIONS[className];
  if (translation === undefined) throw new UnsupportedForward(`layer ${className}`);
  return translation(layer, shape, memory);
}

/** Each layer after the first takes exactly the previous one's output. */
export function checkChain(model: tfl.LayersModel): void {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new UnsupportedForward('a model with several inputs or outputs');
  }
  model.layers.forEach((layer, index) => {
    if (index === 0) return;
    const nodes = layer.inboundNodes;
    const sources = nodes[0]?.inboundLayers ?? [];
    if (nodes.length !== 1 || sources.length !== 1 || sources[0] !== model.layers[index - 1]) {
      throw new UnsupportedForward(`layer ${layer.name} is not a link of one chain`);
    }
  });
}

/** One beat's shape at the model's input. */
export function inputShape(model: tfl.LayersModel): BeatShape {
  const [, steps, channels, ...rest] = model.inputs[0]!.shape;
  if (typeof steps !== 'number' || typeof channels !== 'number' || rest.length > 0) {
    throw new UnsupportedForward(`input shape ${String(model.inputs[0]!.shape)}`);
  }
  return { steps, channels };
}

/**
 * The kernel calls of `model`, with its weights stored in `memory`.
 *
 * @throws {UnsupportedForward} when a layer or the model's topology is not supported.
 */
export function planForward(model: tfl.LayersModel, memory: ForwardMemory): ForwardPlan {
  checkChain(model);
  let shape = inputShape(model);
  const inputFloats = shape.steps * shape.channels;
  const steps: ForwardStep[] = [];
  for (const layer of model.layers) {
    const translated = translate(layer, shape, memory);
    steps.push(...translated.steps);
    shape = translated.shape;
  }
  return {
    steps,
    inputFloats,
    outputFloats: shape.steps * shape.channels,
    largestFloats: Math.max(inputFloats, ...steps.map((step) => step.outputFloats)),
    scratchFloats: Math.max(0, ...steps.map((step) => step.scratchFloats)),
  };
}
