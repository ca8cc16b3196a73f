/** @module The filter gradient of a 2-D convolution for the wasm backend, missing in tfjs 4.22. */
import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The wasm module's matrix product over tensor ids, as its own BatchMatMul kernel calls it. */
type WasmMatMul = (
  aId: number,
  aShape: Uint8Array,
  aRank: number,
  bId: number,
  bShape: Uint8Array,
  bRank: number,
  transposeA: boolean,
  transposeB: boolean,
  outId: number,
) => void;

let wasmMatMul: WasmMatMul | undefined;

function setupMatMul(backend: object): void {
  // The module's typings leave out Emscripten's cwrap, which every wasm kernel uses.
  const wasm = (backend as BackendWasm).wasm as unknown as {
    cwrap(name: string, returnType: null, argTypes: string[]): unknown;
  };
  wasmMatMul = wasm.cwrap('BatchMatMul', null, [
    'number',
    'array',
    'number',
    'number',
    'array',
    'number',
    'number',
    'number',
    'number',
  ]) as WasmMatMul;
}

function shapeBytes(shape: number[]): Uint8Array {
  return new Uint8Array(new Int32Array(shape).buffer);
}

/**
 * Writes the transposed patch matrix: row `(fy, fx, c)` holds, for every output position of
 * every example, the input value that filter tap meets there (zero in the padding).
 */
function fillPatchesTransposed(
  patches: Float32Array,
  x: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  const positions = batchSize * outHeight * outWidth;
  for (let fy = 0; fy < filterHeight; fy++) {
    for (let fx = 0; fx < filterWidth; fx++) {
      for (let c = 0; c < inChannels; c++) {
        const rowStart = ((fy * filterWidth + fx) * inChannels + c) * positions;
        let column = 0;
        for (let b = 0; b < batchSize; b++) {
          for (let oy = 0; oy < outHeight; oy++) {
            const iy = oy * strideHeight + fy - padTop;
            const rowInside = iy >= 0 && iy < inHeight;
            const rowOffset = ((b * inHeight + iy) * inWidth) * inChannels + c;
            for (let ox = 0; ox < outWidth; ox++, column++) {
              const ix = ox * strideWidth + fx - padLeft;
              const inside = rowInside && ix >= 0 && ix < inWidth;
              patches[rowStart + column] = inside ? x[rowOffset + ix * inChannels] : 0;
            }
          }
        }
      }
    }
  }
}

function conv2DBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter on wasm supports NHWC only; got ${dataFormat}.`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const taps = info.filterHeight * info.filterWidth * info.inChannels;
  const patches = backend.makeOutput([1, taps, positions], 'float32');
  const out = backend.makeOutput([1, taps, info.outChannels], 'float32');
  // Views are taken after both allocations, since an allocation can grow the heap.
  fillPatchesTransposed(
    backend.typedArrayFromHeap(patches) as Float32Array,
    backend.typedArrayFromHeap(x) as Float32Array,
    info,
  );
  const ids = backend.dataIdMap;
  wasmMatMul!(
    ids.get(patches.dataId)!.id,
    shapeBytes([1, taps, positions]),
    3,
    ids.get(dy.dataId)!.id,
    shapeBytes([1, positions, info.outChannels]),
    3,
    false,
    false,
    ids.get(out.dataId)!.id,
  );
  backend.disposeData(patches.dataId);
  return { ...out, shape: [...filterShape] };
}

/** Registers with `registerKernel`; its setup binds the wasm module's matrix product. */
export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  setupFunc: setupMatMul,
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
