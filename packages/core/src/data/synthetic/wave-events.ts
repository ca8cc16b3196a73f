/**
 * @module The waves of one beat in the McSharry et al. (2003) ECG model, and their timing.
 *
 * McSharry, Clifford, Tarassenko and Smith, "A dynamical model for generating synthetic
 * electrocardiogram signals", IEEE Trans. Biomed. Eng. 50(3), 2003. The model's trajectory turns
 * round a unit limit cycle once per RR interval (angular velocity ω = 2π / RR) while its z
 * coordinate obeys dz/dt = -Σ aᵢ Δθᵢ exp(-Δθᵢ² / 2bᵢ²) - (z - z₀), with Δθᵢ the angle from wave
 * i's centre θᵢ. Integrating the sum over the phase gives z = Σ (aᵢ bᵢ² / ω) exp(-Δθᵢ² / 2bᵢ²):
 * one Gaussian bump per wave. This SDK evaluates that closed form instead of integrating the ODE,
 * with each bump's peak height given directly in mV (`amplitudeMv` stands for aᵢ bᵢ² / ω), and
 * without the slow pull towards z₀ (baseline wander is added separately, see `ecg-noise.ts`).
 */

/** The waves the model knows: P, Q, R, S, T and an extra ST-segment event. */
export type WaveName = 'P' | 'Q' | 'R' | 'S' | 'ST' | 'T';

/** One Gaussian event of the model. Angles and widths are those at 60 bpm (RR = 1 s). */
export interface WaveEvent {
  readonly name: WaveName;
  /** The wave's centre as an angle from the R-peak, in radians (negative before R). */
  readonly angleRad: number;
  /** The Gaussian's standard deviation in angle, in radians. */
  readonly widthRad: number;
  /** Peak height, in mV (negative for a downward wave). */
  readonly amplitudeMv: number;
  /**
   * How the wave's timing follows the cycle length: its offset and width in seconds scale with
   * RR^rrExponent. 0 keeps the wave fixed in time; 0.5 is Bazett's square-root law.
   */
  readonly rrExponent: number;
}

/** The cycle length at which a wave's angle and width are given. */
export const REFERENCE_RR_S = 1;

/** QRS duration barely changes with heart rate, so Q, R and S keep their timing. */
export const QRS_RR_EXPONENT = 0;

/** The PR interval shortens only a little with rate: the fourth root of RR. */
export const P_RR_EXPONENT = 0.25;

/** Repolarisation (ST, T) follows Bazett: the QT interval scales with the square root of RR. */
export const REPOLARISATION_RR_EXPONENT = 0.5;

/**
 * A normal beat: the paper's angles (P at -π/3, Q at -π/12, R at 0, S at π/12, T at π/2) with
 * widths and heights chosen for a lead-II-like shape of about 1.2 mV R.
 */
export const NORMAL_WAVES: readonly WaveEvent[] = [
  {
    name: 'P',
    angleRad: -Math.PI / 3,
    widthRad: 0.25,
    amplitudeMv: 0.15,
    rrExponent: P_RR_EXPONENT,
  },
  {
    name: 'Q',
    angleRad: -Math.PI / 12,
    widthRad: 0.1,
    amplitudeMv: -0.12,
    rrExponent: QRS_RR_EXPONENT,
  },
  { name: 'R', angleRad: 0, widthRad: 0.1, amplitudeMv: 1.2, rrExponent: QRS_RR_EXPONENT },
  {
    name: 'S',
    angleRad: Math.PI / 12,
    widthRad: 0.1,
    amplitudeMv: -0.25,
    rrExponent: QRS_RR_EXPONENT,
  },
  {
    name: 'T',
    angleRad: Math.PI / 2,
    widthRad: 0.4,
    amplitudeMv: 0.35,
    rrExponent: REPOLARISATION_RR_EXPONENT,
  },
];

/** Where and how wide a wave is in time, for one cycle length. */
export interface WaveTiming {
  /** The centre's offset from the R-peak, in seconds. */
  offsetS: number;
  /** The Gaussian's standard deviation, in seconds. */
  widthS: number;
}

/**
 * A wave's timing for the cycle length `rrS`.
 *
 * In the model's phase terms the wave sits at angle θ·(RR / 1 s)^(rrExponent - 1) of a cycle
 * that lasts RR: for repolarisation this is the square-root scaling of the angles and widths with
 * heart rate that shortens the QT interval at higher rates.
 */
export function waveTiming(wave: WaveEvent, rrS: number): WaveTiming {
  const secondsPerRad =
    (REFERENCE_RR_S * (rrS / REFERENCE_RR_S) ** wave.rrExponent) / (2 * Math.PI);
  return { offsetS: wave.angleRad * secondsPerRad, widthS: wave.widthRad * secondsPerRad };
}

/** Changes of a wave, as factors (amplitude, width, angle) applied to it. */
export interface WaveChange {
  amplitude?: number;
  width?: number;
  angle?: number;
}

/** The waves with the named ones changed by factors; other waves are kept as they are. */
export function changeWaves(
  waves: readonly WaveEvent[],
  changes: Partial<Record<WaveName, WaveChange>>,
): WaveEvent[] {
  return waves.map((wave) => {
    const change = changes[wave.name];
    if (change === undefined) return wave;
    return {
      ...wave,
      amplitudeMv: wave.amplitudeMv * (change.amplitude ?? 1),
      widthRad: wave.widthRad * (change.width ?? 1),
      angleRad: wave.angleRad * (change.angle ?? 1),
    };
  });
}

/** Every wave's height multiplied by `factor` (a gain change, as between leads or patients). */
export function scaleWaveAmplitudes(waves: readonly WaveEvent[], factor: number): WaveEvent[] {
  return waves.map((wave) => ({ ...wave, amplitudeMv: wave.amplitudeMv * factor }));
}

/** The wave called `name`, if the beat has one. */
export function findWave(waves: readonly WaveEvent[], name: WaveName): WaveEvent | undefined {
  return waves.find((wave) => wave.name === name);
}
