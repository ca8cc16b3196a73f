/**
 * @module Every layer's input and output shape, computed from the spec before any tensor exists.
 */
import {
  blockOutputShape,
  blockParamCount,
  denseParamCount,
  timeAxisKeeper,
  type Flow,
} from './block-shapes';
import { checkSpecRules } from './check-spec';
import { blockLayerNames, FLATTEN_LAYER_NAME, OUTPUT_LAYER_NAME } from './layer-names';
import type { ReadonlyModelSpec } from './model-spec';

/** The shapes of one block, or of a layer the spec implies (`flatten`, `output`). */
export interface LayerShape {
  /** Where it comes from: `blocks[3]`, or `output` for the implied layers. */
  path: string;
  /** The block's `type`, or `flatten` or `output`. */
  kind: string;
  /** The names of the tfjs layers built for it, in order; the last one gives `outputShape`. */
  layerNames: string[];
  /** `[length, channels]` for a sequence, `[features]` without a time axis; no batch axis. */
  inputShape: number[];
  outputShape: number[];
  /** Weights, trainable or not (batch normalization's moving statistics count). */
  paramCount: number;
}

function flowAfter(flow: Flow, shape: LayerShape, keep: string | undefined): Flow {
  const label = `${shape.path} (${shape.kind})`;
  const next: Flow = { shape: shape.outputShape, madeBy: label };
  if (keep !== undefined) next.timeAxisRemoval = { path: shape.path, label, keep };
  else if (flow.timeAxisRemoval !== undefined) next.timeAxisRemoval = flow.timeAxisRemoval;
  return next;
}

function blockShapes(spec: ReadonlyModelSpec): { shapes: LayerShape[]; flow: Flow } {
  let flow: Flow = { shape: [spec.input.length, spec.input.channels], madeBy: 'the input' };
  const shapes = spec.blocks.map((block, index) => {
    const path = `blocks[${index}]`;
    const at = { path, label: `${path} (${block.type})` };
    const shape: LayerShape = {
      path,
      kind: block.type,
      layerNames: blockLayerNames(block, index),
      inputShape: [...flow.shape],
      outputShape: blockOutputShape(block, at, flow),
      paramCount: blockParamCount(block, flow.shape),
    };
    flow = flowAfter(flow, shape, timeAxisKeeper(block, path));
    return shape;
  });
  return { shapes, flow };
}

function impliedShapes(spec: ReadonlyModelSpec, finalShape: readonly number[]): LayerShape[] {
  const implied: LayerShape[] = [];
  let features = finalShape[0]!;
  if (finalShape.length === 2) {
    features = finalShape[0]! * finalShape[1]!;
    implied.push({
      path: 'output',
      kind: 'flatten',
      layerNames: [FLATTEN_LAYER_NAME],
      inputShape: [...finalShape],
      outputShape: [features],
      paramCount: 0,
    });
  }
  const classCount = spec.classes.length;
  implied.push({
    path: 'output',
    kind: 'output',
    layerNames: [OUTPUT_LAYER_NAME],
    inputShape: [features],
    outputShape: [classCount],
    paramCount: denseParamCount(features, classCount),
  });
  return implied;
}

/**
 * The input and output shape of every block, then of the implied layers: a Flatten when the
 * last block leaves a sequence, and the output Dense of one unit per class. Uses Keras's
 * formulas: valid `⌊(L − span) / s⌋ + 1`, same and causal `⌈L / s⌉`, span
 * `(kernelSize − 1) × dilationRate + 1`; global pooling and an LSTM without
 * `returnSequences` remove the time axis; a dense block on a sequence applies to each step.
 *
 * @throws {SpecError} when the spec cannot work: a broken cross-field rule (see
 *   `checkSpecRules`), a kernel or window longer than its sequence, or a sequence layer
 *   after the time axis is gone. The message names the block and the shapes.
 */
export function computeShapes(spec: ReadonlyModelSpec): LayerShape[] {
  checkSpecRules(spec);
  const { shapes, flow } = blockShapes(spec);
  return [...shapes, ...impliedShapes(spec, flow.shape)];
}

/** The sum of every layer's parameter count. */
export function totalParamCount(shapes: readonly LayerShape[]): number {
  return shapes.reduce((sum, shape) => sum + shape.paramCount, 0);
}
