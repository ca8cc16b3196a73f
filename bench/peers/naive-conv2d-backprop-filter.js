/**
 * @module The minimal Conv2DBackpropFilter a plain tfjs 4.22 wasm user would add: a plain
 * JavaScript loop over the wasm heap. tfjs-backend-wasm 4.22 has no such kernel, so without
 * one no Conv1D/Conv2D model can train there.
 */
'use strict';

const { backend_util } = require('@tensorflow/tfjs-core');

/** dW[fy, fx, c, o] = sum over examples and output positions of x at that tap times dy. */
function accumulateFilterGradient(x, dy, dw, info) {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  for (let fy = 0; fy < filterHeight; fy++) {
    for (let fx = 0; fx < filterWidth; fx++) {
      for (let c = 0; c < inChannels; c++) {
        for (let o = 0; o < outChannels; o++) {
          let sum = 0;
          for (let b = 0; b < batchSize; b++) {
            for (let oy = 0; oy < outHeight; oy++) {
              const iy = oy * strideHeight + fy - padInfo.top;
              if (iy < 0 || iy >= inHeight) continue;
              for (let ox = 0; ox < outWidth; ox++) {
                const ix = ox * strideWidth + fx - padInfo.left;
                if (ix < 0 || ix >= inWidth) continue;
                const xValue = x[((b * inHeight + iy) * inWidth + ix) * inChannels + c];
                sum += xValue * dy[((b * outHeight + oy) * outWidth + ox) * outChannels + o];
              }
            }
          }
          dw[((fy * filterWidth + fx) * inChannels + c) * outChannels + o] = sum;
        }
      }
    }
  }
}

function naiveConv2DBackpropFilter({ inputs, backend, attrs }) {
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (dataFormat !== 'NHWC') {
    throw new Error(`The naive Conv2DBackpropFilter supports NHWC only; received ${dataFormat}.`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape,
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const dw = new Float32Array(filterShape.reduce((size, dimension) => size * dimension, 1));
  accumulateFilterGradient(backend.readSync(x.dataId), backend.readSync(dy.dataId), dw, info);
  const out = backend.makeOutput(filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(dw);
  return out;
}

/** The kernel config to pass to tfjs-core's `registerKernel`. */
const naiveConv2DBackpropFilterConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: naiveConv2DBackpropFilter,
};

module.exports = { naiveConv2DBackpropFilterConfig };
