/**
 * @module The training stage of an LSTM layer on `wasm/lstm-train.c`: a forward pass that
 * keeps its records and the backward pass through time.
 */
import { activationCode } from '../../infer/forward-activations';
import type { ForwardKernels, Pointer } from '../../infer/forward-module';
import { UnsupportedForward, type BeatShape } from '../../infer/forward-step';
import { configInteger, type LayerConfig } from '../../infer/layer-config';
import {
  storeWeights,
  type BackwardBuffers,
  type StageContext,
  type StageWeight,
  type TrainingStage,
} from './training-stage';

/** The kernels' vector width: units must be a multiple of it. */
const LANES = 4;

interface Records {
  gates: Pointer;
  cells: Pointer;
  tanhCells: Pointer;
  hidden: Pointer;
  /** The backward's scratch, and dx when the layer is first and needs none. */
  scratch: Pointer;
  unusedInputGradient: Pointer;
}

interface Cell {
  units: number;
  gate: number;
  returnSequences: boolean;
}

class LstmStage implements TrainingStage {
  readonly outputFloats: number;
  readonly shape: BeatShape;

  constructor(
    private readonly input: BeatShape,
    private readonly cell: Cell,
    readonly weights: StageWeight[],
    private readonly records: Records,
  ) {
    const outSteps = cell.returnSequences ? input.steps : 1;
    this.shape = { steps: outSteps, channels: cell.units };
    this.outputFloats = outSteps * cell.units;
  }

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const [kernel, recurrent, bias] = this.weights as [StageWeight, StageWeight, StageWeight];
    const { gates, cells, tanhCells, hidden } = this.records;
    kernels.lstm_train_forward(
      input,
      beats,
      this.input.steps,
      this.input.channels,
      kernel.value,
      recurrent.value,
      bias.value,
      this.cell.units,
      this.cell.gate,
      this.cell.returnSequences ? 1 : 0,
      output,
      gates,
      cells,
      tanhCells,
      hidden,
    );
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    const [kernel, recurrent, bias] = this.weights as [StageWeight, StageWeight, StageWeight];
    const { gates, cells, tanhCells, hidden, scratch } = this.records;
    const dx = buffers.inputGradientNeeded
      ? buffers.inputGradient
      : this.records.unusedInputGradient;
    kernels.lstm_train_backward(
      buffers.outputGradient,
      buffers.input,
      buffers.beats,
      this.input.steps,
      this.input.channels,
      kernel.value,
      recurrent.value,
      gates,
      cells,
      tanhCells,
      hidden,
      this.cell.units,
      this.cell.gate,
      this.cell.returnSequences ? 1 : 0,
      dx,
      kernel.gradient,
      recurrent.gradient,
      bias.gradient,
      scratch,
    );
  }
}

function cellOf(config: LayerConfig): Cell {
  const units = configInteger(config, 'units');
  const unsupported = [
    units % LANES !== 0 && `${units} units (its kernels need a multiple of ${LANES})`,
    config['activation'] !== 'tanh' && `activation ${String(config['activation'])}`,
    config['useBias'] === false && 'no bias',
    config['goBackwards'] === true && 'goBackwards',
    config['stateful'] === true && 'stateful',
    config['returnState'] === true && 'returnState',
    Number(config['dropout'] ?? 0) > 0 && 'dropout',
    Number(config['recurrentDropout'] ?? 0) > 0 && 'recurrentDropout',
  ].find((reason) => reason !== false);
  if (unsupported) throw new UnsupportedForward(unsupported);
  return {
    units,
    gate: activationCode(config['recurrentActivation']),
    returnSequences: config['returnSequences'] === true,
  };
}

/** An LSTM with tanh cells, logistic or hard-sigmoid gates and units in fours. */
export function lstmStage(context: StageContext): TrainingStage {
  const { layer, shape, memory, capacity } = context;
  const cell = cellOf(layer.getConfig());
  const recurrentGate = layer.getConfig()['recurrentActivation'];
  if (recurrentGate !== 'sigmoid' && recurrentGate !== 'hardSigmoid') {
    throw new UnsupportedForward(`gates ${String(recurrentGate)}`);
  }
  const rows = capacity * shape.steps;
  const { units } = cell;
  const scratchFloats =
    rows * 5 * units + 2 * capacity * units + 4 * units * (units + shape.channels);
  const records: Records = {
    gates: memory.reserve(rows * 4 * units),
    cells: memory.reserve(rows * units),
    tanhCells: memory.reserve(rows * units),
    hidden: memory.reserve(rows * units),
    scratch: memory.reserve(scratchFloats),
    unusedInputGradient: memory.reserve(rows * shape.channels),
  };
  return new LstmStage(shape, cell, storeWeights(layer, memory), records);
}
