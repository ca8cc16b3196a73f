/** @module The training stages of LeakyReLU and Activation layers, and of causal padding. */
import { activationCode, LEAKY_RELU_CODE } from '../../infer/forward-activations';
import type { ForwardKernels, Pointer } from '../../infer/forward-module';
import { UnsupportedForward, type BeatShape } from '../../infer/forward-step';
import { configInteger } from '../../infer/layer-config';
import {
  DERIVATIVE_FROM_OUTPUT,
  floatsOf,
  type BackwardBuffers,
  type StageContext,
  type TrainingStage,
} from './training-stage';

/** tfjs-layers' LeakyReLU slope when its config has none. */
const DEFAULT_ALPHA = 0.3;

class ActivationStage implements TrainingStage {
  readonly weights = [];

  constructor(
    readonly shape: BeatShape,
    private readonly code: number,
    private readonly alpha: number,
  ) {}

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const { steps, channels } = this.shape;
    kernels.pad1d(input, beats, steps, channels, 0, 0, output);
    kernels.activate(output, beats * floatsOf(this.shape), this.code, this.alpha);
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    if (!buffers.inputGradientNeeded) return;
    const { beats, outputGradient, inputGradient } = buffers;
    const { steps, channels } = this.shape;
    kernels.pad1d(outputGradient, beats, steps, channels, 0, 0, inputGradient);
    const count = beats * floatsOf(this.shape);
    kernels.activation_gradient(inputGradient, buffers.output, count, this.code, this.alpha);
  }
}

/** A LeakyReLU layer; its slope must not be negative, so that the output's sign is the input's. */
export function leakyReluStage({ layer, shape }: StageContext): TrainingStage {
  const configured = layer.getConfig()['alpha'];
  const alpha = typeof configured === 'number' ? configured : DEFAULT_ALPHA;
  if (alpha < 0) throw new UnsupportedForward(`a negative slope, ${alpha}`);
  return new ActivationStage(shape, LEAKY_RELU_CODE, alpha);
}

/** An Activation layer of an activation whose derivative its output gives. */
export function activationLayerStage({ layer, shape }: StageContext): TrainingStage {
  const name = layer.getConfig()['activation'];
  if (typeof name !== 'string' || !DERIVATIVE_FROM_OUTPUT.has(name)) {
    throw new UnsupportedForward(`activation ${String(name)}`);
  }
  return new ActivationStage(shape, activationCode(name), 0);
}

class CausalPaddingStage implements TrainingStage {
  readonly weights = [];
  readonly shape: BeatShape;

  constructor(
    private readonly input: BeatShape,
    private readonly padding: number,
  ) {
    this.shape = { steps: input.steps + padding, channels: input.channels };
  }

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const { steps, channels } = this.input;
    kernels.pad1d(input, beats, steps, channels, this.padding, 0, output);
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    if (!buffers.inputGradientNeeded) return;
    const { beats, outputGradient, inputGradient } = buffers;
    const { steps, channels } = this.shape;
    kernels.crop1d(outputGradient, beats, steps, channels, this.padding, 0, inputGradient);
  }
}

/** The SDK's CausalPadding1D: zeros before each sequence. */
export function causalPaddingStage({ layer, shape }: StageContext): TrainingStage {
  return new CausalPaddingStage(shape, configInteger(layer.getConfig(), 'padding'));
}
