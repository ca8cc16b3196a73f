/**
 * Gradient parity: every layer type the spec can build gives the same gradients, with respect
 * to its input and to its weights, on the wasm backend as on tfjs's reference cpu backend.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import { CausalPadding1D } from '../../src/layers/causal-padding-1d';
import { MinPooling1D } from '../../src/layers/min-pooling-1d';
import { createRandom, withRandom } from '../../src/util/seeded-random';

/** Absolute plus relative tolerance; float32 sums over a few thousand terms stay inside it. */
const TOLERANCE = 2e-4;
const BATCH = 3;
const LENGTH = 24;

type Build = () => tfl.layers.Layer[];

interface Gradients {
  input: Float32Array;
  weights: Float32Array[];
}

function buildModel(layers: Build, channels: number): tfl.Sequential {
  return withRandom(createRandom('parity-weights'), () => {
    const model = tfl.sequential();
    model.add(tfl.layers.inputLayer({ inputShape: [LENGTH, channels] }));
    layers().forEach((layer) => model.add(layer));
    return model;
  });
}

async function gradientsOn(backend: string, layers: Build, channels: number): Promise<Gradients> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const model = buildModel(layers, channels);
    const random = createRandom('parity-input');
    const x = tf.tensor3d(
      Float32Array.from({ length: BATCH * LENGTH * channels }, () => random() * 2 - 1),
      [BATCH, LENGTH, channels],
    );
    const outputShape = model.outputs[0]!.shape.slice(1) as number[];
    const mix = tf.tensor(
      Float32Array.from({ length: outputShape.reduce((a, b) => a * b, 1) }, () => random() - 0.5),
      outputShape,
    );
    const objective = (input: tf.Tensor) =>
      tf.sum(tf.mul(model.apply(input, { training: true }) as tf.Tensor, mix)) as tf.Scalar;
    const input = tf.grad(objective)(x).dataSync() as Float32Array;
    const { grads } = tf.variableGrads(() => objective(x));
    const weights = model.trainableWeights.map(
      (w) => grads[w.originalName]!.dataSync() as Float32Array,
    );
    return { input, weights };
  });
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!) / (1 + Math.abs(expected[i]!));
    worst = Math.max(worst, error);
  }
  expect(worst).toBeLessThan(TOLERANCE);
}

type ConvArgs = Parameters<typeof tfl.layers.conv1d>[0];

const conv = (options: Partial<ConvArgs> = {}) =>
  tfl.layers.conv1d({ filters: 4, kernelSize: 3, activation: 'relu', ...options });

const CASES: [string, Build, number][] = [
  ['conv1d, valid padding', () => [conv({ padding: 'valid' })], 2],
  ['conv1d, same padding', () => [conv({ padding: 'same' })], 2],
  ['conv1d, causal padding', () => [new CausalPadding1D({ padding: 2 }), conv()], 2],
  ['conv1d, stride 2', () => [conv({ strides: 2 })], 2],
  ['conv1d, stride 2 and same padding', () => [conv({ strides: 2, padding: 'same' })], 3],
  ['conv1d, dilation 2', () => [conv({ dilationRate: 2 })], 2],
  [
    'conv1d, dilation 3 and causal padding',
    () => [new CausalPadding1D({ padding: 6 }), conv({ dilationRate: 3 })],
    2,
  ],
  ['two stacked conv1d layers', () => [conv(), conv({ filters: 5, kernelSize: 5 })], 1],
  [
    'conv1d with elu, selu, tanh, sigmoid and softplus',
    () => [
      conv({ activation: 'elu' }),
      conv({ activation: 'selu' }),
      conv({ activation: 'tanh' }),
      conv({ activation: 'sigmoid' }),
      conv({ activation: 'softplus' }),
    ],
    1,
  ],
  [
    'LeakyReLU as a layer of its own',
    () => [conv({ activation: 'linear' }), tfl.layers.leakyReLU({ alpha: 0.2 })],
    1,
  ],
  ['max pooling', () => [conv(), tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 })], 1],
  // wasm 4.22's own MaxPoolGrad loses the gradient of windows whose values are all ≤ 0;
  // a linear conv before the pool makes such windows common.
  [
    'max pooling after a linear conv',
    () => [conv({ activation: 'linear' }), tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 })],
    1,
  ],
  [
    'min pooling after a linear conv',
    () => [conv({ activation: 'linear' }), new MinPooling1D({ poolSize: 3, strides: 2 })],
    1,
  ],
  [
    'max pooling, same padding',
    () => [conv(), tfl.layers.maxPooling1d({ poolSize: 3, strides: 2, padding: 'same' })],
    1,
  ],
  ['average pooling', () => [conv(), tfl.layers.averagePooling1d({ poolSize: 3, strides: 2 })], 1],
  ['global max pooling', () => [conv(), tfl.layers.globalMaxPooling1d()], 1],
  ['global average pooling', () => [conv(), tfl.layers.globalAveragePooling1d()], 1],
  ['LSTM', () => [tfl.layers.lstm({ units: 5 })], 2],
  [
    'stacked LSTMs',
    () => [tfl.layers.lstm({ units: 4, returnSequences: true }), tfl.layers.lstm({ units: 3 })],
    2,
  ],
  [
    'bidirectional LSTM',
    () => [tfl.layers.bidirectional({ layer: tfl.layers.lstm({ units: 3 }) as tfl.RNN })],
    2,
  ],
  [
    'dense on the flattened sequence',
    () => [tfl.layers.flatten(), tfl.layers.dense({ units: 3, activation: 'softmax' })],
    1,
  ],
  ['batch normalisation', () => [conv(), tfl.layers.batchNormalization()], 1],
];

describe('gradients on wasm', () => {
  beforeAll(async () => {
    await initBackend();
  });

  afterAll(async () => {
    await tf.setBackend('wasm');
  });

  describe.each(CASES)('for %s', (_name, layers, channels) => {
    it('match the cpu backend for the input and every weight', async () => {
      const reference = await gradientsOn('cpu', layers, channels);
      const actual = await gradientsOn('wasm', layers, channels);
      expectClose(actual.input, reference.input);
      expect(actual.weights).toHaveLength(reference.weights.length);
      actual.weights.forEach((weights, i) => expectClose(weights, reference.weights[i]!));
    });
  });
});

describe('the dilated Conv1D gradient', () => {
  // Both backends share the SDK's dilated gradient, so it is also checked against finite
  // differences. With a linear activation the objective is linear in the filter and the input,
  // so a central difference is exact up to float32 rounding.
  const STEP = 0.5;

  it('matches finite differences for the filter and the input', async () => {
    await initBackend();
    const random = createRandom('dilated');
    const draw = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
    const x = tf.tensor3d(draw(2 * 20 * 2), [2, 20, 2]);
    const filter = tf.tensor3d(draw(3 * 2 * 4), [3, 2, 4]);
    const mix = tf.tensor3d(draw(2 * 16 * 4), [2, 16, 4]);
    const objective = (input: tf.Tensor3D, kernel: tf.Tensor3D) =>
      tf.sum(tf.mul(tf.conv1d(input, kernel, 1, 'valid', 'NWC', 2), mix)).dataSync()[0]!;
    const [dx, dFilter] = tf.grads((input: tf.Tensor, kernel: tf.Tensor) =>
      tf.sum(
        tf.mul(tf.conv1d(input as tf.Tensor3D, kernel as tf.Tensor3D, 1, 'valid', 'NWC', 2), mix),
      ),
    )([x, filter]);
    const probe = (tensor: tf.Tensor3D, flatIndex: number, which: 'x' | 'filter') => {
      const values = tensor.dataSync().slice();
      values[flatIndex]! += STEP;
      const plus = tf.tensor3d(values, tensor.shape);
      values[flatIndex]! -= 2 * STEP;
      const minus = tf.tensor3d(values, tensor.shape);
      const f = (t: tf.Tensor3D) => (which === 'x' ? objective(t, filter) : objective(x, t));
      return (f(plus) - f(minus)) / (2 * STEP);
    };
    for (const index of [0, 5, 11, 17, 23]) {
      expect(dFilter!.dataSync()[index]).toBeCloseTo(probe(filter, index, 'filter'), 3);
    }
    for (const index of [0, 9, 21, 40, 79]) {
      expect(dx!.dataSync()[index]).toBeCloseTo(probe(x, index, 'x'), 3);
    }
  });
});
