/** @module Scratch tensors and matrix products on the wasm heap, for the SDK's own kernels. */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The module's `_FusedMatMul` over tensor ids, as tfjs-backend-wasm's own kernel calls it. */
type FusedMatMul = (
  aId: number,
  aShape: Uint8Array,
  aRank: number,
  bId: number,
  bShape: Uint8Array,
  bRank: number,
  transposeA: boolean,
  transposeB: boolean,
  activation: number,
  biasId: number,
  preluId: number,
  leakyReluAlpha: number,
  outId: number,
) => void;

/** tfjs-backend-wasm's code for "no fused activation". */
const LINEAR_ACTIVATION = 0;

const bound = new WeakMap<object, FusedMatMul>();

function fusedMatMulOf(backend: BackendWasm): FusedMatMul {
  const known = bound.get(backend.wasm);
  if (known !== undefined) return known;
  // The module's typings leave out Emscripten's cwrap, which every wasm kernel uses.
  const wasm = backend.wasm as unknown as {
    cwrap(name: string, returnType: null, argTypes: string[]): unknown;
  };
  const argTypes = ['number', 'array', 'number', 'number', 'array', 'number'];
  const fused = wasm.cwrap('_FusedMatMul', null, [...argTypes, ...Array<string>(7).fill('number')]);
  bound.set(backend.wasm, fused as FusedMatMul);
  return fused as FusedMatMul;
}

function shapeBytes(shape: number[]): Uint8Array {
  return new Uint8Array(new Int32Array(shape).buffer);
}

/** A row-major float32 matrix held by a wasm tensor. */
export interface HeapMatrix {
  info: TensorInfo;
  rows: number;
  columns: number;
}

/** Allocates an uninitialised `rows × columns` float32 matrix on the wasm heap. */
export function allocateMatrix(backend: BackendWasm, rows: number, columns: number): HeapMatrix {
  return { info: backend.makeOutput([rows, columns], 'float32'), rows, columns };
}

/** Views a tensor's values in place. Take views again after any allocation or wasm call. */
export function heapView(backend: BackendWasm, info: TensorInfo | HeapMatrix): Float32Array {
  const tensor = 'info' in info ? info.info : info;
  return backend.typedArrayFromHeap(tensor) as Float32Array;
}

/** Frees scratch tensors made by {@link allocateMatrix}. */
export function freeMatrices(backend: BackendWasm, ...matrices: HeapMatrix[]): void {
  for (const matrix of matrices) backend.disposeData(matrix.info.dataId);
}

function idOf(backend: BackendWasm, info: TensorInfo): number {
  return backend.dataIdMap.get(info.dataId)!.id;
}

/**
 * Writes `a · b (+ bias)` into `out` with the module's XNNPACK product. XNNPACK packs `b` once
 * per tensor id and reuses the packing until that tensor is disposed, so `b` must be a tensor
 * whose values never change in place (a weight, or a fresh scratch matrix).
 */
export function multiplyInto(
  backend: BackendWasm,
  a: HeapMatrix,
  b: HeapMatrix,
  out: HeapMatrix,
  bias?: TensorInfo,
): void {
  const biasId = bias === undefined ? 0 : idOf(backend, bias);
  fusedMatMulOf(backend)(
    idOf(backend, a.info),
    shapeBytes([1, a.rows, a.columns]),
    3,
    idOf(backend, b.info),
    shapeBytes([1, b.rows, b.columns]),
    3,
    false,
    false,
    LINEAR_ACTIVATION,
    biasId,
    0,
    0,
    idOf(backend, out.info),
  );
}

/** A matrix view of an existing tensor (no copy), e.g. a `[h, w, in, out]` filter as taps × out. */
export function asMatrix(info: TensorInfo, rows: number, columns: number): HeapMatrix {
  return { info, rows, columns };
}

/** Writes the transpose of `source` into a new scratch matrix. */
export function transposed(backend: BackendWasm, source: HeapMatrix): HeapMatrix {
  const out = allocateMatrix(backend, source.columns, source.rows);
  const from = heapView(backend, source);
  const to = heapView(backend, out);
  const { rows, columns } = source;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) to[c * rows + r] = from[r * columns + c]!;
  }
  return out;
}

/** tfjs-backend-wasm's elementwise kernels that {@link applyElementwise} can call. */
export type ElementwiseKernel = 'Sigmoid' | 'Tanh';

type Elementwise = (...ids: number[]) => void;

const elementwise = new WeakMap<object, Map<ElementwiseKernel, Elementwise>>();

function elementwiseOf(backend: BackendWasm, name: ElementwiseKernel): Elementwise {
  const known = elementwise.get(backend.wasm) ?? new Map<ElementwiseKernel, Elementwise>();
  elementwise.set(backend.wasm, known);
  if (!known.has(name)) {
    const wasm = backend.wasm as unknown as {
      cwrap(name: string, returnType: null, argTypes: string[]): Elementwise;
    };
    // Sigmoid takes (x, out); Tanh, like every other unary kernel, takes (x, dtype, out).
    const args = name === 'Sigmoid' ? ['number', 'number'] : ['number', 'number', 'number'];
    known.set(name, wasm.cwrap(name, null, args));
  }
  return known.get(name)!;
}

/** tfjs-backend-wasm's code for float32 tensors. */
const FLOAT32_DTYPE = 0;

/** Writes `kernel(from)` into `to` (same size) with the module's vectorised kernel. */
export function applyElementwise(
  backend: BackendWasm,
  name: ElementwiseKernel,
  from: HeapMatrix,
  to: HeapMatrix,
): void {
  const run = elementwiseOf(backend, name);
  const [fromId, toId] = [idOf(backend, from.info), idOf(backend, to.info)];
  if (name === 'Sigmoid') run(fromId, toId);
  else run(fromId, FLOAT32_DTYPE, toId);
}
