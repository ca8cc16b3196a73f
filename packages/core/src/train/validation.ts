/**
 * @module Loss and accuracy on the held-out beats after each epoch, in inference mode.
 *
 * With the fast kernels on, the beats go through the SDK's WASM forward pass (the same
 * probabilities as `model.predict` within 1e-5, about four times faster on the recipe).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { fastKernelsOn } from '../backend/fast-kernels';
import { FastForward } from '../infer/fast-forward';
import type { BeatTensors } from './batch-tensors';
import { categoricalCrossEntropy, countCorrect, EPSILON } from './loss';

/** Measures the model's current loss and accuracy on the validation beats. */
export type Validate = () => [loss: number, accuracy: number];

function withLayers(model: tfl.LayersModel, data: BeatTensors, batchSize: number): Validate {
  return () => {
    const count = data.x.shape[0];
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      const [loss, hits] = tf.tidy(() => {
        const x = tf.slice(data.x, [start, 0, 0], [size, -1, -1]);
        const y = tf.slice(data.y, [start, 0], [size, -1]) as tf.Tensor2D;
        const probabilities = model.predict(x) as tf.Tensor2D;
        return [
          categoricalCrossEntropy(y, probabilities).dataSync()[0]!,
          countCorrect(y, probabilities).dataSync()[0]!,
        ];
      });
      lossSum += loss * size;
      correct += hits;
    }
    return [lossSum / count, correct / count];
  };
}

/** The index of each row's largest value; the first one on ties, as `tf.argMax`. */
function rowArgMax(values: Float32Array, columns: number, row: number): number {
  let best = 0;
  for (let column = 1; column < columns; column++) {
    if (values[row * columns + column]! > values[row * columns + best]!) best = column;
  }
  return best;
}

/** Cross-entropy with Keras's clipping, and hits, from probabilities and one-hot rows. */
function scoreProbabilities(probabilities: Float32Array, oneHot: Float32Array, columns: number) {
  const count = oneHot.length / columns;
  let lossSum = 0;
  let correct = 0;
  for (let row = 0; row < count; row++) {
    const label = rowArgMax(oneHot, columns, row);
    const p = Math.min(Math.max(probabilities[row * columns + label]!, EPSILON), 1 - EPSILON);
    lossSum -= Math.log(p);
    if (rowArgMax(probabilities, columns, row) === label) correct++;
  }
  return [lossSum / count, correct / count] as [number, number];
}

function withForward(forward: FastForward, data: BeatTensors): Validate {
  const samples = data.x.dataSync() as Float32Array;
  const oneHot = data.y.dataSync() as Float32Array;
  const [count, columns] = data.y.shape;
  return () => scoreProbabilities(forward.predict(samples, count), oneHot, columns);
}

/** How to validate `model` on `data`: the forward pass when it can, else tfjs-layers. */
export function createValidate(
  model: tfl.LayersModel,
  data: BeatTensors,
  batchSize: number,
): Validate {
  const forward = fastKernelsOn() ? FastForward.create(model) : undefined;
  if (forward instanceof FastForward) return withForward(forward, data);
  return withLayers(model, data, batchSize);
}
