/** @module The LSTM gate activations the fused LSTM kernels support, with their derivatives. */
import type { TensorInfo } from '@tensorflow/tfjs-core';

/** The recurrent (gate) activations of tfjs-layers that the fused kernels implement. */
export type GateActivation = 'sigmoid' | 'hardSigmoid';

/** Attributes shared by the fused LSTM forward and backward kernels. */
export interface FusedLstmAttrs {
  recurrentActivation: GateActivation;
  /** Output every step's hidden state (`[batch, time, units]`) rather than the last one. */
  returnSequences: boolean;
}

/** Inputs of the fused LSTM forward kernel. */
export interface LstmForwardInputs {
  x: TensorInfo;
  kernel: TensorInfo;
  recurrentKernel: TensorInfo;
  bias: TensorInfo;
}

/** Inputs of the fused LSTM backward kernel: the output's gradient and the forward records. */
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

/** The sizes of one fused LSTM call. */
export interface LstmSizes {
  batch: number;
  steps: number;
  inputs: number;
  units: number;
}

/** The logistic function, as tfjs's cpu backend computes it. */
function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** tfjs-layers' piecewise-linear sigmoid: `clip(0.2 z + 0.5, 0, 1)`. */
function hardSigmoid(z: number): number {
  const y = 0.2 * z + 0.5;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/** The gate activation for its name. */
export function gateFunction(name: GateActivation): (z: number) => number {
  return name === 'sigmoid' ? sigmoid : hardSigmoid;
}

/**
 * The derivative of the gate activation, from its output `a`. For the hard sigmoid, the
 * derivative at the two kinks (exactly 0 or 1) is taken as 0.
 */
export function gateDerivative(name: GateActivation): (a: number) => number {
  return name === 'sigmoid' ? (a) => a * (1 - a) : (a) => (a > 0 && a < 1 ? 0.2 : 0);
}

/** The sizes of a call from its input `[batch, time, features]` and recurrent kernel shapes. */
export function lstmSizes(xShape: number[], recurrentShape: number[]): LstmSizes {
  return { batch: xShape[0]!, steps: xShape[1]!, inputs: xShape[2]!, units: recurrentShape[0]! };
}

/** Copies `[batch, time, features]` into time-major `[time, batch, features]` (or back). */
export function swapBatchAndTime(
  from: Float32Array,
  to: Float32Array,
  outer: number,
  inner: number,
  features: number,
): void {
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const source = (a * inner + b) * features;
      const target = (b * outer + a) * features;
      for (let f = 0; f < features; f++) to[target + f] = from[source + f]!;
    }
  }
}
