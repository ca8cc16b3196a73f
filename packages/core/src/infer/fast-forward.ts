/**
 * @module The layer-free forward pass: a tfjs-layers model's predictions from the SDK's own
 * WASM SIMD kernels, in one call per chunk of beats instead of one tfjs kernel per layer.
 *
 * The model stays the source of truth: the weights are copied in when the pass is made and
 * again whenever any of the model's variables has been assigned since (training, setWeights).
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { ForwardMemory } from './forward-memory';
import { instantiateForward, type Pointer } from './forward-module';
import { planForward, type ForwardPlan } from './forward-plan';
import { UnsupportedForward } from './forward-step';
import { sameStorage, storageKey, type StorageKey } from './variable-storage';

/** Beats per kernel call: enough to amortise the calls, few enough to stay in cache. */
export const FORWARD_CHUNK_BEATS = 32;

interface Buffers {
  first: Pointer;
  second: Pointer;
  scratch: Pointer;
}

type Variables = tfl.LayersModel['weights'];

/** Why a model cannot run the forward pass, or undefined when it can. */
export type ForwardSupport = { supported: true } | { supported: false; reason: string };

/** Predicts with the SDK's forward kernels; make one with {@link FastForward.create}. */
export class FastForward {
  private plan!: ForwardPlan;
  private buffers!: Buffers;
  private key: StorageKey = [];
  /** `model.weights` builds a new list on every call; the variables themselves stay. */
  private variables: Variables = [];

  private constructor(
    private readonly model: tfl.LayersModel,
    private readonly memory: ForwardMemory,
  ) {
    this.load();
  }

  /**
   * The forward pass of `model`, or the reason it cannot have one: the kernels are not compiled
   * (`initBackend()` compiles them) or a layer is not supported.
   */
  static create(model: tfl.LayersModel): FastForward | { reason: string } {
    const kernels = instantiateForward();
    if (kernels === undefined) return { reason: 'the forward kernels are not compiled' };
    try {
      return new FastForward(model, new ForwardMemory(kernels));
    } catch (error) {
      if (error instanceof UnsupportedForward) return { reason: `unsupported ${error.message}` };
      throw error;
    }
  }

  /** Floats each beat's output has (the class count for a classifier). */
  get outputFloats(): number {
    return this.plan.outputFloats;
  }

  /** The model's outputs for `beats` beats of flat samples, row after row. */
  predict(samples: Float32Array, beats: number): Float32Array {
    if (!sameStorage(this.variables, this.key)) this.load();
    const { inputFloats, outputFloats } = this.plan;
    const result = new Float32Array(beats * outputFloats);
    for (let start = 0; start < beats; start += FORWARD_CHUNK_BEATS) {
      const count = Math.min(FORWARD_CHUNK_BEATS, beats - start);
      const input = samples.subarray(start * inputFloats, (start + count) * inputFloats);
      result.set(this.runChunk(input, count), start * outputFloats);
    }
    return result;
  }

  private runChunk(input: Float32Array, beats: number): Float32Array {
    const { memory, plan } = this;
    memory.floats(this.buffers.first, input.length).set(input);
    let current = this.buffers.first;
    let other = this.buffers.second;
    for (const step of plan.steps) {
      step.run(memory.kernels, {
        beats,
        input: current,
        output: other,
        scratch: this.buffers.scratch,
      });
      if (!step.inPlace) [current, other] = [other, current];
    }
    return memory.floats(current, beats * plan.outputFloats);
  }

  private load(): void {
    this.memory.reset();
    this.variables = this.model.weights;
    this.key = storageKey(this.variables);
    this.plan = planForward(this.model, this.memory);
    const bufferFloats = this.plan.largestFloats * FORWARD_CHUNK_BEATS;
    this.buffers = {
      first: this.memory.reserve(bufferFloats),
      second: this.memory.reserve(bufferFloats),
      scratch: this.memory.reserve(this.plan.scratchFloats * FORWARD_CHUNK_BEATS),
    };
  }
}
