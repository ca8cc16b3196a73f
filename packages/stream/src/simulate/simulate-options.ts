/** @module The options of the ECG simulator: their defaults, ranges and checks. */
import { UsageError, type AbnormalKind, type NoiseOptions } from '@edge-ecg/core';

/** Options of {@link simulateEcg} and {@link EcgSimulator}. Noise amplitudes default to 0. */
export interface SimulateEcgOptions extends NoiseOptions {
  /** The signal's length, in seconds. */
  durationS: number;
  /** Any sampling rate of at least 50 Hz, such as 125, 250, 360 or 1000. */
  sampleRateHz: number;
  /** The mean sinus rate, 30-250 bpm. */
  heartRateBpm: number;
  /**
   * The sinus RR intervals' standard deviation as a fraction of the mean RR, 0-0.2.
   * @defaultValue {@link DEFAULT_HRV_STD_FRACTION}
   */
  hrvStdFraction?: number;
  /** The chance that a sinus beat is followed by a PVC, 0-0.5. @defaultValue 0 */
  pvcRate?: number;
  /**
   * An ST-segment shift of every sinus beat, in mV (-1 to 1): positive beats are labelled
   * `st-elevation`, negative ones `st-depression`. @defaultValue 0
   */
  stChangeMv?: number;
  /** The shape of the abnormal sinus beats that `abnormalRate` asks for. */
  abnormalKind?: AbnormalKind;
  /** The chance that a sinus beat has the shape `abnormalKind`, 0-1. @defaultValue 0 */
  abnormalRate?: number;
  seed: number | string;
}

/** The options with every default filled in. */
export type ResolvedSimulateEcgOptions = Required<
  Omit<SimulateEcgOptions, keyof NoiseOptions | 'abnormalKind'>
> &
  NoiseOptions & { abnormalKind?: AbnormalKind };

/** Heart-rate variability when none is given: an RR standard deviation of 3 % of the mean. */
export const DEFAULT_HRV_STD_FRACTION = 0.03;

/** The heart rates the simulator supports, in bpm. */
export const HEART_RATE_RANGE_BPM = [30, 250] as const;

/** The lowest sampling rate that still draws a QRS complex. */
export const MIN_SAMPLE_RATE_HZ = 50;

/** A PVC comes this fraction of the sinus RR after the beat before it (drawn per PVC). */
export const PVC_COUPLING_RANGE = [0.55, 0.7] as const;

/**
 * Fills in defaults and checks every option.
 *
 * @throws {UsageError} naming the first option that is out of range.
 */
export function resolveSimulateEcgOptions(options: SimulateEcgOptions): ResolvedSimulateEcgOptions {
  const resolved = {
    hrvStdFraction: DEFAULT_HRV_STD_FRACTION,
    pvcRate: 0,
    stChangeMv: 0,
    abnormalRate: 0,
    ...options,
  };
  requireRange(
    'durationS',
    resolved.durationS,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    'a positive finite duration',
  );
  requireRange(
    'sampleRateHz',
    resolved.sampleRateHz,
    MIN_SAMPLE_RATE_HZ,
    Number.MAX_VALUE,
    '50 Hz or more',
  );
  requireRange('heartRateBpm', resolved.heartRateBpm, ...HEART_RATE_RANGE_BPM, '30 to 250');
  requireRange('hrvStdFraction', resolved.hrvStdFraction, 0, 0.2, '0 to 0.2');
  requireRange('pvcRate', resolved.pvcRate, 0, 0.5, '0 to 0.5');
  requireRange('stChangeMv', resolved.stChangeMv, -1, 1, '-1 to 1');
  requireRange('abnormalRate', resolved.abnormalRate, 0, 1, '0 to 1');
  if (resolved.abnormalRate > 0 && resolved.abnormalKind === undefined) {
    throw new UsageError(
      'simulateEcg: abnormalRate is set but abnormalKind is not. Pass abnormalKind as well, ' +
        "such as 't-inversion'.",
    );
  }
  return resolved;
}

function requireRange(name: string, value: number, min: number, max: number, wanted: string) {
  if (typeof value !== 'number' || !(value >= min && value <= max) || Number.isNaN(value)) {
    throw new UsageError(
      `simulateEcg: ${name} must be ${wanted}; received ${String(value)}. Pass a value in range.`,
    );
  }
}
