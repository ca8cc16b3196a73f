/**
 * @module Conv2D of height 1 (how tfjs runs Conv1D) on the SDK's own WASM SIMD kernels:
 * zero padding, then the register-tiled convolution or Winograd's F(2, 3). Other shapes run
 * tfjs-backend-wasm's own Conv2D. The input gradient with stride 1 is such a convolution too
 * (see `conv2d-backprop-input.ts`), so it comes here as well.
 */
import {
  backend_util,
  type Conv2DAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { ForwardMemory } from '../../infer/forward-memory';
import type { Pointer } from '../../infer/forward-module';
import {
  winogradApplies,
  winogradKernelFloats,
  winogradScratchFloats,
} from '../../infer/conv-steps';
import { copyIn, type OwnKernelRun, runOwnKernel } from './own-kernels';

interface Conv2DArgs {
  inputs: { x: TensorInfo; filter: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DAttrs;
}

type Run = (args: Conv2DArgs) => TensorInfo;

function convInfo({ inputs, attrs }: Conv2DArgs): backend_util.Conv2DInfo {
  const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs;
  return backend_util.computeConv2DInfo(
    inputs.x.shape as [number, number, number, number],
    inputs.filter.shape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
}

function isOneDimensional(info: backend_util.Conv2DInfo, attrs: Conv2DAttrs): boolean {
  const { left, right } = info.padInfo;
  const channelsLast = attrs.dataFormat === 'NHWC';
  return channelsLast && info.inHeight === 1 && info.filterHeight === 1 && left >= 0 && right >= 0;
}

/** x zero-padded along its steps, or x itself without padding. */
function padded(memory: ForwardMemory, x: Pointer, info: backend_util.Conv2DInfo): Pointer {
  const { left, right } = info.padInfo;
  if (left === 0 && right === 0) return x;
  const { batchSize, inWidth, inChannels } = info;
  const out = memory.reserve(batchSize * (inWidth + left + right) * inChannels);
  memory.kernels.pad1d(x, batchSize, inWidth, inChannels, left, right, out);
  return out;
}

function convolve(
  memory: ForwardMemory,
  args: Conv2DArgs,
  info: backend_util.Conv2DInfo,
  [input, y]: [Pointer, Pointer],
): void {
  const { batchSize, inWidth, inChannels, outWidth, outChannels, filterWidth } = info;
  const { strideWidth, dilationWidth, padInfo } = info;
  const x = padded(memory, input, info);
  const geometry = { kernelSize: filterWidth, stride: strideWidth, dilation: dilationWidth };
  if (winogradApplies(geometry, inChannels)) {
    const kernel = memory.reserve(winogradKernelFloats(inChannels, outChannels));
    const raw = copyIn(memory, args.backend, args.inputs.filter);
    memory.kernels.winograd3_kernel(raw, inChannels, outChannels, kernel);
    const scratch = memory.reserve(winogradScratchFloats(outWidth, inChannels, outChannels));
    memory.kernels.conv1d_winograd3(
      x,
      batchSize,
      inChannels,
      kernel,
      0,
      y,
      outWidth,
      outChannels,
      0,
      0,
      scratch,
    );
    return;
  }
  const steps = inWidth + padInfo.left + padInfo.right;
  const kernel = copyIn(memory, args.backend, args.inputs.filter);
  memory.kernels.conv1d(
    x,
    batchSize,
    steps,
    inChannels,
    kernel,
    0,
    filterWidth,
    strideWidth,
    dilationWidth,
    y,
    outWidth,
    outChannels,
    0,
    0,
  );
}

function conv1dForward(args: Conv2DArgs, original: Run): TensorInfo {
  const info = convInfo(args);
  if (!isOneDimensional(info, args.attrs)) return original(args);
  const outShape = [info.batchSize, 1, info.outWidth, info.outChannels];
  const run: OwnKernelRun = (memory, [x], [y]) => convolve(memory, args, info, [x!, y!]);
  return runOwnKernel(args.backend, [args.inputs.x], [outShape], run)?.[0] ?? original(args);
}

/** The replacement of `original` (tfjs-backend-wasm's Conv2D) while the fast kernels are on. */
export function conv1dForwardConfig(original: KernelConfig): KernelConfig {
  const run = original.kernelFunc as unknown as Run;
  return {
    ...original,
    kernelFunc: ((args: Conv2DArgs) => conv1dForward(args, run)) as unknown as KernelFunc,
  };
}
