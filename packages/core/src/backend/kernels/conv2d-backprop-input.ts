/**
 * @module The input gradient of a 2-D convolution for the wasm backend, as one matrix product.
 *
 * tfjs-backend-wasm 4.22 loops over every output and filter tap in scalar code. Here the
 * gradient of every patch is `dy · filterᵀ` (one XNNPACK product), and the patches are then
 * added back onto the input positions they were cut from (col2im).
 */
import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { UsageError } from '../../errors';
import { allocateMatrix, asMatrix, freeMatrices, heapView, multiplyInto, transposed } from './wasm-heap';

/** Adds each patch gradient row onto the input positions its taps read (zero padding skipped). */
function addPatchesBack(dx: Float32Array, patches: Float32Array, info: backend_util.Conv2DInfo): void {
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

function conv2DBackpropInput(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropInputAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
  if (dataFormat !== 'NHWC') {
    throw new UsageError(
      `Conv2DBackpropInput on wasm supports NHWC only; got ${dataFormat}. Use channelsLast layers.`,
    );
  }
  const filterShape = inputs.filter.shape as [number, number, number, number];
  const info = backend_util.computeConv2DInfo(
    inputShape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast',
  );
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const taps = info.filterHeight * info.filterWidth * info.inChannels;
  const filterT = transposed(backend, asMatrix(inputs.filter, taps, info.outChannels));
  const patches = allocateMatrix(backend, positions, taps);
  const dx = backend.makeOutput([...inputShape], 'float32');
  multiplyInto(backend, asMatrix(inputs.dy, positions, info.outChannels), filterT, patches);
  addPatchesBack(heapView(backend, dx), heapView(backend, patches), info);
  freeMatrices(backend, filterT, patches);
  return dx;
}

/** Replaces tfjs-backend-wasm's Conv2DBackpropInput while the fast kernels are on. */
export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput as unknown as KernelFunc,
};
