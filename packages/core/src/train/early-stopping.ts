/** @module Keeps track of the best epoch for early stopping and best-weight restoring. */
import * as tf from '@tensorflow/tfjs-core';
import type { EarlyStoppingConfig, MonitoredMetric } from './training-config';

/** The metrics of one finished epoch. */
export interface EpochMetrics {
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
}

const HIGHER_IS_BETTER: Record<MonitoredMetric, boolean> = {
  loss: false,
  valLoss: false,
  accuracy: true,
  valAccuracy: true,
};

/** Watches one metric; says when patience has run out and holds the best weights. */
export class EarlyStopping {
  private best = Number.NaN;
  private waited = 0;
  private bestWeights: tf.Tensor[] | undefined;
  bestEpoch = -1;

  constructor(private readonly config: EarlyStoppingConfig) {}

  /** Records an epoch; returns true when training should stop. */
  update(epoch: number, metrics: EpochMetrics, weights: () => tf.Tensor[]): boolean {
    const value = metrics[this.config.monitor];
    if (value === undefined) return false;
    if (this.improves(value)) {
      this.best = value;
      this.bestEpoch = epoch;
      this.waited = 0;
      if (this.config.restoreBestWeights) this.keepWeights(weights());
      return false;
    }
    this.waited += 1;
    return this.waited >= this.config.patience;
  }

  /** The best epoch's weights, if they are kept; the caller takes ownership. */
  takeBestWeights(): tf.Tensor[] | undefined {
    const weights = this.bestWeights;
    this.bestWeights = undefined;
    return weights;
  }

  dispose(): void {
    this.bestWeights?.forEach((tensor) => tensor.dispose());
    this.bestWeights = undefined;
  }

  private improves(value: number): boolean {
    if (Number.isNaN(this.best)) return true;
    const minDelta = this.config.minDelta ?? 0;
    return HIGHER_IS_BETTER[this.config.monitor]
      ? value > this.best + minDelta
      : value < this.best - minDelta;
  }

  private keepWeights(weights: tf.Tensor[]): void {
    this.dispose();
    this.bestWeights = weights.map((tensor) => tf.keep(tensor.clone()));
  }
}
