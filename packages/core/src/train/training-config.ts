/** @module The parts of a model spec that the training loop reads. */
import type { OptimizerConfig } from './optimizer';

/** What early stopping watches. */
export type MonitoredMetric = 'valLoss' | 'valAccuracy' | 'loss' | 'accuracy';

/** Stop when the monitored metric has not improved for `patience` epochs. */
export interface EarlyStoppingConfig {
  monitor: MonitoredMetric;
  patience: number;
  /** The smallest change that counts as an improvement. @defaultValue 0 */
  minDelta?: number;
  /** Put back the weights of the best epoch at the end. @defaultValue false */
  restoreBestWeights?: boolean;
}

/** How to train: the `training` section of a model spec. */
export interface TrainingConfig {
  optimizer: OptimizerConfig;
  loss: 'categoricalCrossentropy';
  epochs: number;
  batchSize: number;
  /** The fraction of the (shuffled) training beats held out for validation. */
  validationSplit: number;
  seed: number;
  earlyStopping?: EarlyStoppingConfig | undefined;
  /** One weight per class, applied to each beat's loss. */
  classWeights?: number[] | undefined;
}
