/**
 * @module The training loop: seeded shuffling, per-batch steps, validation, early stopping.
 *
 * tfjs's `model.fit` shuffles with `Math.random` and cannot weight classes per beat, so the SDK
 * runs its own loop. Every random draw of a step (dropout masks) comes from the run's seed.
 * The steps themselves run on the SDK's own kernels where they can (see `step-runner.ts`).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BeatDataset } from '../data/beat-dataset';
import { createRandom, shuffledIndices, type RandomSource } from '../util/seeded-random';
import { gatherRows, toTensors, type BeatTensors } from './batch-tensors';
import { EarlyStopping, type EpochMetrics } from './early-stopping';
import { releaseDropoutMasks } from './release-dropout-masks';
import { createStepRunner, type StepRunner, type TrainingPath } from './step-runner';
import type { TrainingConfig } from './training-config';
import { createValidate, type Validate } from './validation';

/** Reported after every batch. */
export interface BatchProgress {
  epoch: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
}

/** Reported after every epoch. */
export interface EpochProgress extends EpochMetrics {
  epoch: number;
  epochs: number;
  durationMs: number;
}

/** Callbacks and cancellation for {@link trainModel}. */
export interface TrainCallbacks {
  /**
   * After every step. On the SDK's own training step (`history.trainingPath`) the model's
   * variables are written at the end of each epoch, so here they still hold the epoch's start.
   */
  onBatchEnd?: (progress: BatchProgress) => void | Promise<void>;
  onEpochEnd?: (progress: EpochProgress) => void | Promise<void>;
  /** Aborting stops training after the current batch; the weights so far are kept. */
  signal?: AbortSignal;
}

/** What a training run did. */
export interface TrainingHistory {
  epochs: EpochProgress[];
  trainBeats: number;
  validationBeats: number;
  stoppedEarly: boolean;
  /** The epoch whose weights the model holds at the end (the last one unless restored). */
  finalWeightsEpoch: number;
  /** Which code took the steps, and why tfjs-layers' gradients did where they did. */
  trainingPath: TrainingPath;
  durationMs: number;
}

interface Split {
  train: BeatTensors;
  validation: BeatTensors | undefined;
}

/** Holds out the last `validationSplit` of the beats after one seeded shuffle. */
function splitValidation(dataset: BeatDataset, fraction: number, random: RandomSource): Split {
  const all = toTensors(dataset);
  const order = shuffledIndices(dataset.labels.length, random);
  const validationCount = Math.floor(order.length * fraction);
  const trainCount = order.length - validationCount;
  const train = gatherRows(all, order.subarray(0, trainCount));
  const validation = validationCount > 0 ? gatherRows(all, order.subarray(trainCount)) : undefined;
  tf.dispose([all.x, all.y]);
  return { train, validation };
}

async function runEpoch(
  runner: StepRunner,
  count: number,
  config: TrainingConfig,
  random: RandomSource,
  epoch: number,
  callbacks: TrainCallbacks,
): Promise<EpochMetrics> {
  const order = shuffledIndices(count, random);
  const batches = Math.ceil(count / config.batchSize);
  let lossSum = 0;
  let correct = 0;
  for (let batch = 0; batch < batches && !callbacks.signal?.aborted; batch++) {
    const rows = order.subarray(batch * config.batchSize, (batch + 1) * config.batchSize);
    const [loss, hits] = runner.step(rows);
    lossSum += loss * rows.length;
    correct += hits;
    await callbacks.onBatchEnd?.({ epoch, batch, batches, loss, accuracy: hits / rows.length });
  }
  return { loss: lossSum / count, accuracy: correct / count };
}

function withValidation(metrics: EpochMetrics, validate: Validate | undefined): EpochMetrics {
  if (validate === undefined) return metrics;
  const [valLoss, valAccuracy] = validate();
  return { ...metrics, valLoss, valAccuracy };
}

/**
 * Trains `model` in place on `dataset` with the spec's training settings.
 *
 * The same model weights, data and seed give the same trained weights on the same backend.
 */
export async function trainModel(
  model: tfl.LayersModel,
  dataset: BeatDataset,
  config: TrainingConfig,
  callbacks: TrainCallbacks = {},
): Promise<TrainingHistory> {
  const started = Date.now();
  const random = createRandom(`${config.seed}:train`);
  const split = splitValidation(dataset, config.validationSplit, random);
  const trainBeats = split.train.x.shape[0];
  const runner = createStepRunner(model, split.train, config, random);
  const validate = split.validation && createValidate(model, split.validation, config.batchSize);
  const stopping = config.earlyStopping ? new EarlyStopping(config.earlyStopping) : undefined;
  const epochs: EpochProgress[] = [];
  let stoppedEarly = false;
  try {
    for (let epoch = 0; epoch < config.epochs && !callbacks.signal?.aborted; epoch++) {
      const epochStarted = Date.now();
      const trained = await runEpoch(runner, trainBeats, config, random, epoch, callbacks);
      runner.writeBack();
      const metrics = withValidation(trained, validate);
      const progress = {
        ...metrics,
        epoch,
        epochs: config.epochs,
        durationMs: Date.now() - epochStarted,
      };
      epochs.push(progress);
      await callbacks.onEpochEnd?.(progress);
      if (stopping?.update(epoch, metrics, () => model.getWeights())) {
        stoppedEarly = true;
        break;
      }
    }
    const finalWeightsEpoch = restoreBest(model, stopping) ?? epochs.length - 1;
    return {
      epochs,
      trainBeats,
      validationBeats: split.validation?.x.shape[0] ?? 0,
      stoppedEarly,
      finalWeightsEpoch,
      trainingPath: runner.path,
      durationMs: Date.now() - started,
    };
  } finally {
    releaseDropoutMasks(model);
    stopping?.dispose();
    runner.dispose();
    tf.dispose([
      split.train.x,
      split.train.y,
      ...(split.validation ? [split.validation.x, split.validation.y] : []),
    ]);
  }
}

/** Puts the best epoch's weights back when asked to; returns that epoch. */
function restoreBest(
  model: tfl.LayersModel,
  stopping: EarlyStopping | undefined,
): number | undefined {
  const best = stopping?.takeBestWeights();
  if (best === undefined || stopping === undefined) return undefined;
  model.setWeights(best);
  tf.dispose(best);
  return stopping.bestEpoch;
}
