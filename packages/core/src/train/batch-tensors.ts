/** @module Moves beats into tensors shaped for the classifier. */
import * as tf from '@tensorflow/tfjs-core';
import type { BeatDataset } from '../data/beat-dataset';

/** Beats as `[count, beatLength, 1]` and their one-hot labels as `[count, classes]`. */
export interface BeatTensors {
  x: tf.Tensor3D;
  y: tf.Tensor2D;
}

/** The dataset's beats and labels as tensors; the caller disposes them. */
export function toTensors(dataset: BeatDataset): BeatTensors {
  const count = dataset.labels.length;
  return tf.tidy(() => ({
    x: tf.tensor3d(dataset.samples, [count, dataset.beatLength, 1]),
    y: tf
      .oneHot(tf.tensor1d(dataset.labels, 'int32'), dataset.classNames.length)
      .toFloat() as tf.Tensor2D,
  }));
}

/** The rows at `indices` of both tensors. */
export function gatherRows(tensors: BeatTensors, indices: Int32Array): BeatTensors {
  return tf.tidy(() => {
    const rows = tf.tensor1d(indices, 'int32');
    return { x: tf.gather(tensors.x, rows), y: tf.gather(tensors.y, rows) };
  });
}
