/** @module Second-order IIR sections (Butterworth low- and high-pass) that run sample by sample. */

/** The coefficients of one biquad, normalised so that a0 = 1. */
export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

const BUTTERWORTH_Q = Math.SQRT1_2;

/**
 * Designs a second-order Butterworth section by the bilinear transform.
 *
 * @param kind `lowpass` or `highpass`.
 * @param cutoffHz the -3 dB frequency; must lie strictly between 0 and half of `sampleRateHz`.
 */
export function designButterworth(
  kind: 'lowpass' | 'highpass',
  cutoffHz: number,
  sampleRateHz: number,
): BiquadCoefficients {
  const omega = (2 * Math.PI * cutoffHz) / sampleRateHz;
  const alpha = Math.sin(omega) / (2 * BUTTERWORTH_Q);
  const cos = Math.cos(omega);
  const a0 = 1 + alpha;
  const b1 = kind === 'lowpass' ? 1 - cos : -(1 + cos);
  const b0 = kind === 'lowpass' ? b1 / 2 : -b1 / 2;
  return { b0: b0 / a0, b1: b1 / a0, b2: b0 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}

/** One biquad in transposed direct form II, with state that can be settled on a constant. */
export class Biquad {
  private state1 = 0;
  private state2 = 0;

  constructor(private readonly coefficients: BiquadCoefficients) {}

  /** Filters one sample. */
  step(input: number): number {
    const { b0, b1, b2, a1, a2 } = this.coefficients;
    const output = b0 * input + this.state1;
    this.state1 = b1 * input - a1 * output + this.state2;
    this.state2 = b2 * input - a2 * output;
    return output;
  }

  /**
   * Sets the state to what it would be after an endless run of `value`, so a stream that starts
   * (or restarts after a gap) away from zero causes no step transient.
   *
   * @returns the output level the section settles at.
   */
  settle(value: number): number {
    const { b0, b1, b2, a1, a2 } = this.coefficients;
    const output = (value * (b0 + b1 + b2)) / (1 + a1 + a2);
    this.state2 = b2 * value - a2 * output;
    this.state1 = b1 * value - a1 * output + this.state2;
    return output;
  }
}

/** A chain of biquads applied in order. */
export class BiquadChain {
  private readonly sections: Biquad[];

  constructor(coefficients: BiquadCoefficients[]) {
    this.sections = coefficients.map((section) => new Biquad(section));
  }

  /** Filters one sample through every section. */
  step(input: number): number {
    let value = input;
    for (const section of this.sections) value = section.step(value);
    return value;
  }

  /** Settles every section on a constant input `value` (see {@link Biquad.settle}). */
  settle(value: number): void {
    let level = value;
    for (const section of this.sections) level = section.settle(level);
  }
}
