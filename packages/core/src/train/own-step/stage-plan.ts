/**
 * @module Turns a tfjs-layers model into the stages of the SDK's own training step.
 *
 * Only a chain of supported layers that ends in a softmax Dense qualifies; anything else raises
 * {@link UnsupportedForward} and training keeps to tfjs-layers' gradients.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { POOLING_CODES } from '../../infer/forward-activations';
import { checkChain, inputShape } from '../../infer/forward-plan';
import { UnsupportedForward, type BeatShape } from '../../infer/forward-step';
import { conv1dStage, denseStage } from './conv-stage';
import { dropoutStage } from './dropout-stage';
import { activationLayerStage, causalPaddingStage, leakyReluStage } from './elementwise-stage';
import { lstmStage } from './lstm-stage';
import { globalPoolingStage, poolingStage } from './pooling-stage';
import type { StageContext, TrainingStage } from './training-stage';

type Translate = (context: StageContext) => TrainingStage | BeatShape;

const UNCHANGED: Translate = ({ shape }) => shape;

const TRANSLATIONS: Readonly<Record<string, Translate>> = {
  InputLayer: UNCHANGED,
  Dropout: dropoutStage,
  Flatten: ({ shape }) => ({ steps: 1, channels: shape.steps * shape.channels }),
  Conv1D: conv1dStage,
  Dense: denseStage,
  CausalPadding1D: causalPaddingStage,
  LeakyReLU: leakyReluStage,
  Activation: activationLayerStage,
  LSTM: lstmStage,
  MaxPooling1D: (context) => poolingStage(context, POOLING_CODES.max),
  AveragePooling1D: (context) => poolingStage(context, POOLING_CODES.average),
  MinPooling1D: (context) => poolingStage(context, POOLING_CODES.min),
  GlobalMaxPooling1D: (context) => globalPoolingStage(context, POOLING_CODES.max),
  GlobalAveragePooling1D: (context) => globalPoolingStage(context, POOLING_CODES.average),
};

/** The stages of a model and the shapes at its two ends. */
export interface StagePlan {
  stages: TrainingStage[];
  input: BeatShape;
  classes: number;
}

function translate(context: StageContext): TrainingStage | BeatShape {
  const className = context.layer.getClassName();
  const translation = TRANSLATIONS[className];
  if (translation === undefined) throw new UnsupportedForward('a layer of this kind');
  return translation(context);
}

/** The layer's stage or shape; an unsupported one is named in the error. */
function translateLayer(context: StageContext): TrainingStage | BeatShape {
  try {
    return translate(context);
  } catch (error) {
    if (!(error instanceof UnsupportedForward)) throw error;
    const { layer } = context;
    throw new UnsupportedForward(`layer ${layer.name} (${layer.getClassName()}): ${error.message}`);
  }
}

function isSoftmaxDense(layer: tfl.layers.Layer): boolean {
  return layer.getClassName() === 'Dense' && layer.getConfig()['activation'] === 'softmax';
}

/**
 * The last layer must be a softmax Dense giving one vector per beat, the loss's input, and no
 * other layer may have a softmax.
 */
function checkHead(model: tfl.LayersModel, shape: BeatShape): void {
  const last = model.layers[model.layers.length - 1]!;
  const inner = model.layers.slice(0, -1).find(isSoftmaxDense);
  if (inner !== undefined)
    throw new UnsupportedForward(`layer ${inner.name}: a softmax before the last layer`);
  if (!isSoftmaxDense(last) || shape.steps !== 1) {
    throw new UnsupportedForward('a model that does not end in one softmax Dense');
  }
}

/**
 * The stages of `model` for batches of up to `capacity` beats, with its weights copied into
 * `context.memory`.
 *
 * @throws {UnsupportedForward} when a layer or the model's topology is not supported.
 */
export function planStages(
  model: tfl.LayersModel,
  memory: StageContext['memory'],
  capacity: number,
  random: StageContext['random'],
): StagePlan {
  checkChain(model);
  const input = inputShape(model);
  let shape = input;
  const stages: TrainingStage[] = [];
  for (const layer of model.layers) {
    const translated = translateLayer({ layer, shape, memory, capacity, random });
    if ('forward' in translated) {
      stages.push(translated);
      shape = translated.shape;
    } else {
      shape = translated;
    }
  }
  checkHead(model, shape);
  return { stages, input, classes: shape.channels };
}
