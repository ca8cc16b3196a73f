/** @module tfjs-layers activation names and the forward kernels' codes for them. */
import { UnsupportedForward } from './forward-step';

/** The codes of `enum activation` in `wasm/forward.h`. */
const ACTIVATION_CODES: Readonly<Record<string, number>> = {
  linear: 0,
  relu: 1,
  leakyRelu: 2,
  elu: 3,
  selu: 4,
  tanh: 5,
  sigmoid: 6,
  hardSigmoid: 7,
  softplus: 8,
};

/** The code of `enum pooling` in `wasm/forward.h`. */
export const POOLING_CODES = { max: 0, average: 1, min: 2 } as const;

/** The kernel code of a serialised activation. @throws {UnsupportedForward} for others. */
export function activationCode(name: unknown): number {
  const code = typeof name === 'string' ? ACTIVATION_CODES[name] : undefined;
  if (code === undefined) throw new UnsupportedForward(`activation ${String(name)}`);
  return code;
}

/** The code of LeakyReLU, whose slope is passed beside it. */
export const LEAKY_RELU_CODE = ACTIVATION_CODES['leakyRelu']!;
