/**
 * @module The fused LSTM sequence as a differentiable tfjs op, on the SDK's wasm kernels.
 *
 * The forward kernel returns the records of every step, which are saved for the backward
 * kernel; without a gradient tape they are dropped at once.
 */
import {
  customGrad,
  engine,
  type GradSaveFunc,
  type NamedAttrMap,
  type Tensor,
  type Tensor1D,
  type Tensor2D,
  type Tensor3D,
} from '@tensorflow/tfjs-core';
import { FUSED_LSTM_BACKWARD } from './kernels/lstm-backward';
import { FUSED_LSTM_FORWARD } from './kernels/lstm-forward';
import type { FusedLstmAttrs } from './kernels/lstm-gates';

/** The weights of one LSTM, in tfjs-layers' layout (gates i, f, c, o along the last axis). */
export interface LstmWeights {
  /** `[features, 4 · units]` */
  kernel: Tensor2D;
  /** `[units, 4 · units]` */
  recurrentKernel: Tensor2D;
  /** `[4 · units]` */
  bias: Tensor1D;
}

/**
 * Runs an LSTM with tanh cell activation over `x` (`[batch, time, features]`) from zero
 * states, like tfjs-layers' LSTM without masking or dropout. Needs the wasm backend.
 */
export function fusedLstm(x: Tensor3D, weights: LstmWeights, attrs: FusedLstmAttrs): Tensor {
  const op = customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const [input, kernel, recurrentKernel, bias] = args as Tensor[];
    const save = args[4] as GradSaveFunc;
    const forwardInputs = {
      x: input!,
      kernel: kernel!,
      recurrentKernel: recurrentKernel!,
      bias: bias!,
    };
    const kernelAttrs = attrs as unknown as NamedAttrMap;
    const [output, ...records] = engine().runKernel(
      FUSED_LSTM_FORWARD,
      forwardInputs,
      kernelAttrs,
    ) as Tensor[];
    save([input!, kernel!, recurrentKernel!, ...records]);
    const gradFunc = (dy: Tensor, saved: Tensor[]) => {
      const [sx, sKernel, sRecurrent, gates, cells, tanhCells, hidden] = saved as Tensor[];
      const backwardInputs = {
        dy,
        x: sx!,
        kernel: sKernel!,
        recurrentKernel: sRecurrent!,
        gates: gates!,
        cells: cells!,
        tanhCells: tanhCells!,
        hidden: hidden!,
      };
      return engine().runKernel(FUSED_LSTM_BACKWARD, backwardInputs, kernelAttrs) as Tensor[];
    };
    return { value: output!, gradFunc };
  });
  return op(x, weights.kernel, weights.recurrentKernel, weights.bias);
}
