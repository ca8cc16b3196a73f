/** @module The forward steps of Conv1D, Dense and the zero padding before a convolution. */
import type * as tfl from '@tensorflow/tfjs-layers';
import { activationCode } from './forward-activations';
import type { ForwardMemory } from './forward-memory';
import type { BeatShape, ForwardStep, LayerSteps } from './forward-step';
import { inPlaceStep, UnsupportedForward } from './forward-step';
import {
  configChoice,
  configInteger,
  layerWeights,
  outputSteps,
  samePadding,
} from './layer-config';

/** Zeros before and after each beat's sequence. */
export function padStep(shape: BeatShape, before: number, after: number): LayerSteps {
  const padded = { steps: shape.steps + before + after, channels: shape.channels };
  const step: ForwardStep = {
    inPlace: false,
    outputFloats: padded.steps * padded.channels,
    scratchFloats: 0,
    run: (kernels, { beats, input, output }) =>
      kernels.pad1d(input, beats, shape.steps, shape.channels, before, after, output),
  };
  return { steps: [step], shape: padded };
}

interface ConvGeometry {
  kernelSize: number;
  stride: number;
  dilation: number;
  outSteps: number;
  outChannels: number;
  activation: number;
}

function convStep(
  shape: BeatShape,
  geometry: ConvGeometry,
  kernel: number,
  bias: number,
): ForwardStep {
  const { kernelSize, stride, dilation, outSteps, outChannels, activation } = geometry;
  return {
    inPlace: false,
    outputFloats: outSteps * outChannels,
    scratchFloats: 0,
    run: (kernels, { beats, input, output }) =>
      kernels.conv1d(
        input,
        beats,
        shape.steps,
        shape.channels,
        kernel,
        bias,
        kernelSize,
        stride,
        dilation,
        output,
        outSteps,
        outChannels,
        activation,
        0,
      ),
  };
}

/**
 * Input channels from which Winograd's transforms pay for themselves: measured on the recipe,
 * 32 → 32 channels ran 14 % faster, 16 → 16 and 16 → 32 up to 8 % slower.
 */
const WINOGRAD_MIN_IN_CHANNELS = 32;

/** Whether a convolution of this geometry runs as Winograd's F(2, 3). */
export function winogradApplies(
  geometry: Pick<ConvGeometry, 'kernelSize' | 'stride' | 'dilation'>,
  inChannels: number,
): boolean {
  const { kernelSize, stride, dilation } = geometry;
  return (
    kernelSize === 3 && stride === 1 && dilation === 1 && inChannels >= WINOGRAD_MIN_IN_CHANNELS
  );
}

/** Floats of the F(2, 3) transform of a `[3][in][out]` kernel: `[4][in][out]`. */
export function winogradKernelFloats(inChannels: number, outChannels: number): number {
  return 4 * inChannels * outChannels;
}

/** Floats of scratch a Winograd convolution needs per beat (see winograd.c). */
export function winogradScratchFloats(
  outSteps: number,
  inChannels: number,
  outChannels: number,
): number {
  return 4 * Math.ceil(outSteps / 2) * (inChannels + outChannels);
}

function winogradStep(
  shape: BeatShape,
  geometry: ConvGeometry,
  kernel: number,
  bias: number,
): ForwardStep {
  const { outSteps, outChannels, activation } = geometry;
  return {
    inPlace: false,
    outputFloats: outSteps * outChannels,
    scratchFloats: winogradScratchFloats(outSteps, shape.channels, outChannels),
    run: (kernels, { beats, input, output, scratch }) =>
      kernels.conv1d_winograd3(
        input,
        beats,
        shape.channels,
        kernel,
        bias,
        output,
        outSteps,
        outChannels,
        activation,
        0,
        scratch,
      ),
  };
}

/** A Conv1D layer's geometry over `steps` input steps, with the zeros 'same' pads around. */
export interface Conv1dGeometry {
  kernelSize: number;
  stride: number;
  dilation: number;
  outSteps: number;
  outChannels: number;
  before: number;
  after: number;
}

/** Reads a Conv1D layer's geometry ('valid' or 'same') for an input of `steps` steps. */
export function conv1dGeometry(layer: tfl.layers.Layer, steps: number): Conv1dGeometry {
  const config = layer.getConfig();
  const padding = configChoice(config, 'padding', ['valid', 'same']);
  const kernelSize = configInteger(config, 'kernelSize');
  const stride = configInteger(config, 'strides', 1);
  const dilation = configInteger(config, 'dilationRate', 1);
  const outSteps = outputSteps(layer);
  const span = (kernelSize - 1) * dilation + 1;
  const { before, after } =
    padding === 'same' ? samePadding(steps, outSteps, stride, span) : { before: 0, after: 0 };
  const outChannels = configInteger(config, 'filters');
  return { kernelSize, stride, dilation, outSteps, outChannels, before, after };
}

/** Conv1D: 'valid' as it is, 'same' after zero padding; bias and activation fused. */
export function conv1dSteps(
  layer: tfl.layers.Layer,
  shape: BeatShape,
  memory: ForwardMemory,
): LayerSteps {
  const [kernel, bias] = layerWeights(layer);
  const { before, after, ...sizes } = conv1dGeometry(layer, shape.steps);
  const geometry: ConvGeometry = {
    ...sizes,
    activation: activationCode(layer.getConfig()['activation']),
  };
  const steps: ForwardStep[] = [];
  let convInput = shape;
  if (before + after > 0) {
    const pad = padStep(shape, before, after);
    steps.push(...pad.steps);
    convInput = pad.shape;
  }
  if (kernel === undefined) throw new UnsupportedForward('a Conv1D without a kernel');
  const biasPointer = bias === undefined ? 0 : memory.store(bias);
  if (winogradApplies(geometry, convInput.channels)) {
    const { channels } = convInput;
    const transformed = memory.reserve(winogradKernelFloats(channels, geometry.outChannels));
    memory.kernels.winograd3_kernel(
      memory.store(kernel),
      channels,
      geometry.outChannels,
      transformed,
    );
    steps.push(winogradStep(convInput, geometry, transformed, biasPointer));
  } else {
    steps.push(convStep(convInput, geometry, memory.store(kernel), biasPointer));
  }
  return { steps, shape: { steps: geometry.outSteps, channels: geometry.outChannels } };
}

/** Dense over the last axis (of a vector, or of every step), then softmax if it has one. */
export function denseSteps(
  layer: tfl.layers.Layer,
  shape: BeatShape,
  memory: ForwardMemory,
): LayerSteps {
  const config = layer.getConfig();
  const softmax = config['activation'] === 'softmax';
  const [kernel, bias] = layerWeights(layer);
  if (kernel === undefined) throw new UnsupportedForward('a Dense without a kernel');
  const units = configInteger(config, 'units');
  const geometry: ConvGeometry = {
    kernelSize: 1,
    stride: 1,
    dilation: 1,
    outSteps: shape.steps,
    outChannels: units,
    activation: softmax ? activationCode('linear') : activationCode(config['activation']),
  };
  const biasPointer = bias === undefined ? 0 : memory.store(bias);
  const out = { steps: shape.steps, channels: units };
  const steps = [convStep(shape, geometry, memory.store(kernel), biasPointer)];
  if (softmax) {
    steps.push(
      inPlaceStep(out, (kernels, values, beats) =>
        kernels.softmax(values, beats * out.steps, units),
      ),
    );
  }
  return { steps, shape: out };
}
