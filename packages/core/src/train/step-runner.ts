/**
 * @module How a training run takes its optimizer steps: the SDK's own training step on its
 * WASM SIMD kernels where the model and optimizer allow it, tfjs-layers' gradients otherwise.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { fastKernelsOn } from '../backend/fast-kernels';
import { withRandom, type RandomSource } from '../util/seeded-random';
import { gatherRows, type BeatTensors } from './batch-tensors';
import { categoricalCrossEntropy, countCorrect } from './loss';
import { createOptimizer, KERAS_ADAM } from './optimizer';
import { OwnTrainer } from './own-step/own-trainer';
import type { TrainingConfig } from './training-config';

/**
 * Which code trains: the SDK's own step (`own-kernels`), or tfjs-layers' gradients with the
 * reason (a layer or optimizer the own step lacks, or `initBackend({ fastKernels: false })`).
 */
export type TrainingPath = { kind: 'own-kernels' } | { kind: 'tfjs-layers'; reason: string };

/** Takes steps on batches of the training beats. */
export interface StepRunner {
  readonly path: TrainingPath;
  /** One optimizer step on the beats at `rows`; returns its loss and correct beats. */
  step(rows: Int32Array): [loss: number, correct: number];
  /** Makes the model's variables hold the weights trained so far. */
  writeBack(): void;
  dispose(): void;
}

function layersRunner(
  model: tfl.LayersModel,
  train: BeatTensors,
  config: TrainingConfig,
  random: RandomSource,
  reason: string,
): StepRunner {
  const optimizer = createOptimizer(config.optimizer);
  const classWeights = config.classWeights ? tf.tensor1d(config.classWeights) : undefined;
  const step = (rows: Int32Array): [number, number] => {
    const batch = gatherRows(train, rows);
    let correct: tf.Scalar | undefined;
    const loss = withRandom(random, () =>
      optimizer.minimize(() => {
        const probabilities = model.apply(batch.x, { training: true }) as tf.Tensor2D;
        correct = tf.keep(countCorrect(batch.y, probabilities));
        return categoricalCrossEntropy(batch.y, probabilities, classWeights);
      }, true),
    );
    const values: [number, number] = [loss!.dataSync()[0]!, correct!.dataSync()[0]!];
    tf.dispose([loss!, correct!, batch.x, batch.y]);
    return values;
  };
  return {
    path: { kind: 'tfjs-layers', reason },
    step,
    writeBack: () => undefined,
    dispose: () => {
      optimizer.dispose();
      classWeights?.dispose();
    },
  };
}

function ownRunner(trainer: OwnTrainer, train: BeatTensors): StepRunner {
  const data = {
    samples: train.x.dataSync() as Float32Array,
    oneHot: train.y.dataSync() as Float32Array,
  };
  return {
    path: { kind: 'own-kernels' },
    step: (rows) => {
      const { loss, correct } = trainer.step(data, rows);
      return [loss, correct];
    },
    writeBack: () => trainer.writeBack(),
    dispose: () => undefined,
  };
}

/** The own step where it applies; it needs the fast kernels and Adam. */
function ownTrainerOrReason(
  model: tfl.LayersModel,
  config: TrainingConfig,
  random: RandomSource,
): OwnTrainer | { reason: string } {
  if (!fastKernelsOn()) return { reason: 'fastKernels is off' };
  const { optimizer } = config;
  if (optimizer.name !== 'adam')
    return {
      reason: `the own training step does not take optimizer ${optimizer.name} (it runs Adam)`,
    };
  return OwnTrainer.create(model, {
    capacity: config.batchSize,
    adam: { ...KERAS_ADAM, ...optimizer },
    classWeights: config.classWeights,
    random,
  });
}

/** The runner for training `model` on `train`; `random` draws the dropout masks. */
export function createStepRunner(
  model: tfl.LayersModel,
  train: BeatTensors,
  config: TrainingConfig,
  random: RandomSource,
): StepRunner {
  const trainer = ownTrainerOrReason(model, config, random);
  if (trainer instanceof OwnTrainer) return ownRunner(trainer, train);
  return layersRunner(model, train, config, random, trainer.reason);
}
