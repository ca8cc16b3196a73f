/**
 * @module The gradient of the fused LSTM sequence as one wasm kernel (backpropagation through
 * time).
 *
 * The steps run backwards in one loop over the heap, with one XNNPACK product per step for the
 * recurrent part of the hidden-state gradient. The weight and input gradients of all steps are
 * then three products over the whole sequence.
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
  transposed,
} from './wasm-heap';
import {
  type FusedLstmAttrs,
  gateDerivative,
  type LstmBackwardInputs,
  lstmSizes,
  type LstmSizes,
  swapBatchAndTime,
} from './lstm-gates';
import { ownLstmBackward } from './lstm-own';

/** The kernel's name in tfjs's registry. */
export const FUSED_LSTM_BACKWARD = 'EdgeEcgFusedLstmBackward';

/** Running gradients carried from step t+1 back to step t. */
interface Carry {
  hidden: Float32Array;
  cell: Float32Array;
}

interface StepBuffers {
  preActivations: HeapMatrix;
  stepPre: HeapMatrix;
  stepHidden: HeapMatrix;
  recurrentT: HeapMatrix;
}

/** Adds the output gradient of step `t` to the carried hidden-state gradient. */
function addOutputGradient(
  carry: Carry,
  dy: Float32Array,
  t: number,
  sizes: LstmSizes,
  returnSequences: boolean,
): void {
  const { batch, steps, units } = sizes;
  if (!returnSequences) {
    if (t === steps - 1) for (let k = 0; k < batch * units; k++) carry.hidden[k]! += dy[k]!;
    return;
  }
  for (let b = 0; b < batch; b++) {
    const from = (b * steps + t) * units;
    for (let u = 0; u < units; u++) carry.hidden[b * units + u]! += dy[from + u]!;
  }
}

/** Writes step `t`'s gradient of the gate pre-activations and updates the cell carry. */
function stepGateGradients(
  backend: BackendWasm,
  inputs: LstmBackwardInputs,
  buffers: StepBuffers,
  carry: Carry,
  t: number,
  sizes: LstmSizes,
  derivative: (a: number) => number,
): void {
  const { batch, units } = sizes;
  const width = 4 * units;
  const gates = heapView(backend, inputs.gates);
  const cells = heapView(backend, inputs.cells);
  const tanhCells = heapView(backend, inputs.tanhCells);
  const out = heapView(backend, buffers.stepPre);
  for (let b = 0; b < batch; b++) {
    const gRow = (t * batch + b) * width;
    const sRow = (t * batch + b) * units;
    for (let u = 0; u < units; u++) {
      const i = gates[gRow + u]!;
      const f = gates[gRow + units + u]!;
      const g = gates[gRow + 2 * units + u]!;
      const o = gates[gRow + 3 * units + u]!;
      const tanhCell = tanhCells[sRow + u]!;
      const previousCell = t > 0 ? cells[sRow - batch * units + u]! : 0;
      const dh = carry.hidden[b * units + u]!;
      const dc = carry.cell[b * units + u]! + dh * o * (1 - tanhCell * tanhCell);
      out[b * width + u] = dc * g * derivative(i);
      out[b * width + units + u] = dc * previousCell * derivative(f);
      out[b * width + 2 * units + u] = dc * i * (1 - g * g);
      out[b * width + 3 * units + u] = dh * tanhCell * derivative(o);
      carry.cell[b * units + u] = dc * f;
    }
  }
  heapView(backend, buffers.preActivations).set(out, t * batch * width);
}

function runStepsBackward(
  backend: BackendWasm,
  inputs: LstmBackwardInputs,
  buffers: StepBuffers,
  sizes: LstmSizes,
  attrs: FusedLstmAttrs,
): void {
  const stateSize = sizes.batch * sizes.units;
  const carry: Carry = { hidden: new Float32Array(stateSize), cell: new Float32Array(stateSize) };
  const derivative = gateDerivative(attrs.recurrentActivation);
  for (let t = sizes.steps - 1; t >= 0; t--) {
    addOutputGradient(carry, heapView(backend, inputs.dy), t, sizes, attrs.returnSequences);
    stepGateGradients(backend, inputs, buffers, carry, t, sizes, derivative);
    if (t === 0) break;
    multiplyInto(backend, buffers.stepPre, buffers.recurrentT, buffers.stepHidden);
    carry.hidden.set(heapView(backend, buffers.stepHidden));
  }
}

/** Column sums of the pre-activation gradients: the bias gradient. */
function sumRows(backend: BackendWasm, matrix: HeapMatrix, out: TensorInfo): void {
  const values = heapView(backend, matrix);
  const sums = heapView(backend, out);
  sums.fill(0);
  for (let r = 0; r < matrix.rows; r++) {
    const row = r * matrix.columns;
    for (let c = 0; c < matrix.columns; c++) sums[c]! += values[row + c]!;
  }
}

/** `[features, time · batch]`: column `t · batch + b` holds example b's features at step t. */
function featuresByStep(backend: BackendWasm, x: TensorInfo, sizes: LstmSizes): HeapMatrix {
  const { batch, steps, inputs } = sizes;
  const timeMajor = allocateMatrix(backend, steps * batch, inputs);
  swapBatchAndTime(heapView(backend, x), heapView(backend, timeMajor), batch, steps, inputs);
  const result = transposed(backend, timeMajor);
  freeMatrices(backend, timeMajor);
  return result;
}

/** `[units, time · batch]`: the hidden state each step started from (zeros for step 0). */
function previousHiddenByStep(
  backend: BackendWasm,
  hidden: TensorInfo,
  sizes: LstmSizes,
): HeapMatrix {
  const { batch, steps, units } = sizes;
  const shifted = allocateMatrix(backend, steps * batch, units);
  const view = heapView(backend, shifted);
  view.fill(0, 0, batch * units);
  view.set(heapView(backend, hidden).subarray(0, (steps - 1) * batch * units), batch * units);
  const result = transposed(backend, shifted);
  freeMatrices(backend, shifted);
  return result;
}

function weightGradients(
  backend: BackendWasm,
  inputs: LstmBackwardInputs,
  pre: HeapMatrix,
  sizes: LstmSizes,
): TensorInfo[] {
  const width = 4 * sizes.units;
  const dKernel = backend.makeOutput([sizes.inputs, width], 'float32');
  const dRecurrent = backend.makeOutput([sizes.units, width], 'float32');
  const dBias = backend.makeOutput([width], 'float32');
  const features = featuresByStep(backend, inputs.x, sizes);
  multiplyInto(backend, features, pre, asMatrix(dKernel, sizes.inputs, width));
  const previous = previousHiddenByStep(backend, inputs.hidden, sizes);
  multiplyInto(backend, previous, pre, asMatrix(dRecurrent, sizes.units, width));
  sumRows(backend, pre, dBias);
  freeMatrices(backend, features, previous);
  return [dKernel, dRecurrent, dBias];
}

function inputGradient(
  backend: BackendWasm,
  kernel: TensorInfo,
  pre: HeapMatrix,
  sizes: LstmSizes,
): TensorInfo {
  const { batch, steps, inputs, units } = sizes;
  const kernelT = transposed(backend, asMatrix(kernel, inputs, 4 * units));
  const timeMajor = allocateMatrix(backend, steps * batch, inputs);
  const dx = backend.makeOutput([batch, steps, inputs], 'float32');
  multiplyInto(backend, pre, kernelT, timeMajor);
  swapBatchAndTime(heapView(backend, timeMajor), heapView(backend, dx), steps, batch, inputs);
  freeMatrices(backend, kernelT, timeMajor);
  return dx;
}

function fusedLstmBackward(args: {
  inputs: LstmBackwardInputs;
  backend: BackendWasm;
  attrs: FusedLstmAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const own = ownLstmBackward(backend, inputs, attrs);
  if (own !== undefined) return own;
  const sizes = lstmSizes(inputs.x.shape, inputs.recurrentKernel.shape);
  const { batch, steps, units } = sizes;
  const buffers: StepBuffers = {
    preActivations: allocateMatrix(backend, steps * batch, 4 * units),
    stepPre: allocateMatrix(backend, batch, 4 * units),
    stepHidden: allocateMatrix(backend, batch, units),
    recurrentT: transposed(backend, asMatrix(inputs.recurrentKernel, units, 4 * units)),
  };
  runStepsBackward(backend, inputs, buffers, sizes, attrs);
  const dx = inputGradient(backend, inputs.kernel, buffers.preActivations, sizes);
  const weights = weightGradients(backend, inputs, buffers.preActivations, sizes);
  freeMatrices(backend, ...Object.values(buffers));
  return [dx, ...weights];
}

/** Outputs the gradients of x, kernel, recurrent kernel and bias, in that order. */
export const fusedLstmBackwardConfig: KernelConfig = {
  kernelName: FUSED_LSTM_BACKWARD,
  backendName: 'wasm',
  kernelFunc: fusedLstmBackward as unknown as KernelFunc,
};
