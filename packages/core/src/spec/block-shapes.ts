/**
 * @module Keras's shape arithmetic for one block: output length, features and parameter count.
 *
 * A sequence is `[length, channels]`, a feature vector `[features]` (the batch axis is left out).
 */
import { SpecError } from '../errors';
import type { Block, Conv1dBlock, LstmBlock, PoolingBlock } from './block-schema';
import type { DeepReadonly } from './model-spec';
import { POOLING_DEFAULTS } from './spec-defaults';

/** What flows between blocks: the shape, and who made it, for messages. */
export interface Flow {
  shape: readonly number[];
  /** `blocks[4] (pooling)`, or `the input`. */
  madeBy: string;
  /** Once the time axis is gone: the block that removed it, and how it could keep it. */
  timeAxisRemoval?: TimeAxisRemoval;
}

/** Which block removed the time axis (`path`, `label`), and how it could keep it. */
export interface TimeAxisRemoval extends BlockAt {
  keep: string;
}

/** Where a block is, for messages: `blocks[3]` and `blocks[3] (pooling)`. */
export interface BlockAt {
  path: string;
  label: string;
}

/** A pooling block's window with its defaults resolved: `strides` defaults to `poolSize`. */
export function poolingWindow(block: DeepReadonly<PoolingBlock>) {
  const poolSize = block.poolSize ?? POOLING_DEFAULTS.poolSize;
  return { poolSize, strides: block.strides ?? poolSize, padding: block.padding ?? 'valid' };
}

/** The samples a kernel covers: `(kernelSize − 1) × dilationRate + 1`. */
export function kernelSpan(block: DeepReadonly<Conv1dBlock>): number {
  return (block.kernelSize - 1) * block.dilationRate + 1;
}

function slidingLength(length: number, window: number, strides: number, padding: string): number {
  if (padding === 'valid') return Math.floor((length - window) / strides) + 1;
  return Math.ceil(length / strides);
}

function describeSource(flow: Flow, length: number): string {
  return flow.madeBy === 'the input'
    ? `the ${length}-sample input`
    : `the ${length}-sample sequence left by ${flow.madeBy}`;
}

function requireSequence(flow: Flow, at: BlockAt): readonly [number, number] {
  if (flow.shape.length === 2) return flow.shape as readonly [number, number];
  const removal = flow.timeAxisRemoval;
  const why = removal
    ? `${removal.label} removed the time axis; ${removal.keep}, or move ${at.path} before ` +
      removal.path
    : 'the time axis is gone';
  throw new SpecError(
    at.path,
    `${at.label}: needs a sequence [length, channels], but receives features ` +
      `[${flow.shape.join(', ')}]: ${why}.`,
  );
}

function conv1dShape(block: DeepReadonly<Conv1dBlock>, at: BlockAt, flow: Flow): number[] {
  const [length] = requireSequence(flow, at);
  const span = kernelSpan(block);
  if (block.padding === 'valid' && span > length) {
    const fixes =
      flow.madeBy === 'the input'
        ? "use padding 'same' or a smaller kernelSize"
        : "use padding 'same', a smaller kernelSize, or less pooling";
    throw new SpecError(
      at.path,
      `${at.label}: kernel of ${block.kernelSize} samples (dilation ${block.dilationRate} → span ` +
        `${span}) does not fit ${describeSource(flow, length)}; ${fixes}.`,
    );
  }
  return [slidingLength(length, span, block.strides, block.padding), block.filters];
}

function poolingShape(block: DeepReadonly<PoolingBlock>, at: BlockAt, flow: Flow): number[] {
  const [length, channels] = requireSequence(flow, at);
  if (block.kind === 'globalMax' || block.kind === 'globalAverage') return [channels];
  const { poolSize, strides, padding } = poolingWindow(block);
  if (padding === 'valid' && poolSize > length) {
    throw new SpecError(
      at.path,
      `${at.label}: window of ${poolSize} samples does not fit ${describeSource(flow, length)}; ` +
        "use padding 'same', a smaller poolSize, or less pooling before it.",
    );
  }
  return [slidingLength(length, poolSize, strides, padding), channels];
}

function lstmShape(block: DeepReadonly<LstmBlock>, at: BlockAt, flow: Flow): number[] {
  const [length] = requireSequence(flow, at);
  const features = block.units * (block.bidirectional ? 2 : 1);
  return block.returnSequences ? [length, features] : [features];
}

/** How a block that removes the time axis could keep it, or undefined if it keeps it. */
export function timeAxisKeeper(block: DeepReadonly<Block>, path: string): string | undefined {
  if (block.type === 'lstm' && !block.returnSequences) {
    return `set returnSequences: true on ${path}`;
  }
  if (block.type === 'pooling' && block.kind.startsWith('global')) {
    return `use pooling kind 'max' or 'average' in ${path}`;
  }
  return undefined;
}

/**
 * The shape the block at `at` leaves, given what flows into it.
 *
 * @throws {SpecError} when the block cannot work on that shape.
 */
export function blockOutputShape(block: DeepReadonly<Block>, at: BlockAt, flow: Flow): number[] {
  switch (block.type) {
    case 'conv1d':
      return conv1dShape(block, at, flow);
    case 'pooling':
      return poolingShape(block, at, flow);
    case 'lstm':
      return lstmShape(block, at, flow);
    case 'dense':
      return [...flow.shape.slice(0, -1), block.units];
    default:
      return [...flow.shape];
  }
}

/** The number of weights (trainable or not) of a block whose input has `inputShape`. */
export function blockParamCount(block: DeepReadonly<Block>, inputShape: readonly number[]): number {
  const inFeatures = inputShape[inputShape.length - 1]!;
  switch (block.type) {
    case 'conv1d':
      return block.kernelSize * inFeatures * block.filters + (block.useBias ? block.filters : 0);
    case 'lstm': {
      const oneDirection = 4 * (block.units * (inFeatures + block.units) + block.units);
      return oneDirection * (block.bidirectional ? 2 : 1);
    }
    case 'dense':
      return denseParamCount(inFeatures, block.units);
    case 'batchNormalization':
      return 4 * inFeatures; // gamma, beta, moving mean and moving variance
    default:
      return 0;
  }
}

/** Weights of a Dense layer with bias. */
export function denseParamCount(inFeatures: number, units: number): number {
  return inFeatures * units + units;
}
