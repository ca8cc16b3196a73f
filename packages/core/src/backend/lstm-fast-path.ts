/**
 * @module Routes tfjs-layers' LSTM layer through the fused LSTM kernels on wasm.
 *
 * The layer class itself is untouched (its className, config, weights and saved form stay
 * those of an ordinary tfjs-layers LSTM): only its `call` is wrapped, once, and the wrapper
 * takes the fused path when the fast kernels are on, the backend is wasm and the call uses
 * nothing the fused kernels lack. Anything else (masks, initial or stateful states, returned
 * states, dropout while training, other activations) runs tfjs-layers' own code.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { fusedLstm } from './fused-lstm-op';
import type { GateActivation } from './kernels/lstm-gates';

type Kwargs = Record<string, unknown> | undefined;
type Call = (
  this: LstmLayer,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
) => tf.Tensor | tf.Tensor[];

interface LstmCell {
  units: number;
  activation: { getClassName(): string };
  recurrentActivation: { getClassName(): string };
  useBias: boolean;
  dropout: number;
  recurrentDropout: number;
  kernel: { read(): tf.Tensor } | undefined;
  recurrentKernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
}

interface LstmLayer {
  cell: LstmCell;
  goBackwards: boolean;
  returnSequences: boolean;
  returnState: boolean;
  stateful: boolean;
}

const GATES: readonly string[] = ['sigmoid', 'hardSigmoid'] satisfies GateActivation[];

let enabled = false;
let installed = false;

function singleInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor | undefined {
  if (!Array.isArray(inputs)) return inputs;
  return inputs.length === 1 ? inputs[0] : undefined;
}

/** Whether the fused kernels compute exactly what tfjs-layers would for this call. */
function fusible(
  layer: LstmLayer,
  input: tf.Tensor | undefined,
  kwargs: Kwargs,
): input is tf.Tensor3D {
  const { cell } = layer;
  const training = kwargs?.['training'] === true;
  return (
    enabled &&
    tf.getBackend() === 'wasm' &&
    input?.rank === 3 &&
    input.dtype === 'float32' &&
    input.shape[1]! > 0 &&
    kwargs?.['mask'] == null &&
    kwargs?.['initialState'] == null &&
    !layer.stateful &&
    !layer.returnState &&
    cell.kernel !== undefined &&
    cell.activation.getClassName() === 'tanh' &&
    GATES.includes(cell.recurrentActivation.getClassName()) &&
    !(training && (cell.dropout > 0 || cell.recurrentDropout > 0))
  );
}

function fusedCall(layer: LstmLayer, input: tf.Tensor3D): tf.Tensor {
  return tf.tidy(() => {
    const { cell } = layer;
    const x = layer.goBackwards ? tf.reverse(input, 1) : input;
    const bias = cell.useBias && cell.bias ? cell.bias.read() : tf.zeros([4 * cell.units]);
    const weights = {
      kernel: cell.kernel!.read() as tf.Tensor2D,
      recurrentKernel: cell.recurrentKernel.read() as tf.Tensor2D,
      bias: bias as tf.Tensor1D,
    };
    const recurrentActivation = cell.recurrentActivation.getClassName() as GateActivation;
    return fusedLstm(x, weights, { recurrentActivation, returnSequences: layer.returnSequences });
  });
}

/** Wraps the LSTM layer's `call` once; later calls only switch the fused path on or off. */
export function useFusedLstm(on: boolean): void {
  enabled = on;
  if (installed) return;
  const prototype = Object.getPrototypeOf(tfl.layers.lstm({ units: 1 })) as { call: Call };
  const original = prototype.call;
  prototype.call = function (this: LstmLayer, inputs, kwargs) {
    const input = singleInput(inputs);
    return fusible(this, input, kwargs)
      ? fusedCall(this, input)
      : original.call(this, inputs, kwargs);
  };
  installed = true;
}
