/**
 * The SDK's own training step follows tfjs-layers' gradients: the same model, data and seed
 * give the same loss curve and predictions as training with the fast kernels off, up to
 * float32 rounding, for every layer kind it takes.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/backend/init-backend';
import type { BeatDataset } from '../../src/data/beat-dataset';
import { OwnTrainer } from '../../src/train/own-step/own-trainer';
import { trainModel, type TrainingHistory } from '../../src/train/train-model';
import type { TrainingConfig } from '../../src/train/training-config';
import { worstError } from '../backend/helpers/parity';
import { bumpBeats } from '../fixtures/bump-beats';
import { PARITY_TRAINING } from '../fixtures/parity-training';
import {
  build,
  LENGTH,
  MODELS,
  oneHotOf,
  weightsOf,
  type Layers,
} from '../fixtures/own-step-models';

/**
 * Absolute plus relative tolerance on per-epoch losses and final predictions after 4 epochs:
 * the two paths sum in different orders (at most about 1.2e-6 seen).
 */
const TOLERANCE = 1e-5;
/** How far the reference's training loss must fall, so that the comparison means something. */
const LEARNED = 2e-3;
/** 71 training beats, so that the last batch of each epoch has an odd count, 7. */
const BEATS = 94;

const CONFIG = PARITY_TRAINING;

function bumps(): BeatDataset {
  return bumpBeats({
    count: BEATS,
    beatLength: LENGTH,
    centres: [10, 28],
    noise: 0.3,
    seed: 'own-step-bumps',
  });
}

interface Run {
  history: TrainingHistory;
  losses: number[];
  predictions: Float32Array;
}

async function trainOn(
  fastKernels: boolean,
  layers: Layers,
  config: TrainingConfig = CONFIG,
): Promise<Run> {
  await initBackend({ fastKernels });
  const model = build(layers);
  const data = bumps();
  const history = await trainModel(model, data, config);
  const predictions = tf.tidy(() => {
    const x = tf.tensor3d(data.samples, [BEATS, LENGTH, 1]);
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
  model.dispose();
  const losses = history.epochs.flatMap((e) => [e.loss, e.valLoss!]);
  return { history, losses, predictions };
}

async function expectSameTraining(layers: Layers, config: TrainingConfig = CONFIG) {
  const reference = await trainOn(false, layers, config);
  const own = await trainOn(true, layers, config);
  expect(own.history.trainingPath).toEqual({ kind: 'own-kernels' });
  expect(worstError(own.losses, reference.losses)).toBeLessThan(TOLERANCE);
  expect(worstError(own.predictions, reference.predictions)).toBeLessThan(TOLERANCE);
  expect(reference.losses[0]! - reference.losses.at(-2)!).toBeGreaterThan(LEARNED);
}

describe('the own training step', () => {
  afterAll(async () => {
    await initBackend();
  });

  describe.each(Object.entries(MODELS))('on %s', (_name, layers) => {
    it("gives tfjs-layers' loss curve and predictions", async () => {
      await expectSameTraining(layers);
    });
  });

  describe('with class weights and a frozen first layer', () => {
    it("gives tfjs-layers' loss curve and predictions", async () => {
      const frozen: Layers = () => {
        const layers = MODELS['the recipe at a small size']!();
        layers[0]!.trainable = false;
        return layers;
      };
      await expectSameTraining(frozen, { ...CONFIG, classWeights: [1, 3] });
    });
  });

  describe('with dropout', () => {
    const withDropout: Layers = () => {
      const layers = MODELS['the recipe at a small size']!();
      return [...layers.slice(0, -1), tfl.layers.dropout({ rate: 0.3 }), layers.at(-1)!];
    };

    it('trains on it, the same for the same seed, otherwise than without', async () => {
      const first = await trainOn(true, withDropout);
      const second = await trainOn(true, withDropout);
      const without = await trainOn(true, MODELS['the recipe at a small size']!);
      expect(first.history.trainingPath).toEqual({ kind: 'own-kernels' });
      expect(second.losses).toEqual(first.losses);
      expect(second.predictions).toEqual(first.predictions);
      expect(worstError(first.losses, without.losses)).toBeGreaterThan(1e-4);
      expect(first.losses[0]! - first.losses.at(-2)!).toBeGreaterThan(LEARNED);
    });
  });

  describe('when the weights are set from outside between steps', () => {
    it('writes its weights back on request and takes the new ones up', async () => {
      await initBackend();
      const model = build(MODELS['the recipe at a small size']!);
      const adam = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
      const trainer = OwnTrainer.create(model, { capacity: 16, adam }) as OwnTrainer;
      const data = bumps();
      const rows = { samples: data.samples, oneHot: oneHotOf(data.labels) };
      const batch = Int32Array.from({ length: 16 }, (_, i) => i);
      const initial = weightsOf(model);
      trainer.step(rows, batch);
      trainer.writeBack();
      const trained = weightsOf(model);
      expect(worstError(trained[0]!, initial[0]!)).toBeGreaterThan(1e-3);
      const shifted = trained.map((values) => values.map((v) => v + 1));
      const tensors = shifted.map((values, i) =>
        tf.tensor(values, model.weights[i]!.shape as number[]),
      );
      model.setWeights(tensors);
      tf.dispose(tensors);
      trainer.step(rows, batch);
      trainer.writeBack();
      // One Adam step moves a weight by about the learning rate: from the shifted weights.
      weightsOf(model).forEach((values, i) => {
        expect(worstError(values, shifted[i]!)).toBeLessThan(0.02);
      });
      model.dispose();
    });
  });

  describe('after training', () => {
    it('leaves no tensor behind', async () => {
      await initBackend();
      const before = tf.memory().numTensors;
      await trainOn(true, MODELS['the recipe at a small size']!);
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('where it does not apply', () => {
    const recipe = MODELS['the recipe at a small size']!;
    // Layer names carry tfjs-layers' running counters, hence the \d+.
    const cases: [string, Layers, TrainingConfig, RegExp][] = [
      ['fastKernels off', recipe, CONFIG, /^fastKernels is off$/],
      [
        'an optimizer other than Adam',
        recipe,
        { ...CONFIG, optimizer: { name: 'sgd', learningRate: 0.1 } },
        /^the own training step does not take optimizer sgd \(it runs Adam\)$/,
      ],
      [
        'an LSTM with dropout',
        () => [
          ...recipe().slice(0, -2),
          tfl.layers.lstm({ units: 4, dropout: 0.1 }),
          recipe().at(-1)!,
        ],
        CONFIG,
        /^the own training step does not take layer lstm_LSTM\d+ \(LSTM\): dropout$/,
      ],
      [
        'batch normalization',
        () => [...recipe().slice(0, -1), tfl.layers.batchNormalization({}), recipe().at(-1)!],
        CONFIG,
        new RegExp(
          '^the own training step does not take layer batch_normalization_BatchNormalization\\d+ ' +
            '\\(BatchNormalization\\): a layer of this kind$',
        ),
      ],
    ];
    it.each(cases)('falls back to tfjs-layers for %s, and says why', async (...args) => {
      const [name, layers, config, reason] = args;
      const { history } = await trainOn(name !== 'fastKernels off', layers, {
        ...config,
        epochs: 1,
      });
      expect(history.trainingPath.kind).toBe('tfjs-layers');
      expect(history.trainingPath.kind === 'tfjs-layers' && history.trainingPath.reason).toMatch(
        reason,
      );
    });
  });
});
