/** @module The training stages of max, average and min pooling, windowed and global. */
import { POOLING_CODES } from '../../infer/forward-activations';
import type { ForwardKernels, Pointer } from '../../infer/forward-module';
import { UnsupportedForward, type BeatShape } from '../../infer/forward-step';
import { poolingWindow, type PoolingWindow } from '../../infer/pooling-steps';
import type { BackwardBuffers, StageContext, TrainingStage } from './training-stage';

interface Window extends PoolingWindow {
  kind: number;
}

class PoolingStage implements TrainingStage {
  readonly weights = [];
  readonly shape: BeatShape;

  constructor(
    private readonly input: BeatShape,
    private readonly window: Window,
  ) {
    this.shape = { steps: window.outSteps, channels: input.channels };
  }

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const { poolSize, stride, before, outSteps, kind } = this.window;
    const { steps, channels } = this.input;
    kernels.pool1d(input, beats, steps, channels, output, outSteps, poolSize, stride, before, kind);
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    if (!buffers.inputGradientNeeded) return;
    const { poolSize, stride, before, outSteps, kind } = this.window;
    const { steps, channels } = this.input;
    kernels.pool1d_gradient(
      buffers.input,
      buffers.beats,
      steps,
      channels,
      buffers.outputGradient,
      outSteps,
      poolSize,
      stride,
      before,
      kind,
      buffers.inputGradient,
    );
  }
}

/** Whether some window hangs over an end of the sequence. */
function overhangs(steps: number, window: Window): boolean {
  const end = (window.outSteps - 1) * window.stride + window.poolSize - window.before;
  return window.before > 0 || end > steps;
}

/**
 * A windowed pooling layer. Average pooling trains here only where no window hangs over an
 * end: at the ends tfjs's gradient divides by the whole window (its cpu backend's AvgPoolGrad
 * does), its forward pass by the steps inside, and the two paths would part.
 */
export function poolingStage(context: StageContext, kind: number): TrainingStage {
  const window = { ...poolingWindow(context.layer, context.shape.steps), kind };
  if (kind === POOLING_CODES.average && overhangs(context.shape.steps, window)) {
    throw new UnsupportedForward('average windows that hang over the ends');
  }
  return new PoolingStage(context.shape, window);
}

/** A global pooling layer: one window over the whole sequence. */
export function globalPoolingStage(context: StageContext, kind: number): TrainingStage {
  const { steps } = context.shape;
  return new PoolingStage(context.shape, {
    poolSize: steps,
    stride: steps,
    before: 0,
    outSteps: 1,
    kind,
  });
}
