/**
 * @module The input gradient of a 2-D convolution for the wasm backend, on XNNPACK.
 *
 * tfjs-backend-wasm 4.22 loops over every output and filter tap in scalar code. With stride 1
 * the gradient is itself a convolution (of `dy`, padded, with the filter flipped and its
 * channels swapped), which wasm's own Conv2D runs. Otherwise the gradient of every patch is
 * `dy · filterᵀ` (one XNNPACK product), added back onto the input positions it was cut from.
 */
import {
  backend_util,
  Conv2D,
  type Conv2DAttrs,
  Conv2DBackpropInput,
  getKernel,
  type NamedAttrMap,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { gradientConvInfo } from './conv-info';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  allocateMatrix,
  asMatrix,
  freeMatrices,
  heapView,
  multiplyInto,
  transposed,
} from './wasm-heap';

/** Adds each patch gradient row onto the input positions its taps read (zero padding skipped). */
function addPatchesBack(
  dx: Float32Array,
  patches: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const taps = filterHeight * filterWidth * inChannels;
  dx.fill(0);
  let row = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, row++) {
        for (let fy = 0; fy < filterHeight; fy++) {
          const iy = oy * strideHeight + fy - info.padInfo.top;
          if (iy < 0 || iy >= inHeight) continue;
          for (let fx = 0; fx < filterWidth; fx++) {
            const ix = ox * strideWidth + fx - info.padInfo.left;
            if (ix < 0 || ix >= inWidth) continue;
            const to = ((b * inHeight + iy) * inWidth + ix) * inChannels;
            const from = row * taps + (fy * filterWidth + fx) * inChannels;
            for (let c = 0; c < inChannels; c++) dx[to + c]! += patches[from + c]!;
          }
        }
      }
    }
  }
}

/**
 * The filter of an input gradient taken as a convolution: `to[tap][out][in]` is
 * `from[taps - 1 - tap][in][out]`, taps reversed and channels swapped.
 */
export function flipFilter(
  from: Float32Array,
  to: Float32Array,
  taps: number,
  inChannels: number,
  outChannels: number,
): void {
  for (let tap = 0; tap < taps; tap++) {
    const source = (taps - 1 - tap) * inChannels * outChannels;
    for (let c = 0; c < inChannels; c++) {
      for (let o = 0; o < outChannels; o++)
        to[(tap * outChannels + o) * inChannels + c] = from[source + c * outChannels + o]!;
    }
  }
}

/** The filter for the gradient as a convolution, as a new tensor (see {@link flipFilter}). */
function flippedFilter(
  backend: BackendWasm,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const flipped = backend.makeOutput(
    [filterHeight, filterWidth, outChannels, inChannels],
    'float32',
  );
  const taps = filterHeight * filterWidth;
  flipFilter(heapView(backend, filter), heapView(backend, flipped), taps, inChannels, outChannels);
  return flipped;
}

/** The gradient as a convolution of `dy`, or undefined when the strides or padding rule it out. */
function viaConvolution(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | undefined {
  const { filterHeight, filterWidth, padInfo } = info;
  const pads = [
    filterHeight - 1 - padInfo.top,
    filterHeight - 1 - padInfo.bottom,
    filterWidth - 1 - padInfo.left,
    filterWidth - 1 - padInfo.right,
  ];
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || pads.some((p) => p < 0))
    return undefined;
  const flipped = flippedFilter(backend, filter, info);
  const attrs: Conv2DAttrs = {
    strides: [1, 1],
    pad: [
      [0, 0],
      [pads[0]!, pads[1]!],
      [pads[2]!, pads[3]!],
      [0, 0],
    ],
    dataFormat: 'NHWC',
    dilations: [1, 1],
  };
  const convolve = getKernel(Conv2D, 'wasm')!.kernelFunc;
  const dx = convolve({
    inputs: { x: dy, filter: flipped },
    backend,
    attrs: attrs as unknown as NamedAttrMap,
  }) as TensorInfo;
  backend.disposeData(flipped.dataId);
  return dx;
}

function viaPatches(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
  inputShape: number[],
): TensorInfo {
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const taps = info.filterHeight * info.filterWidth * info.inChannels;
  const filterT = transposed(backend, asMatrix(filter, taps, info.outChannels));
  const patches = allocateMatrix(backend, positions, taps);
  const dx = backend.makeOutput([...inputShape], 'float32');
  multiplyInto(backend, asMatrix(dy, positions, info.outChannels), filterT, patches);
  addPatchesBack(heapView(backend, dx), heapView(backend, patches), info);
  freeMatrices(backend, filterT, patches);
  return dx;
}

function conv2DBackpropInput(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropInputAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { inputShape } = attrs;
  const info = gradientConvInfo(
    Conv2DBackpropInput,
    attrs,
    inputShape,
    inputs.filter.shape as [number, number, number, number],
  );
  return (
    viaConvolution(backend, inputs.dy, inputs.filter, info) ??
    viaPatches(backend, inputs.dy, inputs.filter, info, inputShape)
  );
}

/** Replaces tfjs-backend-wasm's Conv2DBackpropInput while the fast kernels are on. */
export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput as unknown as KernelFunc,
};
