/**
 * @module Adam's per-step constants as tfjs rounds them, and the update on the SDK's kernel
 * (`adam_update` in `wasm/elementwise.c`), for both of the SDK's Adam paths.
 */
import type { ForwardKernels, Pointer } from '../infer/forward-module';

/** Adam's settings. */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** One variable's values, gradient and moments in the kernels' memory. */
export interface AdamRanges {
  value: Pointer;
  gradient: Pointer;
  m: Pointer;
  v: Pointer;
  count: number;
}

/**
 * beta1, beta2 and 1 - each rounded to float32 once, and the powers beta^t carried in float32
 * from step to step, as tfjs's AdamOptimizer keeps them.
 */
export class AdamSchedule {
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly oneMinus1: number;
  private readonly oneMinus2: number;
  private accBeta1: number;
  private accBeta2: number;
  private scale1 = 0;
  private scale2 = 0;

  constructor(private readonly settings: AdamSettings) {
    this.beta1 = Math.fround(settings.beta1);
    this.beta2 = Math.fround(settings.beta2);
    this.oneMinus1 = Math.fround(1 - settings.beta1);
    this.oneMinus2 = Math.fround(1 - settings.beta2);
    this.accBeta1 = this.beta1;
    this.accBeta2 = this.beta2;
    this.beginStep();
  }

  /** Updates one variable in place with this step's constants. */
  update(kernels: ForwardKernels, ranges: AdamRanges): void {
    const { value, gradient, m, v, count } = ranges;
    kernels.adam_update(
      value,
      gradient,
      m,
      v,
      count,
      this.settings.learningRate,
      this.beta1,
      this.oneMinus1,
      this.beta2,
      this.oneMinus2,
      this.scale1,
      this.scale2,
      this.settings.epsilon,
    );
  }

  /** Moves on to the next step, once every variable of this one is updated. */
  endStep(): void {
    this.accBeta1 = Math.fround(this.accBeta1 * this.beta1);
    this.accBeta2 = Math.fround(this.accBeta2 * this.beta2);
    this.beginStep();
  }

  private beginStep(): void {
    this.scale1 = Math.fround(1 - this.accBeta1);
    this.scale2 = Math.fround(1 - this.accBeta2);
  }
}
