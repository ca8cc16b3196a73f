/**
 * @module The training stages of Conv1D and Dense (a dense layer is a convolution of one tap
 * over the rows): bias and activation fused into the forward call, the activation's derivative
 * taken from the output in the backward.
 */
import {
  conv1dGeometry,
  winogradApplies,
  winogradKernelFloats,
  winogradScratchFloats,
} from '../../infer/conv-steps';
import { flipFilter } from '../../backend/kernels/conv2d-backprop-input';
import { activationCode } from '../../infer/forward-activations';
import type { ForwardMemory } from '../../infer/forward-memory';
import type { Pointer } from '../../infer/forward-module';
import { UnsupportedForward, type BeatShape } from '../../infer/forward-step';
import { configInteger } from '../../infer/layer-config';
import {
  DERIVATIVE_FROM_OUTPUT,
  floatsOf,
  storeWeights,
  type BackwardBuffers,
  type StageContext,
  type StageWeight,
  type TrainingStage,
} from './training-stage';
import type { ForwardKernels } from '../../infer/forward-module';

const LINEAR = activationCode('linear');

interface Geometry {
  kernelSize: number;
  stride: number;
  before: number;
  after: number;
  outSteps: number;
  outChannels: number;
  activation: number;
}

/** Where the stage keeps its padded input and the padded gradient of its output. */
interface Scratch {
  paddedInput: Pointer;
  paddedGradient: Pointer;
  flipped: Pointer;
  /** Winograd's transformed kernel, and its per-beat scratch (see winograd.c). */
  transformed: Pointer;
  winograd: Pointer;
}

/** Which of the stage's two convolutions run as Winograd's F(2, 3). */
interface WinogradUse {
  forward: boolean;
  inputGradient: boolean;
}

class ConvStage implements TrainingStage {
  readonly shape: BeatShape;

  constructor(
    private readonly input: BeatShape,
    private readonly geometry: Geometry,
    readonly weights: StageWeight[],
    private readonly scratch: Scratch,
    private readonly winograd: WinogradUse,
    private readonly memory: ForwardMemory,
  ) {
    this.shape = { steps: geometry.outSteps, channels: geometry.outChannels };
  }

  private get paddedSteps(): number {
    return this.input.steps + this.geometry.before + this.geometry.after;
  }

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const { kernelSize, before, after, outSteps, outChannels, activation } = this.geometry;
    const { steps, channels } = this.input;
    let source = input;
    if (before + after > 0) {
      kernels.pad1d(input, beats, steps, channels, before, after, this.scratch.paddedInput);
      source = this.scratch.paddedInput;
    }
    const [kernel, bias] = this.weights;
    const biasValue = bias === undefined ? 0 : bias.value;
    if (this.winograd.forward) {
      const { transformed, winograd } = this.scratch;
      kernels.winograd3_kernel(kernel!.value, channels, outChannels, transformed);
      kernels.conv1d_winograd3(
        source,
        beats,
        channels,
        transformed,
        biasValue,
        output,
        outSteps,
        outChannels,
        activation,
        0,
        winograd,
      );
      return;
    }
    kernels.conv1d(
      source,
      beats,
      this.paddedSteps,
      channels,
      kernel!.value,
      biasValue,
      kernelSize,
      this.geometry.stride,
      1,
      output,
      outSteps,
      outChannels,
      activation,
      0,
    );
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    const { kernelSize, before, outSteps, outChannels, activation } = this.geometry;
    const { steps, channels } = this.input;
    const { beats, outputGradient: dy } = buffers;
    if (activation !== LINEAR) {
      kernels.activation_gradient(dy, buffers.output, beats * floatsOf(this.shape), activation, 0);
    }
    const [kernel, bias] = this.weights;
    if (bias !== undefined) kernels.sum_rows(dy, beats * outSteps, outChannels, bias.gradient);
    kernels.conv1d_filter_gradient(
      buffers.input,
      beats,
      steps,
      channels,
      dy,
      outSteps,
      outChannels,
      kernelSize,
      this.geometry.stride,
      before,
      kernel!.gradient,
    );
    if (buffers.inputGradientNeeded) this.inputGradient(kernels, buffers, kernel!.value);
  }

  /**
   * dx: dy spread to the stride and zero-padded, convolved with the flipped, transposed kernel.
   */
  private inputGradient(kernels: ForwardKernels, buffers: BackwardBuffers, kernel: Pointer): void {
    const { kernelSize, stride, before, outSteps, outChannels } = this.geometry;
    const { steps, channels } = this.input;
    const spreadSteps = steps + kernelSize - 1;
    const { flipped, paddedGradient } = this.scratch;
    const floats = kernelSize * channels * outChannels;
    const { memory } = this;
    flipFilter(
      memory.floats(kernel, floats),
      memory.floats(flipped, floats),
      kernelSize,
      channels,
      outChannels,
    );
    let source = buffers.outputGradient;
    if (spreadSteps > outSteps) {
      const lead = kernelSize - 1 - before;
      const { beats } = buffers;
      kernels.spread1d(
        source,
        beats,
        outSteps,
        outChannels,
        stride,
        lead,
        spreadSteps,
        paddedGradient,
      );
      source = paddedGradient;
    }
    if (this.winograd.inputGradient) {
      const { transformed, winograd } = this.scratch;
      kernels.winograd3_kernel(flipped, outChannels, channels, transformed);
      kernels.conv1d_winograd3(
        source,
        buffers.beats,
        outChannels,
        transformed,
        0,
        buffers.inputGradient,
        steps,
        channels,
        LINEAR,
        0,
        winograd,
      );
      return;
    }
    kernels.conv1d(
      source,
      buffers.beats,
      spreadSteps,
      outChannels,
      flipped,
      0,
      kernelSize,
      1,
      1,
      buffers.inputGradient,
      steps,
      channels,
      LINEAR,
      0,
    );
  }
}

function activationOf(name: unknown): number {
  if (typeof name !== 'string' || !DERIVATIVE_FROM_OUTPUT.has(name)) {
    throw new UnsupportedForward(`activation ${String(name)}`);
  }
  return activationCode(name);
}

/**
 * The forward pass convolves `inChannels`, the input gradient `outChannels`; each runs as
 * Winograd's F(2, 3) where the forward pass's rule would run it.
 */
function winogradUse(geometry: Geometry, inChannels: number): WinogradUse {
  const { kernelSize, stride, outChannels } = geometry;
  return {
    forward: winogradApplies({ kernelSize, stride, dilation: 1 }, inChannels),
    inputGradient: winogradApplies({ kernelSize, stride: 1, dilation: 1 }, outChannels),
  };
}

function makeStage(context: StageContext, geometry: Geometry): ConvStage {
  const { shape, memory, capacity, layer } = context;
  const paddedSteps = shape.steps + geometry.before + geometry.after;
  const gradientSteps = shape.steps + geometry.kernelSize - 1;
  const weights = storeWeights(layer, memory);
  if (weights[0] === undefined) throw new UnsupportedForward('no kernel');
  const scratch: Scratch = {
    paddedInput:
      geometry.before + geometry.after > 0
        ? memory.reserve(capacity * paddedSteps * shape.channels)
        : 0,
    paddedGradient:
      gradientSteps > geometry.outSteps
        ? memory.reserve(capacity * gradientSteps * geometry.outChannels)
        : 0,
    flipped: memory.reserve(weights[0].count),
    transformed: 0,
    winograd: 0,
  };
  const winograd = winogradUse(geometry, shape.channels);
  if (winograd.forward || winograd.inputGradient) {
    const { outSteps, outChannels } = geometry;
    scratch.transformed = memory.reserve(winogradKernelFloats(shape.channels, outChannels));
    scratch.winograd = memory.reserve(
      Math.max(
        winogradScratchFloats(outSteps, shape.channels, outChannels),
        winogradScratchFloats(shape.steps, outChannels, shape.channels),
      ),
    );
  }
  return new ConvStage(shape, geometry, weights, scratch, winograd, memory);
}

/** A Conv1D without dilation, 'valid' or 'same', of any stride. */
export function conv1dStage(context: StageContext): TrainingStage {
  const { dilation, ...geometry } = conv1dGeometry(context.layer, context.shape.steps);
  if (dilation !== 1) throw new UnsupportedForward(`dilation ${dilation}`);
  const activation = activationOf(context.layer.getConfig()['activation']);
  return makeStage(context, { ...geometry, activation });
}

/**
 * A Dense over the last axis. A softmax belongs to the loss, so it is allowed only on the last
 * layer, which the trainer checks; the stage itself stays linear.
 */
export function denseStage(context: StageContext): TrainingStage {
  const config = context.layer.getConfig();
  const activation = config['activation'] === 'softmax' ? 'linear' : config['activation'];
  const { steps, channels } = context.shape;
  const rows: StageContext = { ...context, shape: { steps: 1, channels } };
  const stage = makeStage(rows, {
    kernelSize: 1,
    stride: 1,
    before: 0,
    after: 0,
    outSteps: 1,
    outChannels: configInteger(config, 'units'),
    activation: activationOf(activation),
  });
  return steps === 1 ? stage : new RowsStage(stage, steps);
}

/** A stage on single rows run over every step of a beat, as beats of one step each. */
class RowsStage implements TrainingStage {
  readonly shape: BeatShape;
  readonly weights: StageWeight[];

  constructor(
    private readonly inner: TrainingStage,
    private readonly steps: number,
  ) {
    this.shape = { steps, channels: inner.shape.channels };
    this.weights = inner.weights;
  }

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    this.inner.forward(kernels, beats * this.steps, input, output);
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    this.inner.backward(kernels, { ...buffers, beats: buffers.beats * this.steps });
  }
}
