/**
 * @module Identity that shares its input's storage, as Reshape does on wasm and Identity does on
 * tfjs's cpu backend. tfjs-backend-wasm copies it, which costs a recipe training step 68 copies
 * (tfjs-layers casts each layer's input to its own dtype). Values are never written in place,
 * so sharing is safe; the reference count frees the storage once.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface IdentityArgs {
  inputs: { x: TensorInfo };
  backend: BackendWasm;
}

/** The replacement of `original` (tfjs-backend-wasm's Identity) while the fast kernels are on. */
export function sharedIdentityConfig(original: KernelConfig): KernelConfig {
  const copy = original.kernelFunc as unknown as (args: IdentityArgs) => TensorInfo;
  const share = (args: IdentityArgs): TensorInfo => {
    const { x } = args.inputs;
    if (x.dtype === 'string') return copy(args);
    args.backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { ...original, kernelFunc: share as unknown as KernelFunc };
}
