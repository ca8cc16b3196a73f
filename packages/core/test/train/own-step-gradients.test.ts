/**
 * The SDK's own training step computes the loss's gradients as tfjs's reference cpu backend
 * does: for every layer kind it takes, with and without class weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../src/backend/init-backend';
import { ForwardMemory } from '../../src/infer/forward-memory';
import { instantiateForward } from '../../src/infer/forward-module';
import { categoricalCrossEntropy } from '../../src/train/loss';
import { OwnTrainer, type WeightGradient } from '../../src/train/own-step/own-trainer';
import { seededValues, worstError } from '../backend/helpers/parity';
import {
  build,
  LENGTH,
  MODELS,
  oneHotOf,
  weightsOf,
  type Layers,
} from '../fixtures/own-step-models';

/** Absolute plus relative tolerance per gradient value (float32 sums in other orders). */
const TOLERANCE = 1e-5;
/** An odd batch, so that the LSTM's beat pairs have one left over. */
const BEATS = 13;
/** `ACTIVATION_SOFTPLUS` in wasm/forward.h. */
const SOFTPLUS = 8;
const ADAM = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

interface Batch {
  samples: Float32Array;
  labels: Int32Array;
}

function batch(): Batch {
  const samples = seededValues('own-step-gradients', BEATS * LENGTH).map((v) => (v + 1) / 2);
  const labels = Int32Array.from({ length: BEATS }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
  return { samples, labels };
}

interface Reference {
  /** The model's initial weights, in `model.weights` order. */
  weights: Float32Array[];
  gradients: WeightGradient[];
}

/** The cpu backend's gradients of the batch's loss, in `model.weights` order. */
function cpuGradients(layers: Layers, data: Batch, classWeights?: number[]): Reference {
  const model = build(layers);
  const weights = weightsOf(model);
  const variables = model.weights.map((weight) => weight.read() as tf.Variable);
  const gradients = tf.tidy(() => {
    const x = tf.tensor3d(data.samples, [BEATS, LENGTH, 1]);
    const y = tf.tensor2d(oneHotOf(data.labels), [BEATS, 2]);
    const weights = classWeights && tf.tensor1d(classWeights);
    const loss = () =>
      categoricalCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor2D, weights);
    const { grads } = tf.variableGrads(loss, variables);
    return model.weights.map((weight) => ({
      name: weight.name,
      values: grads[(weight.read() as tf.Variable).name]!.dataSync() as Float32Array,
    }));
  });
  model.dispose();
  return { weights, gradients };
}

function ownGradients(
  layers: Layers,
  data: Batch,
  weights: Float32Array[],
  classWeights?: number[],
): WeightGradient[] {
  const model = build(layers);
  const tensors = weights.map((values, i) =>
    tf.tensor(values, model.weights[i]!.shape as number[]),
  );
  model.setWeights(tensors);
  tf.dispose(tensors);
  const trainer = OwnTrainer.create(model, { capacity: 16, adam: ADAM, classWeights });
  if (!(trainer instanceof OwnTrainer)) throw new Error(trainer.reason);
  const rows = { samples: data.samples, oneHot: oneHotOf(data.labels) };
  const { gradients } = trainer.gradients(
    rows,
    Int32Array.from({ length: BEATS }, (_, i) => i),
  );
  model.dispose();
  return gradients;
}

describe('the softplus derivative read from its output', () => {
  it("is tfjs's sigmoid of the input, to 1e-4 relative, down to tiny outputs", async () => {
    await initBackend();
    const inputs = [-30, -20, -9.5, -9, -3, -1, 0, 1, 3, 10, 30];
    await tf.setBackend('cpu');
    const [outputs, expected] = tf.tidy(() => {
      const x = tf.tensor1d(inputs);
      return [tf.softplus(x), tf.sigmoid(x)].map((t) => t.dataSync() as Float32Array);
    });
    await initBackend();
    const memory = new ForwardMemory(instantiateForward()!);
    const gradient = memory.store(new Float32Array(inputs.length).fill(1));
    const output = memory.store(outputs!);
    memory.kernels.activation_gradient(gradient, output, inputs.length, SOFTPLUS, 0);
    const actual = memory.floats(gradient, inputs.length);
    expected!.forEach((value, i) => {
      expect(Math.abs(actual[i]! - value) / value).toBeLessThan(1e-4);
    });
  });
});

describe("the own training step's gradients", () => {
  beforeAll(async () => {
    await initBackend();
  });

  describe.each(Object.entries(MODELS))('on %s', (_name, layers) => {
    it.each([
      ['without class weights', undefined],
      ['with class weights', [0.5, 2]],
    ])("match the cpu backend's, %s", async (_label, classWeights) => {
      const data = batch();
      await tf.setBackend('cpu');
      const expected = cpuGradients(layers, data, classWeights);
      await initBackend();
      const actual = ownGradients(layers, data, expected.weights, classWeights);
      expect(actual).toHaveLength(expected.gradients.length);
      actual.forEach((gradient, index) => {
        const reference = expected.gradients[index]!.values;
        expect(Math.max(...reference.map(Math.abs))).toBeGreaterThan(0);
        expect(worstError(gradient.values, reference)).toBeLessThan(TOLERANCE);
      });
    });
  });
});
