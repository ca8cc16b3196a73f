/**
 * @module The SDK's own WASM kernels (`packages/core/wasm`) behind tfjs kernels: one shared
 * instance, with tensors copied from tfjs-backend-wasm's heap into its memory and back.
 *
 * The copies cost about a tenth of what the kernels save; tfjs's heap cannot run code of ours.
 */
import { type TensorInfo, util } from '@tensorflow/tfjs-core';
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

/** Calls the own kernels with the inputs' copies and a range for each output. */
export type OwnKernelRun = (memory: ForwardMemory, inputs: Pointer[], outputs: Pointer[]) => void;

/**
 * One call on the shared instance: copies `inputs` in, reserves a range per output shape, runs
 * `run`, and copies each range out into a new tensor. Undefined before `initBackend()`.
 */
export function runOwnKernel(
  backend: BackendWasm,
  inputs: TensorInfo[],
  outputShapes: number[][],
  run: OwnKernelRun,
): TensorInfo[] | undefined {
  const memory = ownKernelMemory();
  if (memory === undefined) return undefined;
  // Outputs first: making them may grow tfjs's heap, which the copies then read from.
  const outputs = outputShapes.map((shape) => backend.makeOutput(shape, 'float32'));
  const inputPointers = inputs.map((tensor) => copyIn(memory, backend, tensor));
  const outputPointers = outputShapes.map((shape) => memory.reserve(util.sizeFromShape(shape)));
  run(memory, inputPointers, outputPointers);
  outputs.forEach((tensor, index) => copyOut(memory, backend, outputPointers[index]!, tensor));
  return outputs;
}
