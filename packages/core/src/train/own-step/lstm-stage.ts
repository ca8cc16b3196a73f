/**
 * @module The training stage of an LSTM layer on `wasm/lstm-train.c`: a forward pass that
 * keeps its records and the backward pass through time.
 *
 * The kernels work on units in fours. Other unit counts run padded: each gate gets zero
 * weights for the extra units, whose cells then stay at 0 and whose gradients are 0, so that
 * they never move; the output drops them, and the output's gradient gets zeros for them.
 */
import { lstmBackwardScratchFloats } from '../../backend/kernels/lstm-own';
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
  type WeightLayout,
} from './training-stage';

/** The kernels' vector width: they run units in multiples of it. */
const LANES = 4;

interface Records {
  gates: Pointer;
  cells: Pointer;
  tanhCells: Pointer;
  hidden: Pointer;
  /** The backward's scratch, and dx when the layer is first and needs none. */
  scratch: Pointer;
  unusedInputGradient: Pointer;
  /** The padded units' output and its gradient (0 when the units need no padding). */
  paddedOutput: Pointer;
  paddedGradient: Pointer;
}

interface Cell {
  /** The layer's units. */
  units: number;
  /** The units the kernels run: `units` rounded up to a multiple of 4. */
  padded: number;
  gate: number;
  returnSequences: boolean;
}

class LstmStage implements TrainingStage {
  readonly shape: BeatShape;

  constructor(
    private readonly input: BeatShape,
    private readonly cell: Cell,
    readonly weights: StageWeight[],
    private readonly records: Records,
  ) {
    const outSteps = cell.returnSequences ? input.steps : 1;
    this.shape = { steps: outSteps, channels: cell.units };
  }

  /** Rows of the output per call: beats times output steps. */
  private outputRows(beats: number): number {
    return beats * this.shape.steps;
  }

  private get isPadded(): boolean {
    return this.cell.padded !== this.cell.units;
  }

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const [kernel, recurrent, bias] = this.weights as [StageWeight, StageWeight, StageWeight];
    const { gates, cells, tanhCells, hidden, paddedOutput } = this.records;
    const { units, padded } = this.cell;
    kernels.lstm_train_forward(
      input,
      beats,
      this.input.steps,
      this.input.channels,
      kernel.value,
      recurrent.value,
      bias.value,
      padded,
      this.cell.gate,
      this.cell.returnSequences ? 1 : 0,
      this.isPadded ? paddedOutput : output,
      gates,
      cells,
      tanhCells,
      hidden,
    );
    if (this.isPadded) {
      kernels.crop1d(paddedOutput, this.outputRows(beats), padded, 1, 0, padded - units, output);
    }
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    const [kernel, recurrent, bias] = this.weights as [StageWeight, StageWeight, StageWeight];
    const { gates, cells, tanhCells, hidden, scratch } = this.records;
    const dx = buffers.inputGradientNeeded
      ? buffers.inputGradient
      : this.records.unusedInputGradient;
    const { units, padded } = this.cell;
    let dy = buffers.outputGradient;
    if (this.isPadded) {
      const rows = this.outputRows(buffers.beats);
      kernels.pad1d(dy, rows, units, 1, 0, padded - units, this.records.paddedGradient);
      dy = this.records.paddedGradient;
    }
    kernels.lstm_train_backward(
      dy,
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
      padded,
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
    padded: Math.ceil(units / LANES) * LANES,
    gate: activationCode(config['recurrentActivation']),
    returnSequences: config['returnSequences'] === true,
  };
}

/**
 * The layout of a `[rows][4 units]` gate matrix with each gate's columns padded to `padded`
 * units, in `storedRows` rows (the recurrent kernel's extra rows are those of the extra units).
 */
function gateLayout(rows: number, storedRows: number, units: number, padded: number): WeightLayout {
  return {
    storedFloats: storedRows * 4 * padded,
    storedIndex: (index) => {
      const row = Math.floor(index / (4 * units));
      const column = index % (4 * units);
      const gate = Math.floor(column / units);
      return row * 4 * padded + gate * padded + (column % units);
    },
  };
}

/** The layouts of kernel, recurrent kernel and bias; none when the units are in fours. */
function lstmLayouts(inputs: number, cell: Cell): WeightLayout[] {
  const { units, padded } = cell;
  if (units === padded) return [];
  return [
    gateLayout(inputs, inputs, units, padded),
    gateLayout(units, padded, units, padded),
    gateLayout(1, 1, units, padded),
  ];
}

/** An LSTM with tanh cells and logistic or hard-sigmoid gates. */
export function lstmStage(context: StageContext): TrainingStage {
  const { layer, shape, memory, capacity } = context;
  const cell = cellOf(layer.getConfig());
  const recurrentGate = layer.getConfig()['recurrentActivation'];
  if (recurrentGate !== 'sigmoid' && recurrentGate !== 'hardSigmoid') {
    throw new UnsupportedForward(`gates ${String(recurrentGate)}`);
  }
  const rows = capacity * shape.steps;
  const units = cell.padded;
  const outputRows = capacity * (cell.returnSequences ? shape.steps : 1);
  const paddedFloats = cell.padded === cell.units ? 0 : outputRows * units;
  const scratchFloats = lstmBackwardScratchFloats({
    batch: capacity,
    steps: shape.steps,
    inputs: shape.channels,
    units,
  });
  const records: Records = {
    gates: memory.reserve(rows * 4 * units),
    cells: memory.reserve(rows * units),
    tanhCells: memory.reserve(rows * units),
    hidden: memory.reserve(rows * units),
    scratch: memory.reserve(scratchFloats),
    unusedInputGradient: memory.reserve(rows * shape.channels),
    paddedOutput: paddedFloats > 0 ? memory.reserve(paddedFloats) : 0,
    paddedGradient: paddedFloats > 0 ? memory.reserve(paddedFloats) : 0,
  };
  const weights = storeWeights(layer, memory, lstmLayouts(shape.channels, cell));
  return new LstmStage(shape, cell, weights, records);
}
