/**
 * @module The fused LSTM's forward and backward on the SDK's own WASM SIMD kernels
 * (`wasm/lstm-train.c`), for unit counts that are a multiple of 4; other counts keep the
 * heap-loop kernels. Both directions decide alike, so the records they share agree in layout
 * (batch-major here, time-major there).
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { activationCode } from '../../infer/forward-activations';
import type { ForwardMemory } from '../../infer/forward-memory';
import type { FusedLstmAttrs, LstmSizes } from './lstm-gates';
import { lstmSizes } from './lstm-gates';
import { copyIn, copyOut, ownKernelMemory } from './own-kernels';

/** The kernels' vector width: units must be a multiple of it. */
const LANES = 4;

function memoryFor(sizes: LstmSizes): ForwardMemory | undefined {
  return sizes.units % LANES === 0 ? ownKernelMemory() : undefined;
}

function outputs(backend: BackendWasm, shapes: number[][]): TensorInfo[] {
  return shapes.map((shape) => backend.makeOutput(shape, 'float32'));
}

/** Inputs of the forward kernel. */
export interface LstmForwardInputs {
  x: TensorInfo;
  kernel: TensorInfo;
  recurrentKernel: TensorInfo;
  bias: TensorInfo;
}

/** The layer's output and the records, or undefined where the own kernel does not apply. */
export function ownLstmForward(
  backend: BackendWasm,
  inputs: LstmForwardInputs,
  attrs: FusedLstmAttrs,
): TensorInfo[] | undefined {
  const sizes = lstmSizes(inputs.x.shape, inputs.recurrentKernel.shape);
  const memory = memoryFor(sizes);
  if (memory === undefined) return undefined;
  const { batch, steps, units } = sizes;
  const rows = batch * steps;
  const outShape = attrs.returnSequences ? [batch, steps, units] : [batch, units];
  const shapes = [outShape, [rows, 4 * units], [rows, units], [rows, units], [rows, units]];
  const results = outputs(backend, shapes);
  const [x, kernel, recurrent, bias] = [
    inputs.x,
    inputs.kernel,
    inputs.recurrentKernel,
    inputs.bias,
  ].map((tensor) => copyIn(memory, backend, tensor));
  const pointers = shapes.map((shape) => memory.reserve(shape.reduce((a, b) => a * b)));
  const [output, gates, cells, tanhCells, hidden] = pointers;
  memory.kernels.lstm_train_forward(
    x!,
    batch,
    steps,
    sizes.inputs,
    kernel!,
    recurrent!,
    bias!,
    units,
    activationCode(attrs.recurrentActivation),
    attrs.returnSequences ? 1 : 0,
    output!,
    gates!,
    cells!,
    tanhCells!,
    hidden!,
  );
  results.forEach((tensor, index) => copyOut(memory, backend, pointers[index]!, tensor));
  return results;
}

/** Inputs of the backward kernel. */
export interface LstmBackwardInputs {
  dy: TensorInfo;
  x: TensorInfo;
  kernel: TensorInfo;
  recurrentKernel: TensorInfo;
  gates: TensorInfo;
  cells: TensorInfo;
  tanhCells: TensorInfo;
  hidden: TensorInfo;
}

function scratchFloats({ batch, steps, inputs, units }: LstmSizes): number {
  return batch * steps * 5 * units + 2 * batch * units + 4 * units * (units + inputs);
}

/** The gradients of x, kernel, recurrent kernel and bias, or undefined (see the module). */
export function ownLstmBackward(
  backend: BackendWasm,
  inputs: LstmBackwardInputs,
  attrs: FusedLstmAttrs,
): TensorInfo[] | undefined {
  const sizes = lstmSizes(inputs.x.shape, inputs.recurrentKernel.shape);
  const memory = memoryFor(sizes);
  if (memory === undefined) return undefined;
  const { batch, steps, units } = sizes;
  const width = 4 * units;
  const shapes = [[batch, steps, sizes.inputs], [sizes.inputs, width], [units, width], [width]];
  const results = outputs(backend, shapes);
  const order = ['dy', 'x', 'kernel', 'recurrentKernel', 'gates', 'cells', 'tanhCells', 'hidden'];
  const [dy, x, kernel, recurrent, gates, cells, tanhCells, hidden] = order.map((name) =>
    copyIn(memory, backend, inputs[name as keyof LstmBackwardInputs]),
  );
  const pointers = shapes.map((shape) => memory.reserve(shape.reduce((a, b) => a * b)));
  const [dx, dkernel, drecurrent, dbias] = pointers;
  memory.kernels.lstm_train_backward(
    dy!,
    x!,
    batch,
    steps,
    sizes.inputs,
    kernel!,
    recurrent!,
    gates!,
    cells!,
    tanhCells!,
    hidden!,
    units,
    activationCode(attrs.recurrentActivation),
    attrs.returnSequences ? 1 : 0,
    dx!,
    dkernel!,
    drecurrent!,
    dbias!,
    memory.reserve(scratchFloats(sizes)),
  );
  results.forEach((tensor, index) => copyOut(memory, backend, pointers[index]!, tensor));
  return results;
}
