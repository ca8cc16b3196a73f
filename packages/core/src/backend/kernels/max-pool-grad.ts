/**
 * @module The gradient of 2-D max pooling for the wasm backend, in one pass over the outputs.
 *
 * Each output's gradient goes to the first largest input of its window in row-major order,
 * as on tfjs's cpu backend (ties are common after a ReLU).
 */
import {
  backend_util,
  type KernelConfig,
  type KernelFunc,
  MaxPoolGrad,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { POOLING_CODES } from '../../infer/forward-activations';
import { type OwnKernelRun, runOwnKernel } from './own-kernels';
import { heapView } from './wasm-heap';

/** Per channel, the largest value seen in the current window and its flat index in `x`. */
interface WindowBest {
  values: Float32Array;
  indices: Int32Array;
}

/** Finds, for every channel at once, the first largest input of one output's window. */
function findWindowMaxima(
  x: Float32Array,
  info: backend_util.Conv2DInfo,
  b: number,
  oy: number,
  ox: number,
  best: WindowBest,
): void {
  const { inHeight, inWidth, inChannels } = info;
  const top = oy * info.strideHeight - info.padInfo.top;
  const left = ox * info.strideWidth - info.padInfo.left;
  const [rowEnd, columnEnd] = [
    Math.min(top + info.filterHeight, inHeight),
    Math.min(left + info.filterWidth, inWidth),
  ];
  best.values.fill(Number.NEGATIVE_INFINITY);
  best.indices.fill(-1);
  for (let iy = Math.max(top, 0); iy < rowEnd; iy++) {
    for (let ix = Math.max(left, 0); ix < columnEnd; ix++) {
      const base = ((b * inHeight + iy) * inWidth + ix) * inChannels;
      for (let c = 0; c < inChannels; c++) {
        const value = x[base + c]!;
        if (value > best.values[c]!) {
          best.values[c] = value;
          best.indices[c] = base + c;
        }
      }
    }
  }
}

function routeGradient(
  dx: Float32Array,
  dy: Float32Array,
  x: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const channels = info.inChannels;
  const best: WindowBest = {
    values: new Float32Array(channels),
    indices: new Int32Array(channels),
  };
  dx.fill(0);
  let out = 0;
  for (let b = 0; b < info.batchSize; b++) {
    for (let oy = 0; oy < info.outHeight; oy++) {
      for (let ox = 0; ox < info.outWidth; ox++, out += channels) {
        findWindowMaxima(x, info, b, oy, ox, best);
        for (let c = 0; c < channels; c++) {
          const index = best.indices[c]!;
          if (index >= 0) dx[index]! += dy[out + c]!;
        }
      }
    }
  }
}

interface MaxPoolGradArgs {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: BackendWasm;
  attrs: MaxPoolGradAttrs;
}

/** The window's axis when the pooling is 1-D (tfjs-layers pools along the height). */
function sequenceAxis(info: backend_util.Conv2DInfo) {
  if (info.inWidth === 1 && info.filterWidth === 1) {
    const { inHeight: steps, outHeight: outSteps, filterHeight: size, strideHeight: stride } = info;
    return { steps, outSteps, size, stride, padBefore: info.padInfo.top };
  }
  if (info.inHeight === 1 && info.filterHeight === 1) {
    const { inWidth: steps, outWidth: outSteps, filterWidth: size, strideWidth: stride } = info;
    return { steps, outSteps, size, stride, padBefore: info.padInfo.left };
  }
  return undefined;
}

/** The 1-D case on the SDK's own WASM kernel; undefined when it does not apply. */
function routeOneDimensional(
  args: MaxPoolGradArgs,
  info: backend_util.Conv2DInfo,
): TensorInfo | undefined {
  const axis = sequenceAxis(info);
  if (axis === undefined) return undefined;
  const { backend, inputs } = args;
  const run: OwnKernelRun = ({ kernels }, [x, dy], [dx]) =>
    kernels.pool1d_gradient(
      x!,
      info.batchSize,
      axis.steps,
      info.inChannels,
      dy!,
      axis.outSteps,
      axis.size,
      axis.stride,
      axis.padBefore,
      POOLING_CODES.max,
      dx!,
    );
  return runOwnKernel(backend, [inputs.input, inputs.dy], [inputs.input.shape], run)?.[0];
}

function maxPoolGrad(args: MaxPoolGradArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const xShape = inputs.input.shape as [number, number, number, number];
  const info = backend_util.computePool2DInfo(xShape, filterSize, strides, 1, pad, dimRoundingMode);
  const own = routeOneDimensional(args, info);
  if (own !== undefined) return own;
  const dx = backend.makeOutput([...xShape], 'float32');
  routeGradient(
    heapView(backend, dx),
    heapView(backend, inputs.dy),
    heapView(backend, inputs.input),
    info,
  );
  return dx;
}

/** Replaces tfjs-backend-wasm's MaxPoolGrad while the fast kernels are on. */
export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};
