/**
 * @module MinPooling1D: the minimum over a sliding window of a sequence, as −maxPool(−x).
 *
 * tfjs-layers has max and average pooling only. Negating around max pooling reuses its
 * kernels on every backend, and with padding 'same' the padded positions are ignored exactly
 * as max pooling ignores them. The gradient is the op's own (see `min-pool-1d-op.ts`).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import { minPool1d, pooledLayout, type PoolWindow } from './min-pool-1d-op';

/** The padding modes of {@link MinPooling1D}. */
export type MinPoolingPadding = 'valid' | 'same';

/** Options of {@link MinPooling1D}; they mirror tfjs-layers' `maxPooling1d`. */
export interface MinPooling1DArgs extends LayerArgs {
  /** Samples per window. @defaultValue 2 */
  poolSize?: number;
  /** Samples between the starts of windows. @defaultValue `poolSize` */
  strides?: number;
  /** @defaultValue 'valid' */
  padding?: MinPoolingPadding;
}

/** The window of {@link MinPooling1D} when `poolSize` is left out, as in Keras. */
export const DEFAULT_MIN_POOL_SIZE = 2;

function checkPositiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`MinPooling1D ${what}: expected an integer ≥ 1, received ${value}.`);
  }
  return value;
}

/** Min pooling over the time axis of `[batch, steps, channels]` sequences. */
export class MinPooling1D extends tfl.layers.Layer {
  /** The name under which the class is serialised and registered. */
  static readonly className = 'MinPooling1D';
  readonly poolSize: number;
  readonly strides: number;
  readonly padding: MinPoolingPadding;

  /** @throws {RangeError} for a `poolSize` or `strides` that is not a positive integer. */
  constructor(args: MinPooling1DArgs = {}) {
    const { poolSize, strides, padding, ...layerArgs } = args;
    super(layerArgs);
    this.poolSize = checkPositiveInteger(poolSize ?? DEFAULT_MIN_POOL_SIZE, 'poolSize');
    this.strides = checkPositiveInteger(strides ?? this.poolSize, 'strides');
    this.padding = padding ?? 'valid';
    this.inputSpec = [new tfl.InputSpec({ ndim: 3 })];
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const [batch, steps, channels] = shape;
    return [batch ?? null, steps == null ? null : this.outputSteps(steps), channels ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D;
    return minPool1d(x, this.window());
  }

  override getConfig(): tf.serialization.ConfigDict {
    const own = { poolSize: this.poolSize, strides: this.strides, padding: this.padding };
    return { ...own, ...super.getConfig() };
  }

  private window(): PoolWindow {
    return { poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }

  private outputSteps(steps: number): number {
    return pooledLayout(steps, this.window()).outSteps;
  }
}
