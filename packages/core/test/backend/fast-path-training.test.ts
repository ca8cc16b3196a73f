/**
 * Training on the fast kernels follows the reference kernels: the same model, data and seed
 * give the same loss curve and the same predictions, up to float32 rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import type { BeatDataset } from '../../src/data/beat-dataset';
import { bumpBeats } from '../fixtures/bump-beats';
import { PARITY_TRAINING } from '../fixtures/parity-training';
import { trainModel } from '../../src/train/train-model';
import { createRandom, withRandom } from '../../src/util/seeded-random';
import { worstError } from './helpers/parity';

/**
 * Absolute plus relative tolerance on per-epoch losses and final predictions after 4 epochs
 * (about 1e-8 seen).
 */
const TOLERANCE = 1e-5;
const LENGTH = 40;

function bumps(count: number): BeatDataset {
  return bumpBeats({
    count,
    beatLength: LENGTH,
    centres: [10, 28],
    noise: 0.3,
    seed: 'fast-path-bumps',
  });
}

/** The reference recipe's layer types at a small size. */
function recipeLike(): tfl.LayersModel {
  const conv = (filters: number) =>
    tfl.layers.conv1d({ filters, kernelSize: 3, activation: 'relu' });
  return withRandom(createRandom('fast-path-weights'), () =>
    tfl.sequential({
      layers: [
        tfl.layers.conv1d({
          inputShape: [LENGTH, 1],
          filters: 4,
          kernelSize: 3,
          activation: 'relu',
        }),
        conv(4),
        tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 }),
        conv(6),
        tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 }),
        tfl.layers.lstm({ units: 5, recurrentActivation: 'sigmoid' }),
        tfl.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    }),
  );
}

const CONFIG = PARITY_TRAINING;

interface Run {
  losses: number[];
  predictions: Float32Array;
}

async function trainOn(fastKernels: boolean): Promise<Run> {
  await initBackend({ fastKernels });
  const model = recipeLike();
  const data = bumps(96);
  const history = await trainModel(model, data, CONFIG);
  const predictions = tf.tidy(() => {
    const x = tf.tensor3d(data.samples, [96, LENGTH, 1]);
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
  model.dispose();
  return { losses: history.epochs.flatMap((e) => [e.loss, e.valLoss!]), predictions };
}

describe('training with the fast kernels', () => {
  afterAll(async () => {
    await initBackend();
  });

  it(
    'gives the loss curve and predictions of the reference kernels, ' + 'and leaks no tensor',
    async () => {
      await initBackend();
      const before = tf.memory().numTensors;
      const reference = await trainOn(false);
      const fast = await trainOn(true);
      expect(fast.losses).toHaveLength(2 * CONFIG.epochs);
      expect(worstError(fast.losses, reference.losses)).toBeLessThan(TOLERANCE);
      expect(worstError(fast.predictions, reference.predictions)).toBeLessThan(TOLERANCE);
      expect(reference.losses[0]! - reference.losses.at(-2)!).toBeGreaterThan(0.05);
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
