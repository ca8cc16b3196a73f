/**
 * @module A whole LSTM sequence forward as one wasm kernel.
 *
 * tfjs-layers runs an LSTM as about a dozen kernels per time step. Here the input projection
 * of every step is one XNNPACK product, each step's recurrent product is another, and the gates
 * are computed in one loop over the heap. The gate activations, cell states and hidden states
 * of every step are returned for the backward kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  allocateMatrix,
  asMatrix,
  freeMatrices,
  heapView,
  type HeapMatrix,
  multiplyInto,
} from './wasm-heap';
import {
  type FusedLstmAttrs,
  gateFunction,
  lstmSizes,
  type LstmSizes,
  swapBatchAndTime,
} from './lstm-gates';

/** The kernel's name in tfjs's registry. */
export const FUSED_LSTM_FORWARD = 'EdgeEcgFusedLstmForward';

/** Time-major `[time · batch, ·]` records of every step, kept for the backward kernel. */
interface StepRecords {
  gates: HeapMatrix;
  cells: HeapMatrix;
  tanhCells: HeapMatrix;
  hidden: HeapMatrix;
}

interface StepScratch {
  projected: HeapMatrix;
  previous: HeapMatrix;
  recurrent: HeapMatrix;
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
function projectInputs(backend: BackendWasm, x: TensorInfo, kernel: TensorInfo, bias: TensorInfo, sizes: LstmSizes): HeapMatrix {
  const { batch, steps, inputs, units } = sizes;
  const timeMajor = allocateMatrix(backend, steps * batch, inputs);
  const projected = allocateMatrix(backend, steps * batch, 4 * units);
  swapBatchAndTime(heapView(backend, x), heapView(backend, timeMajor), batch, steps, inputs);
  multiplyInto(backend, timeMajor, asMatrix(kernel, inputs, 4 * units), projected, bias);
  freeMatrices(backend, timeMajor);
  return projected;
}

/** Computes step `t`'s gates, cell and hidden state from its pre-activations. */
function runGates(backend: BackendWasm, t: number, sizes: LstmSizes, scratch: StepScratch, records: StepRecords, gate: (z: number) => number): void {
  const { batch, units } = sizes;
  const width = 4 * units;
  const projected = heapView(backend, scratch.projected);
  const recurrent = heapView(backend, scratch.recurrent);
  const gates = heapView(backend, records.gates);
  const cells = heapView(backend, records.cells);
  const tanhCells = heapView(backend, records.tanhCells);
  const hidden = heapView(backend, records.hidden);
  for (let b = 0; b < batch; b++) {
    const zRow = (t * batch + b) * width;
    const sRow = (t * batch + b) * units;
    const rRow = b * width;
    for (let u = 0; u < units; u++) {
      const i = gate(projected[zRow + u]! + recurrent[rRow + u]!);
      const f = gate(projected[zRow + units + u]! + recurrent[rRow + units + u]!);
      const g = Math.tanh(projected[zRow + 2 * units + u]! + recurrent[rRow + 2 * units + u]!);
      const o = gate(projected[zRow + 3 * units + u]! + recurrent[rRow + 3 * units + u]!);
      const previousCell = t > 0 ? cells[sRow - batch * units + u]! : 0;
      const cell = f * previousCell + i * g;
      const tanhCell = Math.tanh(cell);
      gates[zRow + u] = i;
      gates[zRow + units + u] = f;
      gates[zRow + 2 * units + u] = g;
      gates[zRow + 3 * units + u] = o;
      cells[sRow + u] = cell;
      tanhCells[sRow + u] = tanhCell;
      hidden[sRow + u] = o * tanhCell;
    }
  }
}

function runSteps(backend: BackendWasm, recurrentKernel: TensorInfo, sizes: LstmSizes, scratch: StepScratch, records: StepRecords, attrs: FusedLstmAttrs): void {
  const { batch, steps, units } = sizes;
  const gate = gateFunction(attrs.recurrentActivation);
  const recurrentWeights = asMatrix(recurrentKernel, units, 4 * units);
  for (let t = 0; t < steps; t++) {
    if (t === 0) heapView(backend, scratch.recurrent).fill(0);
    else {
      const stepSize = batch * units;
      const from = heapView(backend, records.hidden).subarray((t - 1) * stepSize, t * stepSize);
      heapView(backend, scratch.previous).set(from);
      multiplyInto(backend, scratch.previous, recurrentWeights, scratch.recurrent);
    }
    runGates(backend, t, sizes, scratch, records, gate);
  }
}

function writeOutput(backend: BackendWasm, hidden: HeapMatrix, sizes: LstmSizes, returnSequences: boolean): TensorInfo {
  const { batch, steps, units } = sizes;
  const shape = returnSequences ? [batch, steps, units] : [batch, units];
  const output = backend.makeOutput(shape, 'float32');
  const all = heapView(backend, hidden);
  if (returnSequences) swapBatchAndTime(all, heapView(backend, output), steps, batch, units);
  else heapView(backend, output).set(all.subarray((steps - 1) * batch * units));
  return output;
}

function fusedLstmForward(args: {
  inputs: { x: TensorInfo; kernel: TensorInfo; recurrentKernel: TensorInfo; bias: TensorInfo };
  backend: BackendWasm;
  attrs: FusedLstmAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const sizes = lstmSizes(inputs.x.shape, inputs.recurrentKernel.shape);
  const records = allocateRecords(backend, sizes);
  const scratch: StepScratch = {
    projected: projectInputs(backend, inputs.x, inputs.kernel, inputs.bias, sizes),
    previous: allocateMatrix(backend, sizes.batch, sizes.units),
    recurrent: allocateMatrix(backend, sizes.batch, 4 * sizes.units),
  };
  runSteps(backend, inputs.recurrentKernel, sizes, scratch, records, attrs);
  freeMatrices(backend, scratch.projected, scratch.previous, scratch.recurrent);
  const output = writeOutput(backend, records.hidden, sizes, attrs.returnSequences);
  return [output, records.gates.info, records.cells.info, records.tanhCells.info, records.hidden.info];
}

/** Outputs: the layer's output, then gates, cells, tanh of cells and hidden states, time-major. */
export const fusedLstmForwardConfig: KernelConfig = {
  kernelName: FUSED_LSTM_FORWARD,
  backendName: 'wasm',
  kernelFunc: fusedLstmForward as unknown as KernelFunc,
};
