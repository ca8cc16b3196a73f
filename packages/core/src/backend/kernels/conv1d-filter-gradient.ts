/**
 * @module The filter gradient of 1-D convolutions (tfjs runs them as 2-D with height 1) on the
 * SDK's own WASM SIMD kernel; other shapes go to the XNNPACK-based kernel.
 */
import {
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { gradientConvInfo } from './conv-info';
import { type OwnKernelRun, runOwnKernel } from './own-kernels';

interface FilterGradientArgs {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropFilterAttrs;
}

function oneDimensional(args: FilterGradientArgs): TensorInfo | undefined {
  const { inputs, backend, attrs } = args;
  const xShape = inputs.x.shape as [number, number, number, number];
  const info = gradientConvInfo(Conv2DBackpropFilter, attrs, xShape, attrs.filterShape);
  if (info.inHeight !== 1 || info.filterHeight !== 1) return undefined;
  const run: OwnKernelRun = ({ kernels }, [x, dy], [dw]) =>
    kernels.conv1d_filter_gradient(
      x!,
      info.batchSize,
      info.inWidth,
      info.inChannels,
      dy!,
      info.outWidth,
      info.outChannels,
      info.filterWidth,
      info.strideWidth,
      info.padInfo.left,
      dw!,
    );
  return runOwnKernel(backend, [inputs.x, inputs.dy], [[...attrs.filterShape]], run)?.[0];
}

function conv1dFilterGradient(args: FilterGradientArgs): TensorInfo {
  const reference = conv2DBackpropFilterConfig.kernelFunc as unknown as (
    args: FilterGradientArgs,
  ) => TensorInfo;
  return oneDimensional(args) ?? reference(args);
}

/** Replaces the XNNPACK-based filter gradient while the fast kernels are on. */
export const conv1dFilterGradientConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv1dFilterGradient as unknown as KernelFunc,
};
