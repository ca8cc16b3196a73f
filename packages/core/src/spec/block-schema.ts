/** @module The zod schema of the feature extractor's blocks, one per kind of layer. */
import type { z } from 'zod';
import {
  BATCH_NORMALIZATION_DEFAULTS,
  CONV1D_DEFAULTS,
  DEFAULT_LEAKY_RELU_ALPHA,
  DENSE_DEFAULTS,
  LSTM_DEFAULTS,
} from './spec-defaults';
import {
  flag,
  integerAtLeast,
  numberWithin,
  oneOf,
  exactly,
  strictObject,
  taggedUnion,
} from './schema-helpers';

/** Activations of conv1d and dense blocks; `leakyRelu` becomes a LeakyReLU layer of its own. */
export const HIDDEN_ACTIVATIONS = [
  'relu',
  'leakyRelu',
  'elu',
  'selu',
  'tanh',
  'sigmoid',
  'softplus',
  'linear',
] as const;

/** Activations an LSTM cell accepts. */
export const RECURRENT_ACTIVATIONS = [
  'tanh',
  'sigmoid',
  'hardSigmoid',
  'relu',
  'elu',
  'selu',
  'softplus',
  'linear',
] as const;

/** Kernel initializers of conv1d blocks (tfjs-layers identifiers). */
export const KERNEL_INITIALIZERS = [
  'glorotUniform',
  'glorotNormal',
  'heNormal',
  'heUniform',
  'lecunNormal',
  'lecunUniform',
] as const;

/** Kinds of pooling; the global ones remove the time axis. */
export const POOLING_KINDS = ['max', 'average', 'min', 'globalMax', 'globalAverage'] as const;

/** The kinds of block, in the order of the spec's documentation. */
export const BLOCK_TYPES = [
  'conv1d',
  'pooling',
  'lstm',
  'dense',
  'batchNormalization',
  'dropout',
  'leakyRelu',
] as const;

const dropoutRate = () => numberWithin({ atLeast: 0, below: 1 });
const alpha = () => numberWithin({ atLeast: 0 });

const conv1dSchema = strictObject(
  {
    type: exactly('conv1d'),
    filters: integerAtLeast(1),
    kernelSize: integerAtLeast(1),
    strides: integerAtLeast(1).default(CONV1D_DEFAULTS.strides),
    dilationRate: integerAtLeast(1).default(CONV1D_DEFAULTS.dilationRate),
    padding: oneOf(['valid', 'same', 'causal']).default(CONV1D_DEFAULTS.padding),
    activation: oneOf(HIDDEN_ACTIVATIONS).default(CONV1D_DEFAULTS.activation),
    alpha: alpha().optional(),
    kernelInitializer: oneOf(KERNEL_INITIALIZERS).default(CONV1D_DEFAULTS.kernelInitializer),
    useBias: flag().default(CONV1D_DEFAULTS.useBias),
  },
  'a conv1d block',
);

const poolingSchema = strictObject(
  {
    type: exactly('pooling'),
    kind: oneOf(POOLING_KINDS),
    poolSize: integerAtLeast(1).optional(),
    strides: integerAtLeast(1).optional(),
    padding: oneOf(['valid', 'same']).optional(),
  },
  'a pooling block',
);

const lstmSchema = strictObject(
  {
    type: exactly('lstm'),
    units: integerAtLeast(1),
    activation: oneOf(RECURRENT_ACTIVATIONS).default(LSTM_DEFAULTS.activation),
    recurrentActivation: oneOf(RECURRENT_ACTIVATIONS).default(LSTM_DEFAULTS.recurrentActivation),
    dropout: dropoutRate().default(LSTM_DEFAULTS.dropout),
    recurrentDropout: dropoutRate().default(LSTM_DEFAULTS.recurrentDropout),
    returnSequences: flag().default(LSTM_DEFAULTS.returnSequences),
    bidirectional: flag().default(LSTM_DEFAULTS.bidirectional),
  },
  'an lstm block',
);

const denseSchema = strictObject(
  {
    type: exactly('dense'),
    units: integerAtLeast(1),
    activation: oneOf(HIDDEN_ACTIVATIONS).default(DENSE_DEFAULTS.activation),
    alpha: alpha().optional(),
    dropout: dropoutRate().default(DENSE_DEFAULTS.dropout),
  },
  'a dense block',
);

const batchNormalizationSchema = strictObject(
  {
    type: exactly('batchNormalization'),
    momentum: numberWithin({ atLeast: 0, atMost: 1 }).default(
      BATCH_NORMALIZATION_DEFAULTS.momentum,
    ),
    epsilon: numberWithin({ above: 0 }).default(BATCH_NORMALIZATION_DEFAULTS.epsilon),
  },
  'a batchNormalization block',
);

const dropoutSchema = strictObject(
  { type: exactly('dropout'), rate: dropoutRate() },
  'a dropout block',
);

const leakyReluSchema = strictObject(
  { type: exactly('leakyRelu'), alpha: alpha().default(DEFAULT_LEAKY_RELU_ALPHA) },
  'a leakyRelu block',
);

/** One block of the feature extractor, told apart by `type`. */
export const blockSchema = taggedUnion(
  'type',
  [
    conv1dSchema,
    poolingSchema,
    lstmSchema,
    denseSchema,
    batchNormalizationSchema,
    dropoutSchema,
    leakyReluSchema,
  ],
  BLOCK_TYPES,
  'a block object',
);

/** A block as written in a spec, before defaults are filled. */
export type BlockInput = z.input<typeof blockSchema>;
/** A block after parsing, with every default filled. */
export type Block = z.output<typeof blockSchema>;
/** The kind of a block, its `type`. */
export type BlockType = Block['type'];
/** A `conv1d` block. */
export type Conv1dBlock = Extract<Block, { type: 'conv1d' }>;
/** A `pooling` block. */
export type PoolingBlock = Extract<Block, { type: 'pooling' }>;
/** An `lstm` block. */
export type LstmBlock = Extract<Block, { type: 'lstm' }>;
/** A hidden `dense` block. */
export type DenseBlock = Extract<Block, { type: 'dense' }>;
/** A `batchNormalization` block. */
export type BatchNormalizationBlock = Extract<Block, { type: 'batchNormalization' }>;
/** A `dropout` block. */
export type DropoutBlock = Extract<Block, { type: 'dropout' }>;
/** A `leakyRelu` block. */
export type LeakyReluBlock = Extract<Block, { type: 'leakyRelu' }>;
/** A hidden activation of conv1d and dense blocks. */
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
/** A kind of pooling. */
export type PoolingKind = (typeof POOLING_KINDS)[number];
