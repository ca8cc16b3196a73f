import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import type { BeatDataset } from '../../src/data/beat-dataset';
import { bumpBeats } from '../fixtures/bump-beats';
import { trainModel, type EpochProgress } from '../../src/train/train-model';
import type { TrainingConfig } from '../../src/train/training-config';
import { createRandom, withRandom } from '../../src/util/seeded-random';

const LENGTH = 32;

function bumps(count: number): BeatDataset {
  return bumpBeats({ count, beatLength: LENGTH, centres: [8, 22], noise: 0.2, seed: 'bumps' });
}

function smallModel(seed: number): tfl.LayersModel {
  return withRandom(createRandom(`${seed}:init`), () =>
    tfl.sequential({
      layers: [
        tfl.layers.conv1d({
          inputShape: [LENGTH, 1],
          filters: 4,
          kernelSize: 3,
          activation: 'relu',
        }),
        tfl.layers.dropout({ rate: 0.2 }),
        tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 }),
        tfl.layers.lstm({ units: 4, dropout: 0.1, recurrentDropout: 0.1 }),
        tfl.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    }),
  );
}

const CONFIG: TrainingConfig = {
  optimizer: { name: 'adam', learningRate: 0.01 },
  loss: 'categoricalCrossentropy',
  epochs: 3,
  batchSize: 16,
  validationSplit: 0.25,
  seed: 7,
};

async function trainedWeights(config: TrainingConfig): Promise<Float32Array[]> {
  const model = smallModel(config.seed);
  await trainModel(model, bumps(64), config);
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  return weights;
}

describe('trainModel', () => {
  beforeAll(async () => {
    await initBackend();
  });

  describe('with the same spec, data and seed', () => {
    it('gives identical weights, dropout included', async () => {
      const first = await trainedWeights(CONFIG);
      const second = await trainedWeights(CONFIG);
      expect(second).toEqual(first);
    });
  });

  describe('with another seed', () => {
    it('gives other weights', async () => {
      const first = await trainedWeights(CONFIG);
      const other = await trainedWeights({ ...CONFIG, seed: 8 });
      expect(other[0]).not.toEqual(first[0]);
    });
  });

  describe('on a learnable task', () => {
    it('reports every epoch and batch and learns it', async () => {
      const model = smallModel(1);
      const epochs: EpochProgress[] = [];
      let batches = 0;
      const history = await trainModel(
        model,
        bumps(128),
        { ...CONFIG, epochs: 8 },
        {
          onEpochEnd: (progress) => void epochs.push(progress),
          onBatchEnd: () => void (batches += 1),
        },
      );
      expect(history.trainBeats).toBe(96);
      expect(history.validationBeats).toBe(32);
      expect(epochs).toHaveLength(8);
      expect(batches).toBe(8 * 6);
      expect(epochs[7]!.valAccuracy).toBeGreaterThan(0.9);
      model.dispose();
    });
  });

  describe('with early stopping', () => {
    it(
      'stops once the monitored metric stops improving ' + 'and restores the best weights',
      async () => {
        const model = smallModel(2);
        const history = await trainModel(model, bumps(64), {
          ...CONFIG,
          epochs: 40,
          optimizer: { name: 'sgd', learningRate: 0 },
          earlyStopping: { monitor: 'valLoss', patience: 2, restoreBestWeights: true },
        });
        expect(history.stoppedEarly).toBe(true);
        expect(history.epochs).toHaveLength(3);
        expect(history.finalWeightsEpoch).toBe(0);
        model.dispose();
      },
    );
  });

  describe('after training', () => {
    it('leaves no tensors behind once the model is disposed', async () => {
      const before = tf.memory().numTensors;
      const model = smallModel(3);
      await trainModel(model, bumps(32), { ...CONFIG, epochs: 1 });
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
