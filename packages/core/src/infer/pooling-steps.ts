/** @module The forward steps of max, average and min pooling, windowed and global. */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BeatShape, ForwardStep, LayerSteps } from './forward-step';
import { configChoice, configInteger, outputSteps, samePadding } from './layer-config';

/** A pooling layer's windows: window t covers [t * stride - before, + poolSize). */
export interface PoolingWindow {
  poolSize: number;
  stride: number;
  before: number;
  outSteps: number;
}

/** The windows of a windowed pooling layer over a sequence of `steps`. */
export function poolingWindow(layer: tfl.layers.Layer, steps: number): PoolingWindow {
  const config = layer.getConfig();
  const poolSize = configInteger(config, 'poolSize');
  const stride = configInteger(config, 'strides', poolSize);
  const padding = configChoice(config, 'padding', ['valid', 'same']);
  const outSteps = outputSteps(layer);
  const before = padding === 'same' ? samePadding(steps, outSteps, stride, poolSize).before : 0;
  return { poolSize, stride, before, outSteps };
}

/** A windowed pooling layer; windows hanging over the ends see only the steps inside. */
export function poolingSteps(layer: tfl.layers.Layer, shape: BeatShape, kind: number): LayerSteps {
  const { poolSize, stride, before, outSteps } = poolingWindow(layer, shape.steps);
  const step: ForwardStep = {
    inPlace: false,
    outputFloats: outSteps * shape.channels,
    scratchFloats: 0,
    run: (kernels, { beats, input, output }) =>
      kernels.pool1d(
        input,
        beats,
        shape.steps,
        shape.channels,
        output,
        outSteps,
        poolSize,
        stride,
        before,
        kind,
      ),
  };
  return { steps: [step], shape: { steps: outSteps, channels: shape.channels } };
}

/** A global pooling layer: one value per channel. */
export function globalPoolingSteps(shape: BeatShape, kind: number): LayerSteps {
  const step: ForwardStep = {
    inPlace: false,
    outputFloats: shape.channels,
    scratchFloats: 0,
    run: (kernels, { beats, input, output }) =>
      kernels.global_pool1d(input, beats, shape.steps, shape.channels, output, kind),
  };
  return { steps: [step], shape: { steps: 1, channels: shape.channels } };
}
