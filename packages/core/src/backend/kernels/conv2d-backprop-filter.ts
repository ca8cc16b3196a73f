/**
 * @module The filter gradient of a 2-D convolution for the wasm backend, missing in tfjs 4.22.
 *
 * With stride 1 the gradient is itself a convolution, of the input with its batch and
 * channel axes swapped by `dy` laid out as a filter, which wasm's own Conv2D runs on XNNPACK.
 * Otherwise the patches the filter met are laid out transposed (im2col), and the gradient is
 * `patchesᵀ · dy`, one XNNPACK product.
 */
import {
  backend_util,
  Conv2D,
  type Conv2DAttrs,
  Conv2DBackpropFilter,
  getKernel,
  type NamedAttrMap,
  Transpose,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { gradientConvInfo } from './conv-info';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocateMatrix, asMatrix, freeMatrices, heapView, multiplyInto } from './wasm-heap';

/** Copies NHWC `x` into channel-major order, `[channels, batch · height · width]`. */
function channelMajor(x: Float32Array, channels: number, out: Float32Array): void {
  const pixels = x.length / channels;
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < channels; c++) out[c * pixels + p] = x[p * channels + c]!;
  }
}

/**
 * Writes the transposed patch matrix: row `(fy, fx, c)` holds, for every output position of
 * every example, the input value that filter tap meets there (zero in the padding). It reads
 * the channel-major input, so that each row is filled from one contiguous run.
 */
function fillPatchesTransposed(
  patches: Float32Array,
  planes: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const plane = batchSize * inHeight * inWidth;
  let column = 0;
  for (let tap = 0; tap < filterHeight * filterWidth * inChannels; tap++) {
    const c = tap % inChannels;
    const fx = Math.floor(tap / inChannels) % filterWidth;
    const fy = Math.floor(tap / (inChannels * filterWidth));
    for (let b = 0; b < batchSize; b++) {
      for (let oy = 0; oy < outHeight; oy++) {
        const iy = oy * strideHeight + fy - info.padInfo.top;
        const rowInside = iy >= 0 && iy < inHeight;
        const rowStart = c * plane + (b * inHeight + iy) * inWidth;
        for (let ox = 0; ox < outWidth; ox++, column++) {
          const ix = ox * strideWidth + fx - info.padInfo.left;
          patches[column] = rowInside && ix >= 0 && ix < inWidth ? planes[rowStart + ix]! : 0;
        }
      }
    }
  }
}

function runWasmKernel(
  name: string,
  inputs: Record<string, TensorInfo>,
  backend: BackendWasm,
  attrs: object,
): TensorInfo {
  const run = getKernel(name, 'wasm')!.kernelFunc;
  return run({ inputs, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
}

/** The gradient as a convolution, or undefined when the strides rule it out. */
function viaConvolution(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | undefined {
  if (info.strideHeight !== 1 || info.strideWidth !== 1) return undefined;
  const { top, bottom, left, right } = info.padInfo;
  // x as [channels, height, width, batch]; dy as a filter [outHeight, outWidth, batch, out].
  const images = runWasmKernel(Transpose, { x }, backend, { perm: [3, 1, 2, 0] });
  const filter = runWasmKernel(Transpose, { x: dy }, backend, { perm: [1, 2, 0, 3] });
  const attrs: Conv2DAttrs = {
    strides: [1, 1],
    pad: [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ],
    dataFormat: 'NHWC',
    dilations: [1, 1],
  };
  const byChannel = runWasmKernel(Conv2D, { x: images, filter }, backend, attrs);
  const gradient = runWasmKernel(Transpose, { x: byChannel }, backend, { perm: [1, 2, 0, 3] });
  for (const scratch of [images, filter, byChannel]) backend.disposeData(scratch.dataId);
  return gradient;
}

function viaPatches(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
  filterShape: number[],
): TensorInfo {
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const taps = info.filterHeight * info.filterWidth * info.inChannels;
  const planes = allocateMatrix(
    backend,
    info.inChannels,
    x.shape.reduce((a, b) => a * b) / info.inChannels,
  );
  const patches = allocateMatrix(backend, taps, positions);
  const out = backend.makeOutput([...filterShape], 'float32');
  channelMajor(heapView(backend, x), info.inChannels, heapView(backend, planes));
  fillPatchesTransposed(heapView(backend, patches), heapView(backend, planes), info);
  multiplyInto(
    backend,
    patches,
    asMatrix(dy, positions, info.outChannels),
    asMatrix(out, taps, info.outChannels),
  );
  freeMatrices(backend, planes, patches);
  return out;
}

function conv2DBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { filterShape } = attrs;
  const info = gradientConvInfo(
    Conv2DBackpropFilter,
    attrs,
    inputs.x.shape as [number, number, number, number],
    filterShape,
  );
  return (
    viaConvolution(backend, inputs.x, inputs.dy, info) ??
    viaPatches(backend, inputs.x, inputs.dy, info, filterShape)
  );
}

/** Registers with `registerKernel`; wasm has no filter gradient of its own. */
export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
