/** @module A one-line-per-layer text summary of a spec, for the CLI and for logs. */
import type { Block } from './block-schema';
import { poolingWindow } from './block-shapes';
import type { DeepReadonly, ReadonlyModelSpec } from './model-spec';
import { computeShapes, totalParamCount, type LayerShape } from './shapes';

function conv1dSummary(block: DeepReadonly<Extract<Block, { type: 'conv1d' }>>): string {
  const parts = [`conv1d ${block.filters} filters × ${block.kernelSize}`, block.activation];
  if (block.alpha !== undefined) parts.push(`alpha ${block.alpha}`);
  if (block.strides !== 1) parts.push(`strides ${block.strides}`);
  if (block.dilationRate !== 1) parts.push(`dilation ${block.dilationRate}`);
  if (block.padding !== 'valid') parts.push(`padding ${block.padding}`);
  return parts.join(', ');
}

function poolingSummary(block: DeepReadonly<Extract<Block, { type: 'pooling' }>>): string {
  if (block.kind.startsWith('global')) return `${block.kind} pooling`;
  const { poolSize, strides, padding } = poolingWindow(block);
  const parts = [`${block.kind} pooling ${poolSize}`, `strides ${strides}`];
  if (padding !== 'valid') parts.push(`padding ${padding}`);
  return parts.join(', ');
}

function lstmSummary(block: DeepReadonly<Extract<Block, { type: 'lstm' }>>): string {
  const parts = [`${block.bidirectional ? 'bidirectional ' : ''}lstm ${block.units} units`];
  if (block.returnSequences) parts.push('returnSequences');
  if (block.dropout > 0) parts.push(`dropout ${block.dropout}`);
  if (block.recurrentDropout > 0) parts.push(`recurrentDropout ${block.recurrentDropout}`);
  return parts.join(', ');
}

function blockSummary(block: DeepReadonly<Block>): string {
  switch (block.type) {
    case 'conv1d':
      return conv1dSummary(block);
    case 'pooling':
      return poolingSummary(block);
    case 'lstm':
      return lstmSummary(block);
    case 'dense': {
      const dropout = block.dropout > 0 ? `, dropout ${block.dropout}` : '';
      return `dense ${block.units} units, ${block.activation}${dropout}`;
    }
    case 'batchNormalization':
      return `batchNormalization, momentum ${block.momentum}`;
    case 'dropout':
      return `dropout ${block.rate}`;
    case 'leakyRelu':
      return `leakyRelu, alpha ${block.alpha}`;
  }
}

/** `text` padded to `width`, or followed by two spaces when it is as long already. */
function column(text: string, width: number): string {
  return text.length + 2 > width ? `${text}  ` : text.padEnd(width);
}

function line(path: string, summary: string, shape: LayerShape): string {
  const shapes = `[${shape.inputShape.join(', ')}] → [${shape.outputShape.join(', ')}]`;
  return `${column(path, 11)}${column(summary, 40)}${column(shapes, 24)}${shape.paramCount} params`;
}

/**
 * A text summary: the input, then one line per block and implied layer with its shapes and
 * parameter count, then the total.
 *
 * @throws {SpecError} when the spec's shapes cannot work, as `computeShapes` does.
 */
export function describeSpec(spec: ReadonlyModelSpec): string {
  const shapes = computeShapes(spec);
  const { length, channels, sampleRateHz } = spec.input;
  const leads = channels === 1 ? '1 channel' : `${channels} channels`;
  const lines = [`input      ${length} samples × ${leads} at ${sampleRateHz} Hz`];
  shapes.forEach((shape, index) => {
    const block = spec.blocks[index];
    if (block !== undefined) lines.push(line(shape.path, blockSummary(block), shape));
    else if (shape.kind === 'flatten') lines.push(line(shape.path, 'flatten', shape));
    else lines.push(line(shape.path, `dense ${spec.classes.length} units, softmax`, shape));
  });
  lines.push(`total      ${totalParamCount(shapes)} params`);
  return lines.join('\n');
}
