/**
 * @module Adam as one WASM SIMD kernel call per variable (`wasm/elementwise.c`), instead of
 * tfjs's dozen tensor ops per variable per step. The moments live in the kernels' own memory.
 *
 * The arithmetic and its float32 rounding follow tfjs's AdamOptimizer, which follows Keras.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ForwardMemory } from '../infer/forward-memory';
import { instantiateForward, type Pointer } from '../infer/forward-module';
import { AdamSchedule, type AdamSettings } from './adam-schedule';

interface Moments {
  m: Pointer;
  v: Pointer;
  count: number;
}

type Gradients = Parameters<tf.Optimizer['applyGradients']>[0];

/** tfjs's Optimizer with the update on the SDK's kernel; make one with {@link createFusedAdam}. */
export class FusedAdam extends tf.Optimizer {
  /** The name under which tfjs would serialise it. */
  static readonly className = 'EdgeEcgFusedAdam';
  private readonly moments = new Map<string, Moments>();
  private readonly schedule: AdamSchedule;

  constructor(
    private readonly memory: ForwardMemory,
    private readonly settings: AdamSettings,
  ) {
    super();
    this.schedule = new AdamSchedule(settings);
  }

  override applyGradients(gradients: Gradients): void {
    const named = Array.isArray(gradients)
      ? gradients
      : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    for (const { name, tensor } of named) this.update(name, tensor);
    this.schedule.endStep();
    this.incrementIterations();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.settings };
  }

  override dispose(): void {
    this.moments.clear();
  }

  private momentsOf(name: string, count: number): Moments {
    let moments = this.moments.get(name);
    if (moments === undefined) {
      const zeros = new Float32Array(count);
      moments = { m: this.memory.store(zeros), v: this.memory.store(zeros), count };
      this.moments.set(name, moments);
    }
    return moments;
  }

  private update(name: string, gradient: tf.Tensor): void {
    const variable = tf.engine().registeredVariables[name];
    if (variable === undefined || gradient == null) return;
    const { m, v, count } = this.momentsOf(name, variable.size);
    const mark = this.memory.mark();
    const value = this.memory.store(variable.dataSync() as Float32Array);
    const grad = this.memory.store(gradient.dataSync() as Float32Array);
    this.schedule.update(this.memory.kernels, { value, gradient: grad, m, v, count });
    const updated = tf.tensor(this.memory.floats(value, count).slice(), variable.shape);
    variable.assign(updated);
    updated.dispose();
    this.memory.release(mark);
  }
}

/** A fused Adam, or undefined before `initBackend()` compiled the kernels. */
export function createFusedAdam(settings: AdamSettings): FusedAdam | undefined {
  const kernels = instantiateForward();
  return kernels === undefined ? undefined : new FusedAdam(new ForwardMemory(kernels), settings);
}
