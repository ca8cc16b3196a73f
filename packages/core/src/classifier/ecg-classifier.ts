/** @module The classifier: a tfjs-layers model together with its spec, classes and history. */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { backendInfo } from '../backend/init-backend';
import type { BeatDataset } from '../data/beat-dataset';
import { classCounts } from '../data/beat-dataset';
import { BackendError, UsageError } from '../errors';
import { fastKernelsOn } from '../backend/fast-kernels';
import { argmaxRows } from '../evaluate/classification-metrics';
import { evaluatePredictions, type EvaluationReport } from '../evaluate/evaluate-predictions';
import { FastForward } from '../infer/fast-forward';
import { buildModel } from '../model/build-model';
import { DEFAULT_SPEC } from '../spec/default-spec';
import { mergeSpec, type SpecOverrides } from '../spec/merge-spec';
import type { ModelSpec } from '../spec/model-spec';
import { trainModel, type TrainCallbacks, type TrainingHistory } from '../train/train-model';

/** Beats per batch when predicting. */
export const DEFAULT_PREDICT_BATCH_SIZE = 2000;

/** What the classifier knows of the data it was trained on. */
export interface TrainingDataSummary {
  source: string;
  beats: number;
  classCounts: number[];
}

/** The classifier's output for a set of beats. */
export interface Predictions {
  /** `count × classes`, row-major. */
  probabilities: Float32Array;
  /** The most probable class of each beat. */
  classIndices: Int32Array;
  classNames: string[];
}

function requireBackend(): void {
  if (backendInfo() === undefined) {
    throw new BackendError(
      'The WebAssembly backend is not started: call `await initBackend()` first.',
    );
  }
}

/** Which code computes {@link EcgClassifier.predict}, and why when it is not the fast one. */
export type InferencePath = { kind: 'wasm-forward' } | { kind: 'tfjs-layers'; reason: string };

/** A heartbeat classifier. Create one with {@link EcgClassifier.create} after `initBackend()`. */
export class EcgClassifier {
  /** Set by {@link EcgClassifier.train}. */
  trainingData: TrainingDataSummary | null = null;
  /** Set by {@link EcgClassifier.evaluate}: the last evaluation's report. */
  metrics: EvaluationReport | null = null;
  private forward: FastForward | { reason: string } | undefined;

  private constructor(
    readonly model: tfl.LayersModel,
    readonly spec: ModelSpec,
  ) {}

  /**
   * Builds an untrained classifier. `spec` is merged over the reference recipe (lists such as
   * `blocks` replace the recipe's whole), so `{}` is the recipe itself. The spec's seed fixes the
   * initial weights.
   *
   * @param source names the spec's origin (a file) in error messages.
   * @throws {SpecError} when the spec is invalid or its shapes cannot work.
   * @throws {BackendError} when `initBackend()` has not been called.
   */
  static create(spec: SpecOverrides = {}, source?: string): EcgClassifier {
    requireBackend();
    const parsed = mergeSpec(DEFAULT_SPEC, spec, source === undefined ? {} : { source });
    return new EcgClassifier(buildModel(parsed), parsed);
  }

  /** Wraps a model loaded from storage. */
  static fromModel(model: tfl.LayersModel, spec: ModelSpec): EcgClassifier {
    requireBackend();
    return new EcgClassifier(model, spec);
  }

  get classNames(): string[] {
    return [...this.spec.classes];
  }

  /** Trains in place with the spec's training settings. */
  async train(
    dataset: BeatDataset,
    callbacks: TrainCallbacks = {},
    source = 'dataset',
  ): Promise<TrainingHistory> {
    this.checkDataset(dataset);
    const history = await trainModel(this.model, dataset, this.spec.training, callbacks);
    this.trainingData = { source, beats: dataset.labels.length, classCounts: classCounts(dataset) };
    return history;
  }

  /** Class probabilities for beats: a dataset, or flat samples of `input.length` each. */
  predict(beats: BeatDataset | Float32Array, batchSize = DEFAULT_PREDICT_BATCH_SIZE): Predictions {
    const samples = beats instanceof Float32Array ? beats : beats.samples;
    const { length, channels } = this.spec.input;
    const count = samples.length / (length * channels);
    if (!Number.isInteger(count)) {
      throw new UsageError(
        `predict expected a multiple of ${length * channels} samples (${length} per beat), ` +
          `received ${samples.length}.`,
      );
    }
    const forward = this.fastForward();
    const probabilities =
      forward === undefined
        ? this.predictWithLayers(samples, count, batchSize)
        : forward.predict(samples, count);
    return {
      probabilities,
      classIndices: argmaxRows(probabilities, this.spec.classes.length),
      classNames: this.classNames,
    };
  }

  /**
   * Which code {@link predict} runs: the SDK's layer-free WASM SIMD forward pass, or
   * tfjs-layers' `model.predict` (with the reason: a layer the fast pass lacks, or
   * `initBackend({ fastKernels: false })`). Both give the same probabilities within 1e-5.
   */
  get inferencePath(): InferencePath {
    if (!fastKernelsOn()) return { kind: 'tfjs-layers', reason: 'fastKernels is off' };
    const forward = this.fastForwardOrReason();
    return forward instanceof FastForward
      ? { kind: 'wasm-forward' }
      : { kind: 'tfjs-layers', reason: forward.reason };
  }

  private fastForwardOrReason(): FastForward | { reason: string } {
    this.forward ??= FastForward.create(this.model);
    return this.forward;
  }

  private fastForward(): FastForward | undefined {
    if (!fastKernelsOn()) return undefined;
    const forward = this.fastForwardOrReason();
    return forward instanceof FastForward ? forward : undefined;
  }

  private predictWithLayers(samples: Float32Array, count: number, batchSize: number): Float32Array {
    const { length, channels } = this.spec.input;
    const probabilities = new Float32Array(count * this.spec.classes.length);
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      const chunk = samples.subarray(start * length * channels, (start + size) * length * channels);
      const output = tf.tidy(() =>
        (this.model.predict(tf.tensor3d(chunk, [size, length, channels])) as tf.Tensor).dataSync(),
      );
      probabilities.set(output, start * this.spec.classes.length);
    }
    return probabilities;
  }

  /** Accuracy, confusion, per-class and macro F1 and ROC AUC, next to the majority baseline. */
  evaluate(dataset: BeatDataset): EvaluationReport {
    this.checkDataset(dataset);
    const { probabilities } = this.predict(dataset);
    this.metrics = evaluatePredictions({
      labels: dataset.labels,
      probabilities,
      classNames: this.classNames,
    });
    return this.metrics;
  }

  /** Frees the model's tensors and the forward pass's WebAssembly memory. */
  dispose(): void {
    this.forward = undefined;
    this.model.dispose();
  }

  private checkDataset(dataset: BeatDataset): void {
    const { length } = this.spec.input;
    if (dataset.beatLength !== length) {
      throw new UsageError(
        `The model takes beats of ${length} samples; the data has ${dataset.beatLength}.`,
      );
    }
    if (dataset.classNames.length !== this.spec.classes.length) {
      throw new UsageError(
        `The model has ${this.spec.classes.length} classes (${this.spec.classes.join(', ')}); ` +
          `the data has ${dataset.classNames.length} (${dataset.classNames.join(', ')}). ` +
          "Set the spec's `classes` to match the data.",
      );
    }
  }
}
