/** @module Builds the (uncompiled) tfjs-layers model a spec describes. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { registerCustomLayers } from '../layers/register-custom-layers';
import { FLATTEN_LAYER_NAME, INPUT_LAYER_NAME, OUTPUT_LAYER_NAME } from '../spec/layer-names';
import type { ReadonlyModelSpec } from '../spec/model-spec';
import { computeShapes } from '../spec/shapes';
import { withQuietConsole } from '../logger';
import { createRandom, withRandom } from '../util/seeded-random';
import { blockLayers } from './block-layers';

/** The name of every model {@link buildModel} makes. */
export const MODEL_NAME = 'edge_ecg_classifier';

function applyLayers(input: tfl.SymbolicTensor, layers: tfl.layers.Layer[]): tfl.SymbolicTensor {
  return layers.reduce((x, layer) => layer.apply(x) as tfl.SymbolicTensor, input);
}

function assemble(spec: ReadonlyModelSpec): tfl.LayersModel {
  const { length, channels } = spec.input;
  const input = tfl.input({ shape: [length, channels], name: INPUT_LAYER_NAME });
  let x = spec.blocks.reduce(
    (flow, block, index) => applyLayers(flow, blockLayers(block, index)),
    input,
  );
  if (x.shape.length === 3) x = applyLayers(x, [tfl.layers.flatten({ name: FLATTEN_LAYER_NAME })]);
  const output = tfl.layers.dense({
    units: spec.classes.length,
    activation: spec.output.activation,
    kernelInitializer: 'glorotUniform',
    biasInitializer: 'zeros',
    name: OUTPUT_LAYER_NAME,
  });
  return tfl.model({ inputs: input, outputs: applyLayers(x, [output]), name: MODEL_NAME });
}

/**
 * Runs `build` in an engine scope that frees the tensors it leaves behind; variables are not
 * scoped and stay. tfjs-layers 4.22's LSTM with `unitForgetBias` leaves 4 tensors per layer.
 */
function withoutStrayTensors<T>(build: () => T): T {
  tf.engine().startScope();
  try {
    return build();
  } finally {
    tf.engine().endScope();
  }
}

/**
 * Builds the model of `spec`: its blocks in order (see `computeShapes` for the layers and
 * shapes), a Flatten if the last block leaves a sequence, and a Dense of one unit per class.
 * Weights start from Keras's initializers, drawn from a generator seeded with
 * `spec.training.seed`, so the same spec always builds the same weights. The model is not
 * compiled. Registers the SDK's custom layers first. tfjs's console warnings while building (its
 * orthogonal initializer's, for large LSTMs) are kept off the console. Needs a started backend
 * (`initBackend`).
 *
 * @throws {SpecError} when the spec's shapes cannot work, before any tensor is made.
 */
export function buildModel(spec: ReadonlyModelSpec): tfl.LayersModel {
  computeShapes(spec);
  registerCustomLayers();
  return withRandom(createRandom(spec.training.seed), () =>
    withQuietConsole(() => withoutStrayTensors(() => assemble(spec))),
  );
}
