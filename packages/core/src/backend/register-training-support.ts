/**
 * @module Registers what tfjs-layers needs to train on tfjs-core and wasm alone.
 *
 * tfjs-core's gradients and chained tensor ops (`x.flatten()` and the like) are registered by
 * ESM-only side-effect modules that its Node bundle leaves out. They are imported here, on
 * demand, and register into tfjs-core's global registries.
 */
import {
  registerGradient,
  registerKernel,
  unregisterKernel,
  getKernel,
} from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterConfig } from './kernels/conv2d-backprop-filter';
import { conv2DGradientConfig } from './conv2d-gradient';

let registered: Promise<void> | undefined;

function registerOwnKernels(): void {
  const { kernelName, backendName } = conv2DBackpropFilterConfig;
  if (getKernel(kernelName, backendName) != null) unregisterKernel(kernelName, backendName);
  registerKernel(conv2DBackpropFilterConfig);
  registerGradient(conv2DGradientConfig);
}

/** Registers tfjs-core's gradients and chained ops, then the SDK's kernels. Idempotent. */
export function registerTrainingSupport(): Promise<void> {
  registered ??= (async () => {
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
    registerOwnKernels();
  })();
  return registered;
}
