/** @module Builds the tfjs optimizer a training spec names. */
import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsOn } from '../backend/fast-kernels';
import { createFusedAdam } from './fused-adam';

/** The optimizer part of a training spec. */
export type OptimizerConfig =
  | { name: 'adam'; learningRate: number; beta1?: number; beta2?: number; epsilon?: number }
  | { name: 'sgd'; learningRate: number; momentum?: number; nesterov?: boolean }
  | { name: 'rmsprop'; learningRate: number; rho?: number; momentum?: number; epsilon?: number }
  | { name: 'adagrad'; learningRate: number; initialAccumulatorValue?: number };

/** Keras's defaults, which the reference recipe relies on. */
export const KERAS_ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
const KERAS_RMSPROP = { rho: 0.9, momentum: 0, epsilon: 1e-7 };
const KERAS_ADAGRAD_INITIAL_ACCUMULATOR = 0.1;

/** A fresh optimizer for one training run; Adam runs on the SDK's kernel with the fast kernels. */
export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.name) {
    case 'adam': {
      const { beta1, beta2, epsilon } = { ...KERAS_ADAM, ...config };
      const fused = fastKernelsOn()
        ? createFusedAdam({ learningRate: config.learningRate, beta1, beta2, epsilon })
        : undefined;
      return fused ?? tf.train.adam(config.learningRate, beta1, beta2, epsilon);
    }
    case 'sgd':
      if (!config.momentum) return tf.train.sgd(config.learningRate);
      return tf.train.momentum(config.learningRate, config.momentum, config.nesterov ?? false);
    case 'rmsprop': {
      const { rho, momentum, epsilon } = { ...KERAS_RMSPROP, ...config };
      return tf.train.rmsprop(config.learningRate, rho, momentum, epsilon);
    }
    case 'adagrad':
      return tf.train.adagrad(
        config.learningRate,
        config.initialAccumulatorValue ?? KERAS_ADAGRAD_INITIAL_ACCUMULATOR,
      );
  }
}
