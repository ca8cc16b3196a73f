/**
 * @module The value every optional spec field takes when it is left out, defined once.
 *
 * They are Keras's defaults, except that hidden conv1d and dense blocks default to `relu`
 * (Keras: `linear`) because a hidden layer without a nonlinearity is almost never meant.
 */

/** Defaults of a `conv1d` block. */
export const CONV1D_DEFAULTS = {
  strides: 1,
  dilationRate: 1,
  padding: 'valid',
  activation: 'relu',
  kernelInitializer: 'glorotUniform',
  useBias: true,
} as const;

/** The negative slope of LeakyReLU, for the `leakyRelu` block and activation (as in Keras). */
export const DEFAULT_LEAKY_RELU_ALPHA = 0.3;

/** Defaults of a windowed `pooling` block; `strides` defaults to the block's `poolSize`. */
export const POOLING_DEFAULTS = { poolSize: 2, padding: 'valid' } as const;

/** Defaults of an `lstm` block. */
export const LSTM_DEFAULTS = {
  activation: 'tanh',
  recurrentActivation: 'sigmoid',
  dropout: 0,
  recurrentDropout: 0,
  returnSequences: false,
  bidirectional: false,
} as const;

/** Defaults of a hidden `dense` block. */
export const DENSE_DEFAULTS = { activation: 'relu', dropout: 0 } as const;

/** Defaults of a `batchNormalization` block. */
export const BATCH_NORMALIZATION_DEFAULTS = { momentum: 0.99, epsilon: 0.001 } as const;

/** Defaults of each optimizer's optional settings (`learningRate` is always required). */
export const OPTIMIZER_DEFAULTS = {
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  sgd: { momentum: 0, nesterov: false },
  rmsprop: { rho: 0.9, momentum: 0, epsilon: 1e-7 },
  adagrad: { initialAccumulatorValue: 0.1 },
} as const;

/** The reference recipe's training settings, used for any that a spec leaves out. */
export const TRAINING_DEFAULTS = {
  optimizer: { name: 'adam', learningRate: 0.01, ...OPTIMIZER_DEFAULTS.adam },
  loss: 'categoricalCrossentropy',
  epochs: 50,
  batchSize: 128,
  validationSplit: 0.2,
  /** Seeds weight initialisation (see `buildModel`) and the trainer's shuffling. */
  seed: 42,
} as const;

/** Defaults of `training.earlyStopping`, once it is given. */
export const EARLY_STOPPING_DEFAULTS = {
  monitor: 'valLoss',
  minDelta: 0,
  restoreBestWeights: false,
} as const;
