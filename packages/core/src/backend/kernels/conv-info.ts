/** @module The convolution geometry both convolution-gradient kernels start from. */
import { backend_util, type Conv2DBackpropFilterAttrs } from '@tensorflow/tfjs-core';
import { UsageError } from '../../errors';

type Shape4D = [number, number, number, number];

/**
 * The forward convolution's info for a gradient kernel, NHWC only, dilation 1 (the SDK's
 * Conv2D gradient turns dilated filters into undilated ones first).
 *
 * @throws {UsageError} for NCHW data.
 */
export function gradientConvInfo(
  kernelName: string,
  attrs: Pick<Conv2DBackpropFilterAttrs, 'strides' | 'pad' | 'dataFormat' | 'dimRoundingMode'>,
  inputShape: Shape4D,
  filterShape: Shape4D,
): backend_util.Conv2DInfo {
  if (attrs.dataFormat !== 'NHWC') {
    throw new UsageError(
      `${kernelName} on wasm supports NHWC only; got ${attrs.dataFormat}. Use channelsLast layers.`,
    );
  }
  const { strides, pad, dimRoundingMode } = attrs;
  return backend_util.computeConv2DInfo(
    inputShape,
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
}
