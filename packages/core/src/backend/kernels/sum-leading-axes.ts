/**
 * @module Sum over every axis but the last (a bias's gradient, which tfjs-layers takes over
 * batch and steps) on the SDK's own WASM kernel. tfjs-backend-wasm transposes the tensor
 * first to reduce over the outer axes; other reductions run its own Sum.
 */
import {
  type KernelConfig,
  type KernelFunc,
  type SumAttrs,
  type TensorInfo,
  util,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { type OwnKernelRun, runOwnKernel } from './own-kernels';

interface SumArgs {
  inputs: { x: TensorInfo };
  backend: BackendWasm;
  attrs: SumAttrs;
}

type Run = (args: SumArgs) => TensorInfo;

function reducesLeadingAxes({ inputs, attrs }: SumArgs): boolean {
  const rank = inputs.x.shape.length;
  if (inputs.x.dtype !== 'float32' || rank < 2) return false;
  const axes = util.parseAxisParam(attrs.axis, inputs.x.shape).sort((a, b) => a - b);
  return axes.length === rank - 1 && axes.every((axis, index) => axis === index);
}

function sumLeadingAxes(args: SumArgs, original: Run): TensorInfo {
  if (!reducesLeadingAxes(args)) return original(args);
  const { backend, inputs, attrs } = args;
  const shape = inputs.x.shape;
  const columns = shape[shape.length - 1]!;
  const outShape = attrs.keepDims ? [...shape.slice(0, -1).map(() => 1), columns] : [columns];
  const rows = util.sizeFromShape(shape) / columns;
  const run: OwnKernelRun = ({ kernels }, [x], [sums]) =>
    kernels.sum_rows(x!, rows, columns, sums!);
  return runOwnKernel(backend, [inputs.x], [outShape], run)?.[0] ?? original(args);
}

/** The replacement of `original` (tfjs-backend-wasm's Sum) while the fast kernels are on. */
export function sumLeadingAxesConfig(original: KernelConfig): KernelConfig {
  const run = original.kernelFunc as unknown as Run;
  return {
    ...original,
    kernelFunc: ((args: SumArgs) => sumLeadingAxes(args, run)) as unknown as KernelFunc,
  };
}
