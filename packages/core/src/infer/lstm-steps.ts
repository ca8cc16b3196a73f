/** @module The forward steps of LSTM layers, alone or both directions of a Bidirectional. */
import type * as tfl from '@tensorflow/tfjs-layers';
import { activationCode } from './forward-activations';
import type { ForwardMemory } from './forward-memory';
import type { Pointer } from './forward-module';
import type { BeatShape, ForwardStep, LayerSteps } from './forward-step';
import { UnsupportedForward } from './forward-step';
import { configInteger, type LayerConfig } from './layer-config';

interface Direction {
  kernel: Pointer;
  recurrent: Pointer;
  bias: Pointer;
  reverse: boolean;
  /** Where its units start in a row of the output. */
  offset: number;
}

interface Cell {
  units: number;
  activation: number;
  recurrentActivation: number;
  returnSequences: boolean;
}

function cellOf(config: LayerConfig): Cell {
  if (config['goBackwards'] === true) throw new UnsupportedForward('an LSTM with goBackwards');
  return {
    units: configInteger(config, 'units'),
    activation: activationCode(config['activation']),
    recurrentActivation: activationCode(config['recurrentActivation']),
    returnSequences: config['returnSequences'] === true,
  };
}

function storeDirection(
  weights: Float32Array[],
  memory: ForwardMemory,
  useBias: boolean,
): Omit<Direction, 'reverse' | 'offset'> {
  const [kernel, recurrent, bias] = weights;
  if (kernel === undefined || recurrent === undefined || (useBias && bias === undefined)) {
    throw new UnsupportedForward('an LSTM without its weights');
  }
  const biasPointer = useBias && bias !== undefined ? memory.store(bias) : 0;
  return { kernel: memory.store(kernel), recurrent: memory.store(recurrent), bias: biasPointer };
}

function lstmStep(shape: BeatShape, cell: Cell, directions: Direction[]): ForwardStep {
  const width = cell.units * directions.length;
  const outSteps = cell.returnSequences ? shape.steps : 1;
  return {
    inPlace: false,
    outputFloats: outSteps * width,
    scratchFloats: shape.steps * 4 * cell.units + 2 * cell.units,
    run: (kernels, { beats, input, output, scratch }) => {
      for (const direction of directions) {
        kernels.lstm(
          input,
          beats,
          shape.steps,
          shape.channels,
          direction.kernel,
          direction.recurrent,
          direction.bias,
          cell.units,
          cell.activation,
          cell.recurrentActivation,
          direction.reverse ? 1 : 0,
          cell.returnSequences ? 1 : 0,
          output,
          width,
          direction.offset,
          scratch,
        );
      }
    },
  };
}

function outputShape(shape: BeatShape, cell: Cell, directions: number): BeatShape {
  return { steps: cell.returnSequences ? shape.steps : 1, channels: cell.units * directions };
}

/** An LSTM layer from zero state. */
export function lstmSteps(
  layer: tfl.layers.Layer,
  shape: BeatShape,
  memory: ForwardMemory,
): LayerSteps {
  const config = layer.getConfig();
  const cell = cellOf(config);
  const stored = storeDirection(
    layer.getWeights().map((t) => t.dataSync() as Float32Array),
    memory,
    config['useBias'] !== false,
  );
  const directions = [{ ...stored, reverse: false, offset: 0 }];
  return { steps: [lstmStep(shape, cell, directions)], shape: outputShape(shape, cell, 1) };
}

/** A Bidirectional LSTM that concatenates forward and backward outputs, in input order. */
export function bidirectionalSteps(
  layer: tfl.layers.Layer,
  shape: BeatShape,
  memory: ForwardMemory,
): LayerSteps {
  const config = layer.getConfig();
  const inner = config['layer'] as { className?: string; config?: LayerConfig } | undefined;
  if (config['mergeMode'] !== 'concat' || inner?.className !== 'LSTM' || !inner.config) {
    throw new UnsupportedForward('a Bidirectional other than a concatenated LSTM');
  }
  const cell = cellOf(inner.config);
  const weights = layer.getWeights().map((t) => t.dataSync() as Float32Array);
  const useBias = inner.config['useBias'] !== false;
  const perDirection = weights.length / 2;
  const directions = [weights.slice(0, perDirection), weights.slice(perDirection)].map(
    (own, index) => ({
      ...storeDirection(own, memory, useBias),
      reverse: index === 1,
      offset: index * cell.units,
    }),
  );
  return { steps: [lstmStep(shape, cell, directions)], shape: outputShape(shape, cell, 2) };
}
