/**
 * @module The SDK's own WASM kernels (`packages/core/wasm`) behind tfjs kernels: one shared
 * instance, with tensors copied from tfjs-backend-wasm's heap into its memory and back.
 *
 * The copies cost about a tenth of what the kernels save; tfjs's heap cannot run code of ours.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ForwardMemory } from '../../infer/forward-memory';
import { instantiateForward, type Pointer } from '../../infer/forward-module';
import { heapView } from './wasm-heap';

let shared: ForwardMemory | undefined;

/** The shared instance, emptied for one kernel call; undefined before `initBackend()`. */
export function ownKernelMemory(): ForwardMemory | undefined {
  if (shared === undefined) {
    const kernels = instantiateForward();
    if (kernels === undefined) return undefined;
    shared = new ForwardMemory(kernels);
  }
  shared.reset();
  return shared;
}

/** Copies a tensor's values into the instance. */
export function copyIn(memory: ForwardMemory, backend: BackendWasm, tensor: TensorInfo): Pointer {
  return memory.store(heapView(backend, tensor));
}

/** Copies `count` floats from the instance into a tensor made with `backend.makeOutput`. */
export function copyOut(
  memory: ForwardMemory,
  backend: BackendWasm,
  from: Pointer,
  tensor: TensorInfo,
): void {
  const to = heapView(backend, tensor);
  to.set(memory.floats(from, to.length));
}
