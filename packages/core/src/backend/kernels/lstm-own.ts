/**
 * @module The fused LSTM's forward and backward on the SDK's own WASM SIMD kernels
 * (`wasm/lstm-train.c`), for unit counts that are a multiple of 4; other counts keep the
 * heap-loop kernels. Both directions decide alike, so the records they share agree in layout
 * (batch-major here, time-major there).
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { activationCode } from '../../infer/forward-activations';
import type {
  FusedLstmAttrs,
  LstmBackwardInputs,
  LstmForwardInputs,
  LstmSizes,
} from './lstm-gates';
import { lstmSizes } from './lstm-gates';
import { type OwnKernelRun, runOwnKernel } from './own-kernels';

/** The kernels' vector width: units must be a multiple of it. */
const LANES = 4;

/** The sizes of the layer, or undefined when its units are not in fours. */
function ownSizes(x: TensorInfo, recurrentKernel: TensorInfo): LstmSizes | undefined {
  const sizes = lstmSizes(x.shape, recurrentKernel.shape);
  return sizes.units % LANES === 0 ? sizes : undefined;
}

/** The layer's output and the records, or undefined where the own kernel does not apply. */
export function ownLstmForward(
  backend: BackendWasm,
  inputs: LstmForwardInputs,
  attrs: FusedLstmAttrs,
): TensorInfo[] | undefined {
  const sizes = ownSizes(inputs.x, inputs.recurrentKernel);
  if (sizes === undefined) return undefined;
  const { batch, steps, units } = sizes;
  const rows = batch * steps;
  const outShape = attrs.returnSequences ? [batch, steps, units] : [batch, units];
  const shapes = [outShape, [rows, 4 * units], [rows, units], [rows, units], [rows, units]];
  const { x, kernel, recurrentKernel, bias } = inputs;
  const run: OwnKernelRun = ({ kernels }, ins, outs) => {
    const [xIn, kernelIn, recurrentIn, biasIn] = ins as [number, number, number, number];
    const [output, gates, cells, tanhCells, hidden] = outs as [
      number,
      number,
      number,
      number,
      number,
    ];
    const gate = activationCode(attrs.recurrentActivation);
    const sequences = attrs.returnSequences ? 1 : 0;
    kernels.lstm_train_forward(
      xIn,
      batch,
      steps,
      sizes.inputs,
      kernelIn,
      recurrentIn,
      biasIn,
      units,
      gate,
      sequences,
      output,
      gates,
      cells,
      tanhCells,
      hidden,
    );
  };
  return runOwnKernel(backend, [x, kernel, recurrentKernel, bias], shapes, run);
}

/** Floats of scratch `lstm_train_backward` needs (see `wasm/lstm-train.c`). */
export function lstmBackwardScratchFloats({ batch, steps, inputs, units }: LstmSizes): number {
  return batch * steps * 5 * units + 2 * batch * units + 4 * units * (units + inputs);
}

/** The gradients of x, kernel, recurrent kernel and bias, or undefined (see the module). */
export function ownLstmBackward(
  backend: BackendWasm,
  inputs: LstmBackwardInputs,
  attrs: FusedLstmAttrs,
): TensorInfo[] | undefined {
  const sizes = ownSizes(inputs.x, inputs.recurrentKernel);
  if (sizes === undefined) return undefined;
  const { batch, steps, units } = sizes;
  const width = 4 * units;
  const shapes = [[batch, steps, sizes.inputs], [sizes.inputs, width], [units, width], [width]];
  const { dy, x, kernel, recurrentKernel, gates, cells, tanhCells, hidden } = inputs;
  const run: OwnKernelRun = (memory, ins, outs) => {
    const [dyIn, xIn, kernelIn, recurrentIn, gatesIn, cellsIn, tanhIn, hiddenIn] = ins as number[];
    const [dx, dkernel, drecurrent, dbias] = outs as [number, number, number, number];
    const gate = activationCode(attrs.recurrentActivation);
    const sequences = attrs.returnSequences ? 1 : 0;
    memory.kernels.lstm_train_backward(
      dyIn!,
      xIn!,
      batch,
      steps,
      sizes.inputs,
      kernelIn!,
      recurrentIn!,
      gatesIn!,
      cellsIn!,
      tanhIn!,
      hiddenIn!,
      units,
      gate,
      sequences,
      dx,
      dkernel,
      drecurrent,
      dbias,
      memory.reserve(lstmBackwardScratchFloats(sizes)),
    );
  };
  const tensors = [dy, x, kernel, recurrentKernel, gates, cells, tanhCells, hidden];
  return runOwnKernel(backend, tensors, shapes, run);
}
