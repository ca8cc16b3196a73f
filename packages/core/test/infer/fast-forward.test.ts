/**
 * The layer-free forward pass gives tfjs-layers' own predictions, for every layer kind a spec
 * can build, in any chunking, and follows the model's weights when they change.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import { EcgClassifier } from '../../src/classifier/ecg-classifier';
import { FastForward, FORWARD_CHUNK_BEATS } from '../../src/infer/fast-forward';
import type { SpecOverrides } from '../../src/spec/merge-spec';
import { createRandom, withRandom } from '../../src/util/seeded-random';
import { seededValues, worstError } from '../backend/helpers/parity';

/** Absolute plus relative tolerance against `model.predict` (about 1e-7 seen). */
const TOLERANCE = 1e-5;
const LENGTH = 60;

function beats(count: number, seed = 'forward-beats'): Float32Array {
  return seededValues(seed, count * LENGTH).map((value) => value * 0.5 + 0.5);
}

function layersPredict(model: tfl.LayersModel, samples: Float32Array): Float32Array {
  const [steps, channels] = model.inputs[0]!.shape.slice(1) as number[];
  const count = samples.length / (steps! * channels!);
  return tf.tidy(() => {
    const x = tf.tensor3d(samples, [count, steps!, channels!]);
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
}

function forwardOf(model: tfl.LayersModel): FastForward {
  const forward = FastForward.create(model);
  if (!(forward instanceof FastForward)) throw new Error(forward.reason);
  return forward;
}

function classifier(overrides: SpecOverrides): EcgClassifier {
  return EcgClassifier.create({
    input: { length: LENGTH, channels: 1, sampleRateHz: 125 },
    ...overrides,
  });
}

const SPECS: Record<string, SpecOverrides> = {
  'the recipe at a small size': {
    blocks: [
      { type: 'conv1d', filters: 16, kernelSize: 3 },
      { type: 'conv1d', filters: 16, kernelSize: 3 },
      { type: 'pooling', kind: 'max', poolSize: 3, strides: 2 },
      { type: 'conv1d', filters: 32, kernelSize: 3 },
      { type: 'pooling', kind: 'max', poolSize: 3, strides: 2 },
      { type: 'lstm', units: 16 },
    ],
  },
  "Winograd's 3-tap convolutions, with odd step and channel counts": {
    blocks: [
      { type: 'conv1d', filters: 32, kernelSize: 2 },
      { type: 'conv1d', filters: 33, kernelSize: 3, activation: 'tanh' },
      { type: 'conv1d', filters: 6, kernelSize: 3, padding: 'same' },
      { type: 'lstm', units: 4 },
    ],
  },
  "'same' and causal padding, dilation, strides, odd channel counts": {
    blocks: [
      { type: 'conv1d', filters: 5, kernelSize: 5, padding: 'same', dilationRate: 2 },
      { type: 'conv1d', filters: 7, kernelSize: 4, padding: 'causal', strides: 2 },
      { type: 'conv1d', filters: 9, kernelSize: 4, padding: 'same', strides: 2 },
      { type: 'conv1d', filters: 3, kernelSize: 3, padding: 'same', strides: 3 },
      { type: 'lstm', units: 3 },
    ],
  },
  'every pooling kind with both paddings': {
    blocks: [
      { type: 'conv1d', filters: 4, kernelSize: 3, activation: 'linear' },
      { type: 'pooling', kind: 'min', poolSize: 3, strides: 2, padding: 'same' },
      { type: 'pooling', kind: 'average', poolSize: 4, strides: 1, padding: 'same' },
      { type: 'pooling', kind: 'max', poolSize: 2, strides: 3, padding: 'same' },
      { type: 'pooling', kind: 'average', poolSize: 2 },
      { type: 'pooling', kind: 'globalMax' },
    ],
  },
  'global average pooling after a bidirectional LSTM sequence': {
    blocks: [
      { type: 'conv1d', filters: 8, kernelSize: 3, activation: 'tanh' },
      {
        type: 'lstm',
        units: 6,
        bidirectional: true,
        returnSequences: true,
        activation: 'elu',
        recurrentActivation: 'hardSigmoid',
      },
      { type: 'pooling', kind: 'globalAverage' },
    ],
  },
  'batch normalization, LeakyReLU, dense blocks and a flattened sequence': {
    blocks: [
      { type: 'conv1d', filters: 6, kernelSize: 3, activation: 'leakyRelu', alpha: 0.2 },
      { type: 'batchNormalization', epsilon: 0.01 },
      { type: 'leakyRelu', alpha: 0.05 },
      { type: 'dropout', rate: 0.3 },
      { type: 'dense', units: 5, activation: 'selu' },
      { type: 'lstm', units: 4, returnSequences: true, recurrentActivation: 'sigmoid' },
      { type: 'dense', units: 7, activation: 'softplus', dropout: 0.2 },
    ],
  },
  'sigmoid and elu convolutions feeding a dense block': {
    blocks: [
      { type: 'conv1d', filters: 12, kernelSize: 7, activation: 'sigmoid', strides: 2 },
      { type: 'conv1d', filters: 4, kernelSize: 3, activation: 'elu' },
      { type: 'pooling', kind: 'globalAverage' },
      { type: 'dense', units: 10, activation: 'relu' },
    ],
  },
};

/** Moves batch normalization's statistics off their initial values, so the test can fail. */
function perturbWeights(model: tfl.LayersModel, seed: string): void {
  const random = createRandom(seed);
  model.setWeights(
    model.getWeights().map((weight) =>
      tf.tidy(() => {
        const noise = Float32Array.from({ length: weight.size }, () => random() * 0.4 + 0.8);
        return tf.mul(weight, tf.tensor(noise, weight.shape));
      }),
    ),
  );
}

beforeAll(async () => {
  await initBackend();
});

describe('FastForward', () => {
  describe.each(Object.entries(SPECS))('on %s', (_name, overrides) => {
    it("matches tfjs-layers' predictions", () => {
      const { model } = classifier(overrides);
      perturbWeights(model, 'perturb');
      const samples = beats(9);
      expect(
        worstError(forwardOf(model).predict(samples, 9), layersPredict(model, samples)),
      ).toBeLessThan(TOLERANCE);
      model.dispose();
    });
  });

  describe('when the beats span several chunks', () => {
    it('gives each beat the prediction it has alone', () => {
      const { model } = classifier(SPECS['the recipe at a small size']!);
      const count = 2 * FORWARD_CHUNK_BEATS + 3;
      const samples = beats(count, 'chunks');
      const forward = forwardOf(model);
      const together = forward.predict(samples, count);
      const alone = Array.from({ length: count }, (_, beat) =>
        Array.from(forward.predict(samples.subarray(beat * LENGTH, (beat + 1) * LENGTH), 1)),
      ).flat();
      expect(Array.from(together)).toEqual(alone);
      model.dispose();
    });
  });

  describe('when the weights change after it was made', () => {
    it('predicts with the new weights', () => {
      const { model } = classifier(SPECS['the recipe at a small size']!);
      const forward = forwardOf(model);
      const samples = beats(4, 'changed');
      const before = forward.predict(samples, 4);
      perturbWeights(model, 'changed weights');
      const after = forward.predict(samples, 4);
      expect(worstError(after, before)).toBeGreaterThan(1e-3);
      expect(worstError(after, layersPredict(model, samples))).toBeLessThan(TOLERANCE);
      model.dispose();
    });
  });

  describe('for activations at extreme inputs', () => {
    it.each(['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'hardSigmoid', 'softplus'] as const)(
      'matches tfjs for %s over [-100, 100]',
      (activation) => {
        const steps = 401;
        const model = tfl.sequential({
          layers: [tfl.layers.activation({ activation, inputShape: [steps, 1] })],
        });
        const x = Float32Array.from({ length: steps }, (_, i) => (i - 200) / 2);
        const fast = forwardOf(model).predict(x, 1);
        expect(fast.every(Number.isFinite)).toBe(true);
        expect(worstError(fast, layersPredict(model, x))).toBeLessThan(TOLERANCE);
      },
    );
  });

  describe('for a model it cannot run', () => {
    it('names the layer', () => {
      const model = withRandom(createRandom('gru'), () =>
        tfl.sequential({ layers: [tfl.layers.gru({ units: 2, inputShape: [LENGTH, 1] })] }),
      );
      expect(FastForward.create(model)).toEqual({ reason: 'unsupported layer GRU' });
    });

    it('names a layer that is not a link of one chain', () => {
      const input = tfl.input({ shape: [LENGTH, 1] });
      const left = tfl.layers.conv1d({ filters: 2, kernelSize: 3, name: 'left' }).apply(input);
      const right = tfl.layers.conv1d({ filters: 2, kernelSize: 3, name: 'right' }).apply(input);
      const sum = tfl.layers.add({ name: 'sum' }).apply([left, right] as tfl.SymbolicTensor[]);
      const model = tfl.model({ inputs: input, outputs: sum as tfl.SymbolicTensor });
      expect(FastForward.create(model)).toEqual({
        reason: 'unsupported layer right is not a link of one chain',
      });
    });
  });
});

describe('EcgClassifier.inferencePath', () => {
  it('is the wasm forward pass for the recipe', () => {
    const recipe = EcgClassifier.create();
    expect(recipe.inferencePath).toEqual({ kind: 'wasm-forward' });
    recipe.dispose();
  });

  it('is tfjs-layers while the fast kernels are off, with the same predictions', async () => {
    const small = classifier(SPECS['the recipe at a small size']!);
    const samples = beats(5, 'path');
    const fast = small.predict(samples).probabilities;
    await initBackend({ fastKernels: false });
    try {
      expect(small.inferencePath).toEqual({ kind: 'tfjs-layers', reason: 'fastKernels is off' });
      expect(worstError(small.predict(samples).probabilities, fast)).toBeLessThan(TOLERANCE);
    } finally {
      await initBackend({ fastKernels: true });
      small.dispose();
    }
  });
});
