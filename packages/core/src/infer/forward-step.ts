/** @module One step of the layer-free forward pass, and the shape of a beat between steps. */
import type { ForwardKernels, Pointer } from './forward-module';

/** A beat's activations: `steps × channels` floats (a vector is one step). */
export interface BeatShape {
  steps: number;
  channels: number;
}

/** Where one call of a step reads and writes, for `beats` beats at once. */
export interface StepBuffers {
  beats: number;
  input: Pointer;
  /** The other buffer; in-place steps ignore it. */
  output: Pointer;
  scratch: Pointer;
}

/** One kernel call of the forward pass. */
export interface ForwardStep {
  /** Writes into its input buffer instead of the other one. */
  inPlace: boolean;
  /** Floats per beat it writes. */
  outputFloats: number;
  /** Floats of scratch space a call needs per beat. */
  scratchFloats: number;
  run(kernels: ForwardKernels, buffers: StepBuffers): void;
}

/** The steps one layer becomes and the shape it leaves. */
export interface LayerSteps {
  steps: ForwardStep[];
  shape: BeatShape;
}

/** A layer or model the forward pass cannot run; the caller falls back to tfjs-layers. */
export class UnsupportedForward extends Error {
  override readonly name = 'UnsupportedForward';
}

/** An in-place step over every float of the beats. */
export function inPlaceStep(
  shape: BeatShape,
  run: (kernels: ForwardKernels, values: Pointer, beats: number) => void,
): ForwardStep {
  return {
    inPlace: true,
    outputFloats: shape.steps * shape.channels,
    scratchFloats: 0,
    run: (kernels, buffers) => run(kernels, buffers.input, buffers.beats),
  };
}
