/**
 * @module The SDK's own training step: forward, loss, backward and Adam for a whole batch as
 * calls into its WASM SIMD module, with no tfjs kernel, tape or copy between heaps in between.
 *
 * The weights live in the module's memory while training runs. {@link OwnTrainer.writeBack}
 * puts them into the model's variables, and a step first takes the variables' values again if
 * anything assigned them meanwhile. The model stays an ordinary tfjs-layers model.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ForwardMemory } from '../../infer/forward-memory';
import { instantiateForward, type Pointer } from '../../infer/forward-module';
import { UnsupportedForward } from '../../infer/forward-step';
import { sameStorage, storageKey, type StorageKey } from '../../infer/variable-storage';
import { createRandom, type RandomSource } from '../../util/seeded-random';
import { AdamSchedule, type AdamRanges, type AdamSettings } from '../adam-schedule';
import { softmaxCrossEntropy, type BatchScore } from './softmax-loss';
import { planStages, type StagePlan } from './stage-plan';
import { floatsOf, store, unstore, type StageWeight } from './training-stage';

/** What the trainer needs besides the model. */
export interface OwnTrainerOptions {
  /** The largest batch it will be given. */
  capacity: number;
  adam: AdamSettings;
  classWeights?: readonly number[] | undefined;
  /** Draws the dropout masks. @defaultValue a source seeded with "own-step" */
  random?: RandomSource;
}

/** The beats a trainer reads batches from: flat samples and one-hot labels, row after row. */
export interface TrainingRows {
  samples: Float32Array;
  oneHot: Float32Array;
}

/** The gradient of one of the model's weights, by the weight's variable name. */
export interface WeightGradient {
  name: string;
  values: Float32Array;
}

interface Buffers {
  input: Pointer;
  outputs: Pointer[];
  gradients: [Pointer, Pointer];
}

/** Trains a model's weights on the SDK's kernels; make one with {@link OwnTrainer.create}. */
export class OwnTrainer {
  private readonly buffers: Buffers;
  private readonly updates: AdamRanges[];
  private readonly weights: StageWeight[];
  private readonly schedule: AdamSchedule;
  private key: StorageKey;
  /** The weights' variables, in the order of `weights`. */
  private readonly variables: tfl.LayerVariable[];

  private constructor(
    private readonly memory: ForwardMemory,
    private readonly plan: StagePlan,
    private readonly options: OwnTrainerOptions,
  ) {
    const { capacity } = options;
    const { stages, input } = plan;
    const largest = Math.max(floatsOf(input), ...stages.map((stage) => floatsOf(stage.shape)));
    this.buffers = {
      input: memory.reserve(capacity * floatsOf(input)),
      outputs: stages.map((stage) => memory.reserve(capacity * floatsOf(stage.shape))),
      gradients: [memory.reserve(capacity * largest), memory.reserve(capacity * largest)],
    };
    this.weights = stages.flatMap((stage) => stage.weights);
    this.updates = this.weights
      .filter((weight) => weight.variable.trainable)
      .map(({ value, gradient, count }) => {
        const zeros = new Float32Array(count);
        return { value, gradient, count, m: memory.store(zeros), v: memory.store(zeros) };
      });
    this.schedule = new AdamSchedule(options.adam);
    this.variables = this.weights.map((weight) => weight.variable);
    this.key = storageKey(this.variables);
  }

  /**
   * A trainer for `model`, or the reason it cannot have one: the kernels are not compiled
   * (`initBackend()` compiles them) or a layer is not supported.
   */
  static create(
    model: tfl.LayersModel,
    options: OwnTrainerOptions,
  ): OwnTrainer | { reason: string } {
    const kernels = instantiateForward();
    if (kernels === undefined) return { reason: 'the training kernels are not compiled' };
    const memory = new ForwardMemory(kernels);
    try {
      const random = options.random ?? createRandom('own-step');
      const plan = planStages(model, memory, options.capacity, random);
      return new OwnTrainer(memory, plan, options);
    } catch (error) {
      if (error instanceof UnsupportedForward) {
        return { reason: `the own training step does not take ${error.message}` };
      }
      throw error;
    }
  }

  /** One Adam step on the beats at `rows` of `data`; returns the batch's loss and hits. */
  step(data: TrainingRows, rows: Int32Array): BatchScore {
    const score = this.computeGradients(data, rows);
    for (const update of this.updates) this.schedule.update(this.memory.kernels, update);
    this.schedule.endStep();
    return score;
  }

  /**
   * The loss's gradient with respect to each of the model's weights (trainable or not), on the
   * beats at `rows` of `data`, without a step; with the batch's loss and hits.
   */
  gradients(data: TrainingRows, rows: Int32Array): BatchScore & { gradients: WeightGradient[] } {
    const score = this.computeGradients(data, rows);
    const gradients = this.weights.map((weight) => ({
      name: weight.variable.name,
      values: unstore(weight, this.memory, weight.gradient),
    }));
    return { ...score, gradients };
  }

  private computeGradients(data: TrainingRows, rows: Int32Array): BatchScore {
    if (rows.length > this.options.capacity) {
      throw new RangeError(`a batch of ${rows.length} beats exceeds ${this.options.capacity}`);
    }
    if (!sameStorage(this.variables, this.key)) this.readVariables();
    const oneHot = this.gather(data, rows);
    this.forward(rows.length);
    const score = this.lossGradient(rows.length, oneHot);
    this.backward(rows.length);
    return score;
  }

  /** Assigns the trained weights to the model's variables. */
  writeBack(): void {
    tf.tidy(() => {
      for (const weight of this.weights) {
        const values = unstore(weight, this.memory, weight.value);
        weight.variable.write(tf.tensor(values, weight.variable.read().shape));
      }
    });
    this.key = storageKey(this.variables);
  }

  /** Copies the batch's samples into the input buffer; returns its one-hot labels. */
  private gather(data: TrainingRows, rows: Int32Array): Float32Array {
    const { input } = this.plan;
    const sampleFloats = floatsOf(input);
    const classes = this.plan.classes;
    const samples = this.memory.floats(this.buffers.input, rows.length * sampleFloats);
    const oneHot = new Float32Array(rows.length * classes);
    rows.forEach((row, at) => {
      samples.set(
        data.samples.subarray(row * sampleFloats, (row + 1) * sampleFloats),
        at * sampleFloats,
      );
      oneHot.set(data.oneHot.subarray(row * classes, (row + 1) * classes), at * classes);
    });
    return oneHot;
  }

  private forward(beats: number): void {
    const { kernels } = this.memory;
    let input = this.buffers.input;
    this.plan.stages.forEach((stage, index) => {
      const output = this.buffers.outputs[index]!;
      stage.forward(kernels, beats, input, output);
      input = output;
    });
  }

  /** Softmax on the last stage's output, then the loss and its gradient into the first buffer. */
  private lossGradient(beats: number, oneHot: Float32Array): BatchScore {
    const { classes } = this.plan;
    const logits = this.buffers.outputs[this.buffers.outputs.length - 1]!;
    this.memory.kernels.softmax(logits, beats, classes);
    const probabilities = this.memory.floats(logits, beats * classes);
    const gradient = this.memory.floats(this.buffers.gradients[0], beats * classes);
    return softmaxCrossEntropy(probabilities, oneHot, classes, this.options.classWeights, gradient);
  }

  private backward(beats: number): void {
    const { kernels } = this.memory;
    const { outputs } = this.buffers;
    let [outputGradient, inputGradient] = this.buffers.gradients;
    for (let index = this.plan.stages.length - 1; index >= 0; index--) {
      this.plan.stages[index]!.backward(kernels, {
        beats,
        input: index === 0 ? this.buffers.input : outputs[index - 1]!,
        output: outputs[index]!,
        outputGradient,
        inputGradient,
        inputGradientNeeded: index > 0,
      });
      [outputGradient, inputGradient] = [inputGradient, outputGradient];
    }
  }

  /** Takes the variables' current values, after something other than this trainer set them. */
  private readVariables(): void {
    for (const weight of this.weights) {
      store(weight, this.memory, weight.variable.read().dataSync() as Float32Array);
    }
    this.key = storageKey(this.variables);
  }
}
