/** @module The zod schema of a spec's `training` section: optimizer, loss, epochs, stopping. */
import { z } from 'zod';
import { EARLY_STOPPING_DEFAULTS, OPTIMIZER_DEFAULTS, TRAINING_DEFAULTS } from './spec-defaults';
import {
  exactly,
  flag,
  integerAtLeast,
  listOf,
  numberWithin,
  oneOf,
  strictObject,
  taggedUnion,
} from './schema-helpers';

/** The optimizers a spec can name. */
export const OPTIMIZER_NAMES = ['adam', 'sgd', 'rmsprop', 'adagrad'] as const;

/** The metrics early stopping can watch. */
export const MONITORED_METRICS = ['valLoss', 'valAccuracy', 'loss', 'accuracy'] as const;

const learningRate = () => numberWithin({ above: 0 });
const epsilon = () => numberWithin({ above: 0 });
const momentum = () => numberWithin({ atLeast: 0, below: 1 });
const decay = () => numberWithin({ atLeast: 0, below: 1 });

const adamSchema = strictObject(
  {
    name: exactly('adam'),
    learningRate: learningRate(),
    beta1: decay().default(OPTIMIZER_DEFAULTS.adam.beta1),
    beta2: decay().default(OPTIMIZER_DEFAULTS.adam.beta2),
    epsilon: epsilon().default(OPTIMIZER_DEFAULTS.adam.epsilon),
  },
  'the adam optimizer',
);

const sgdSchema = strictObject(
  {
    name: exactly('sgd'),
    learningRate: learningRate(),
    momentum: momentum().default(OPTIMIZER_DEFAULTS.sgd.momentum),
    nesterov: flag().default(OPTIMIZER_DEFAULTS.sgd.nesterov),
  },
  'the sgd optimizer',
);

const rmspropSchema = strictObject(
  {
    name: exactly('rmsprop'),
    learningRate: learningRate(),
    rho: decay().default(OPTIMIZER_DEFAULTS.rmsprop.rho),
    momentum: momentum().default(OPTIMIZER_DEFAULTS.rmsprop.momentum),
    epsilon: epsilon().default(OPTIMIZER_DEFAULTS.rmsprop.epsilon),
  },
  'the rmsprop optimizer',
);

const adagradSchema = strictObject(
  {
    name: exactly('adagrad'),
    learningRate: learningRate(),
    initialAccumulatorValue: numberWithin({ above: 0 }).default(
      OPTIMIZER_DEFAULTS.adagrad.initialAccumulatorValue,
    ),
  },
  'the adagrad optimizer',
);

/** The optimizer, told apart by `name`. */
export const optimizerSchema = taggedUnion(
  'name',
  [adamSchema, sgdSchema, rmspropSchema, adagradSchema],
  OPTIMIZER_NAMES,
  'an optimizer object',
);

/** Early stopping: stop once `monitor` has not improved by `minDelta` for `patience` epochs. */
export const earlyStoppingSchema = strictObject(
  {
    monitor: oneOf(MONITORED_METRICS).default(EARLY_STOPPING_DEFAULTS.monitor),
    patience: integerAtLeast(0),
    minDelta: numberWithin({ atLeast: 0 }).default(EARLY_STOPPING_DEFAULTS.minDelta),
    restoreBestWeights: flag().default(EARLY_STOPPING_DEFAULTS.restoreBestWeights),
  },
  'an earlyStopping object',
);

/** The `training` section; every field but `earlyStopping` and `classWeights` has a default. */
export const trainingSchema = strictObject(
  {
    optimizer: optimizerSchema.default(() => ({ ...TRAINING_DEFAULTS.optimizer })),
    loss: exactly('categoricalCrossentropy').default(TRAINING_DEFAULTS.loss),
    epochs: integerAtLeast(1).default(TRAINING_DEFAULTS.epochs),
    batchSize: integerAtLeast(1).default(TRAINING_DEFAULTS.batchSize),
    validationSplit: numberWithin({ atLeast: 0, below: 1 }).default(
      TRAINING_DEFAULTS.validationSplit,
    ),
    seed: integerAtLeast(0).default(TRAINING_DEFAULTS.seed),
    earlyStopping: earlyStoppingSchema.optional(),
    classWeights: listOf(numberWithin({ atLeast: 0 }), 1, 'class weights').optional(),
  },
  'a training object',
);

/** The `training` section after parsing, with every default filled. */
export type TrainingSpec = z.output<typeof trainingSchema>;
/** An optimizer after parsing. */
export type OptimizerSpec = z.output<typeof optimizerSchema>;
/** Early stopping after parsing. */
export type EarlyStoppingSpec = z.output<typeof earlyStoppingSchema>;
/** A metric early stopping can watch. */
export type MonitoredMetric = (typeof MONITORED_METRICS)[number];
