/**
 * @module Left zero-padding of a sequence, which makes the convolution after it causal.
 *
 * tfjs-layers 4.22 refuses `padding: 'causal'` on Conv1D, so a causal Conv1D is built as this
 * layer followed by a Conv1D with valid padding, as Keras itself computes it.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** Options of {@link CausalPadding1D}. */
export interface CausalPadding1DArgs {
  /** Zeros added before the first sample: `dilationRate × (kernelSize − 1)` for a causal conv. */
  padding: number;
  name?: string;
}

/** Adds `padding` zero samples at the start of every sequence `[batch, steps, channels]`. */
export class CausalPadding1D extends tfl.layers.Layer {
  static readonly className = 'CausalPadding1D';
  private readonly padding: number;

  constructor(args: CausalPadding1DArgs) {
    super(args.name === undefined ? {} : { name: args.name });
    this.padding = args.padding;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [batch, steps, channels] = inputShape as tfl.Shape;
    return [batch ?? null, steps == null ? null : steps + this.padding, channels ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.pad(x, [
      [0, 0],
      [this.padding, 0],
      [0, 0],
    ]);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), padding: this.padding };
  }
}
