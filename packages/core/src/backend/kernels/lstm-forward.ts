/**
 * @module A whole LSTM sequence forward as one wasm kernel.
 *
 * tfjs-layers runs an LSTM as about a dozen kernels per time step. Here the input projection
 * of every step is one XNNPACK product, each step's recurrent product is another, the
 * squashing functions run as wasm's vectorised kernels on whole steps, and the gates are
 * combined in loops over the heap. The gate activations, cell states and hidden states
 * of every step are returned for the backward kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  allocateMatrix,
  asMatrix,
  freeMatrices,
  heapView,
  applyElementwise,
  type HeapMatrix,
  multiplyInto,
} from './wasm-heap';
import {
  type FusedLstmAttrs,
  gateFunction,
  type LstmForwardInputs,
  lstmSizes,
  type LstmSizes,
  swapBatchAndTime,
} from './lstm-gates';
import { ownLstmForward } from './lstm-own';

/** The kernel's name in tfjs's registry. */
export const FUSED_LSTM_FORWARD = 'EdgeEcgFusedLstmForward';

/** Time-major `[time · batch, ·]` records of every step, kept for the backward kernel. */
interface StepRecords {
  gates: HeapMatrix;
  cells: HeapMatrix;
  tanhCells: HeapMatrix;
  hidden: HeapMatrix;
}

/** Scratch matrices of one step, `[batch, ·]`. */
interface StepScratch {
  projected: HeapMatrix;
  previous: HeapMatrix;
  recurrent: HeapMatrix;
  /** Gate pre-activations, then their sigmoid and tanh. */
  pre: HeapMatrix;
  squashed: HeapMatrix;
  tanhPre: HeapMatrix;
  cell: HeapMatrix;
  tanhCell: HeapMatrix;
}

function allocateScratch(
  backend: BackendWasm,
  projected: HeapMatrix,
  sizes: LstmSizes,
): StepScratch {
  const { batch, units } = sizes;
  const wide = () => allocateMatrix(backend, batch, 4 * units);
  const narrow = () => allocateMatrix(backend, batch, units);
  return {
    projected,
    previous: narrow(),
    recurrent: wide(),
    pre: wide(),
    squashed: wide(),
    tanhPre: wide(),
    cell: narrow(),
    tanhCell: narrow(),
  };
}

function allocateRecords(backend: BackendWasm, sizes: LstmSizes): StepRecords {
  const rows = sizes.steps * sizes.batch;
  return {
    gates: allocateMatrix(backend, rows, 4 * sizes.units),
    cells: allocateMatrix(backend, rows, sizes.units),
    tanhCells: allocateMatrix(backend, rows, sizes.units),
    hidden: allocateMatrix(backend, rows, sizes.units),
  };
}

/** `x · kernel + bias` for every step at once, time-major. */
function projectInputs(
  backend: BackendWasm,
  x: TensorInfo,
  kernel: TensorInfo,
  bias: TensorInfo,
  sizes: LstmSizes,
): HeapMatrix {
  const { batch, steps, inputs, units } = sizes;
  const timeMajor = allocateMatrix(backend, steps * batch, inputs);
  const projected = allocateMatrix(backend, steps * batch, 4 * units);
  swapBatchAndTime(heapView(backend, x), heapView(backend, timeMajor), batch, steps, inputs);
  multiplyInto(backend, timeMajor, asMatrix(kernel, inputs, 4 * units), projected, bias);
  freeMatrices(backend, timeMajor);
  return projected;
}

/** Step `t`'s gate pre-activations: its input projection plus `h[t-1] · recurrentKernel`. */
function preActivations(
  backend: BackendWasm,
  t: number,
  sizes: LstmSizes,
  scratch: StepScratch,
  records: StepRecords,
  recurrentKernel: HeapMatrix,
): void {
  const size = sizes.batch * 4 * sizes.units;
  const projected = heapView(backend, scratch.projected).subarray(t * size, (t + 1) * size);
  if (t === 0) {
    heapView(backend, scratch.pre).set(projected);
    return;
  }
  const stateSize = sizes.batch * sizes.units;
  const previous = heapView(backend, records.hidden).subarray((t - 1) * stateSize, t * stateSize);
  heapView(backend, scratch.previous).set(previous);
  multiplyInto(backend, scratch.previous, recurrentKernel, scratch.recurrent);
  const [pre, recurrent, again] = [
    heapView(backend, scratch.pre),
    heapView(backend, scratch.recurrent),
    heapView(backend, scratch.projected),
  ];
  for (let k = 0, from = t * size; k < size; k++) pre[k] = again[from + k]! + recurrent[k]!;
}

/** Squashes the pre-activations: tanh for the candidate, the gate activation for i, f and o. */
function squash(backend: BackendWasm, scratch: StepScratch, attrs: FusedLstmAttrs): void {
  applyElementwise(backend, 'Tanh', scratch.pre, scratch.tanhPre);
  if (attrs.recurrentActivation === 'sigmoid') {
    applyElementwise(backend, 'Sigmoid', scratch.pre, scratch.squashed);
    return;
  }
  const gate = gateFunction(attrs.recurrentActivation);
  const [pre, squashed] = [heapView(backend, scratch.pre), heapView(backend, scratch.squashed)];
  for (let k = 0; k < pre.length; k++) squashed[k] = gate(pre[k]!);
}

/** Records step `t`'s gates and cell state (into `scratch.cell` too, for its tanh). */
function recordGatesAndCell(
  backend: BackendWasm,
  t: number,
  sizes: LstmSizes,
  scratch: StepScratch,
  records: StepRecords,
): void {
  const { batch, units } = sizes;
  const width = 4 * units;
  const [squashed, tanhPre, cell] = [
    heapView(backend, scratch.squashed),
    heapView(backend, scratch.tanhPre),
    heapView(backend, scratch.cell),
  ];
  const [gates, cells] = [heapView(backend, records.gates), heapView(backend, records.cells)];
  const gateStart = t * batch * width;
  const cellStart = t * batch * units;
  for (let b = 0; b < batch; b++) {
    for (let u = 0; u < units; u++) {
      const k = b * width + u;
      const [i, f, g, o] = [
        squashed[k]!,
        squashed[k + units]!,
        tanhPre[k + 2 * units]!,
        squashed[k + 3 * units]!,
      ];
      const previousCell = t > 0 ? cells[cellStart - batch * units + b * units + u]! : 0;
      gates[gateStart + k] = i;
      gates[gateStart + k + units] = f;
      gates[gateStart + k + 2 * units] = g;
      gates[gateStart + k + 3 * units] = o;
      cell[b * units + u] = f * previousCell + i * g;
    }
  }
  cells.set(cell, cellStart);
}

/** Records step `t`'s tanh of the cell and hidden state `o · tanh(c)`. */
function recordHidden(
  backend: BackendWasm,
  t: number,
  sizes: LstmSizes,
  scratch: StepScratch,
  records: StepRecords,
): void {
  const { batch, units } = sizes;
  applyElementwise(backend, 'Tanh', scratch.cell, scratch.tanhCell);
  const [tanhCell, gates] = [heapView(backend, scratch.tanhCell), heapView(backend, records.gates)];
  const [tanhCells, hidden] = [
    heapView(backend, records.tanhCells),
    heapView(backend, records.hidden),
  ];
  const stateStart = t * batch * units;
  tanhCells.set(tanhCell, stateStart);
  for (let b = 0; b < batch; b++) {
    const outputGate = (t * batch + b) * 4 * units + 3 * units;
    for (let u = 0; u < units; u++) {
      hidden[stateStart + b * units + u] = gates[outputGate + u]! * tanhCell[b * units + u]!;
    }
  }
}

function runSteps(
  backend: BackendWasm,
  recurrentKernel: TensorInfo,
  sizes: LstmSizes,
  scratch: StepScratch,
  records: StepRecords,
  attrs: FusedLstmAttrs,
): void {
  const recurrentWeights = asMatrix(recurrentKernel, sizes.units, 4 * sizes.units);
  for (let t = 0; t < sizes.steps; t++) {
    preActivations(backend, t, sizes, scratch, records, recurrentWeights);
    squash(backend, scratch, attrs);
    recordGatesAndCell(backend, t, sizes, scratch, records);
    recordHidden(backend, t, sizes, scratch, records);
  }
}

function writeOutput(
  backend: BackendWasm,
  hidden: HeapMatrix,
  sizes: LstmSizes,
  returnSequences: boolean,
): TensorInfo {
  const { batch, steps, units } = sizes;
  const shape = returnSequences ? [batch, steps, units] : [batch, units];
  const output = backend.makeOutput(shape, 'float32');
  const all = heapView(backend, hidden);
  if (returnSequences) swapBatchAndTime(all, heapView(backend, output), steps, batch, units);
  else heapView(backend, output).set(all.subarray((steps - 1) * batch * units));
  return output;
}

function fusedLstmForward(args: {
  inputs: LstmForwardInputs;
  backend: BackendWasm;
  attrs: FusedLstmAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const own = ownLstmForward(backend, inputs, attrs);
  if (own !== undefined) return own;
  const sizes = lstmSizes(inputs.x.shape, inputs.recurrentKernel.shape);
  const records = allocateRecords(backend, sizes);
  const projected = projectInputs(backend, inputs.x, inputs.kernel, inputs.bias, sizes);
  const scratch = allocateScratch(backend, projected, sizes);
  runSteps(backend, inputs.recurrentKernel, sizes, scratch, records, attrs);
  freeMatrices(backend, ...Object.values(scratch));
  const output = writeOutput(backend, records.hidden, sizes, attrs.returnSequences);
  return [
    output,
    records.gates.info,
    records.cells.info,
    records.tanhCells.info,
    records.hidden.info,
  ];
}

/** Outputs: the layer's output, then gates, cells, tanh of cells and hidden states, time-major. */
export const fusedLstmForwardConfig: KernelConfig = {
  kernelName: FUSED_LSTM_FORWARD,
  backendName: 'wasm',
  kernelFunc: fusedLstmForward as unknown as KernelFunc,
};
