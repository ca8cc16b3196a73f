/** @module Categorical cross-entropy on softmax outputs, with optional class weights. */
import * as tf from '@tensorflow/tfjs-core';

/** Keras's fuzz factor: probabilities are clipped to [EPSILON, 1 - EPSILON] before the log. */
export const EPSILON = 1e-7;

/**
 * The mean over the batch of `-Σ y log p`, each beat scaled by its class's weight, as Keras
 * applies `class_weight`.
 */
export function categoricalCrossEntropy(
  oneHot: tf.Tensor2D,
  probabilities: tf.Tensor2D,
  classWeights?: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => {
    const clipped = tf.clipByValue(probabilities, EPSILON, 1 - EPSILON);
    const perBeat = tf.neg(tf.sum(tf.mul(oneHot, tf.log(clipped)), -1));
    if (classWeights === undefined) return tf.mean(perBeat);
    const weights = tf.sum(tf.mul(oneHot, classWeights), -1);
    return tf.mean(tf.mul(perBeat, weights));
  });
}

/** How many rows of `probabilities` put their largest value on the one-hot class. */
export function countCorrect(oneHot: tf.Tensor2D, probabilities: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() =>
    tf.sum(tf.cast(tf.equal(tf.argMax(probabilities, -1), tf.argMax(oneHot, -1)), 'int32')),
  );
}
