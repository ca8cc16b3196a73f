/**
 * @module The gradient of Conv2D, extended to dilation rates above 1.
 *
 * tfjs-core's own gradient refuses dilated convolutions. A dilated filter is the same as an
 * undilated one with zeros between its taps, so the gradients are taken through that expanded
 * filter and the gradient of the taps that exist is picked back out.
 */
import {
  Conv2D,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  engine,
  type Conv2DAttrs,
  type GradConfig,
  type NamedAttrMap,
  pad,
  reshape,
  slice,
  stack,
  type Tensor,
  type Tensor4D,
  zerosLike,
} from '@tensorflow/tfjs-core';

function asPair(value: number | [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : value;
}

/** Puts `rate - 1` zeros between the taps along `axis` (0 for height, 1 for width). */
function spreadTaps(filter: Tensor4D, axis: 0 | 1, rate: number): Tensor4D {
  if (rate === 1) return filter;
  const [height, width, inChannels, outChannels] = filter.shape;
  const taps = axis === 0 ? height : width;
  const withGaps = stack(
    [filter, ...Array.from({ length: rate - 1 }, () => zerosLike(filter))],
    axis + 1,
  );
  const shape: [number, number, number, number] =
    axis === 0
      ? [height * rate, width, inChannels, outChannels]
      : [height, width * rate, inChannels, outChannels];
  const spread = reshape(withGaps, shape) as Tensor4D;
  const size = [...shape] as [number, number, number, number];
  size[axis] = (taps - 1) * rate + 1;
  return slice(spread, [0, 0, 0, 0], size);
}

/** The inverse of `spreadTaps` for a gradient: keeps every `rate`-th tap along `axis`. */
function gatherTaps(gradient: Tensor4D, axis: 0 | 1, rate: number, taps: number): Tensor4D {
  if (rate === 1) return gradient;
  const padding: [number, number][] = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  padding[axis] = [0, taps * rate - gradient.shape[axis]];
  const full = pad(gradient, padding);
  const [height, width, inChannels, outChannels] = full.shape;
  const grouped =
    axis === 0
      ? reshape(full, [taps, rate, width, inChannels, outChannels])
      : reshape(full, [height, taps, rate, inChannels, outChannels]);
  const begin = [0, 0, 0, 0, 0];
  const size = [...grouped.shape];
  size[axis + 1] = 1;
  const picked = slice(grouped, begin, size);
  const shape = [...full.shape] as [number, number, number, number];
  shape[axis] = taps;
  return reshape(picked, shape) as Tensor4D;
}

function backpropAttrs(attrs: Conv2DAttrs) {
  return {
    strides: attrs.strides,
    pad: attrs.pad,
    dataFormat: attrs.dataFormat,
    ...(attrs.dimRoundingMode === undefined ? {} : { dimRoundingMode: attrs.dimRoundingMode }),
  };
}

// tfjs-core keeps its conv2DBackpropInput and conv2DBackpropFilter ops private, so the two
// kernels are run directly, as those ops would run them.
function inputGradient(x: Tensor4D, dy: Tensor4D, filter: Tensor4D, attrs: Conv2DAttrs): Tensor4D {
  const kernelAttrs: Conv2DBackpropInputAttrs = { ...backpropAttrs(attrs), inputShape: x.shape };
  const inputs = { dy, filter };
  return engine().runKernel(
    Conv2DBackpropInput,
    inputs,
    kernelAttrs as unknown as NamedAttrMap,
  ) as Tensor4D;
}

function filterGradient(
  x: Tensor4D,
  dy: Tensor4D,
  filterShape: Tensor4D['shape'],
  attrs: Conv2DAttrs,
): Tensor4D {
  const kernelAttrs: Conv2DBackpropFilterAttrs = { ...backpropAttrs(attrs), filterShape };
  return engine().runKernel(
    Conv2DBackpropFilter,
    { x, dy },
    kernelAttrs as unknown as NamedAttrMap,
  ) as Tensor4D;
}

/** Registered in place of tfjs-core's Conv2D gradient by `initBackend`. */
export const conv2DGradientConfig: GradConfig = {
  kernelName: Conv2D,
  inputsToSave: ['x', 'filter'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const [x, filter] = saved as [Tensor4D, Tensor4D];
    const convAttrs = attrs as unknown as Conv2DAttrs;
    const [rateHeight, rateWidth] = asPair(convAttrs.dilations);
    const spread = spreadTaps(spreadTaps(filter, 0, rateHeight), 1, rateWidth);
    const gradient = dy as Tensor4D;
    return {
      x: () => inputGradient(x, gradient, spread, convAttrs),
      filter: () => {
        const spreadGradient = filterGradient(x, gradient, spread.shape, convAttrs);
        const [taps0, taps1] = filter.shape;
        return gatherTaps(gatherTaps(spreadGradient, 1, rateWidth, taps1), 0, rateHeight, taps0);
      },
    };
  },
};
