/**
 * @module The training stage of a Dropout layer: inverted dropout with a mask drawn for each
 * batch from the training run's seeded random source, so that a seed gives the same run.
 *
 * The masks are the SDK's own draws, not tfjs's: a run with dropout trains to other weights
 * here than through tfjs-layers' gradients, as two seeds would.
 */
import type { ForwardKernels, Pointer } from '../../infer/forward-module';
import { UnsupportedForward, type BeatShape } from '../../infer/forward-step';
import type { RandomSource } from '../../util/seeded-random';
import {
  floatsOf,
  type BackwardBuffers,
  type StageContext,
  type TrainingStage,
} from './training-stage';

const UINT32 = 2 ** 32;

class DropoutStage implements TrainingStage {
  readonly weights = [];

  constructor(
    readonly shape: BeatShape,
    private readonly rate: number,
    private readonly random: RandomSource,
    private readonly mask: Pointer,
  ) {}

  forward(kernels: ForwardKernels, beats: number, input: Pointer, output: Pointer): void {
    const [low, high] = [this.random(), this.random()].map((u) => Math.floor(u * UINT32) >>> 0);
    kernels.dropout(input, beats * floatsOf(this.shape), this.rate, low!, high!, this.mask, output);
  }

  backward(kernels: ForwardKernels, buffers: BackwardBuffers): void {
    if (!buffers.inputGradientNeeded) return;
    const { beats, outputGradient, inputGradient } = buffers;
    const count = beats * floatsOf(this.shape);
    kernels.multiply_by(outputGradient, this.mask, count);
    kernels.pad1d(
      outputGradient,
      beats,
      this.shape.steps,
      this.shape.channels,
      0,
      0,
      inputGradient,
    );
  }
}

/** A Dropout layer: no stage at rate 0, inverted dropout otherwise (no noiseShape). */
export function dropoutStage(context: StageContext): TrainingStage | BeatShape {
  const config = context.layer.getConfig();
  const rate = Number(config['rate'] ?? 0);
  if (rate === 0) return context.shape;
  if (config['noiseShape'] != null) throw new UnsupportedForward('a noiseShape');
  if (!(rate < 1)) throw new UnsupportedForward(`rate ${rate}`);
  const { shape, memory, capacity, random } = context;
  const mask = memory.reserve(capacity * shape.steps * shape.channels);
  return new DropoutStage(shape, rate, random, mask);
}
