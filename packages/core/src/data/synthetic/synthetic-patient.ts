/**
 * @module Synthetic patients: a seeded draw of heart rate, wave shape, abnormality and recording
 * quality, so that beats vary between patients as they do in real recordings.
 */
import type { RandomSource } from '../../util/seeded-random';
import { abnormalWaves, ABNORMAL_KINDS, type AbnormalKind } from './beat-kinds';
import type { NoiseOptions } from './ecg-noise';
import { uniformBetween } from './gaussian-random';
import { changeWaves, NORMAL_WAVES, type WaveEvent } from './wave-events';

/** The range patients' mean heart rates are drawn from, in bpm. */
export const PATIENT_HEART_RATE_RANGE_BPM = [50, 110] as const;

/** One synthetic patient. */
export interface SyntheticPatient {
  heartRateBpm: number;
  hrvStdFraction: number;
  /** `normal`, or the abnormality every beat of this patient has. */
  kind: 'normal' | AbnormalKind;
  /** The waves of every beat, before per-beat jitter. */
  waves: WaveEvent[];
  noise: NoiseOptions;
}

/** Draws a patient; an abnormal one gets one of {@link ABNORMAL_KINDS} at a random severity. */
export function drawPatient(random: RandomSource, abnormal: boolean): SyntheticPatient {
  const normal = drawNormalWaves(random);
  const kind = abnormal ? ABNORMAL_KINDS[Math.floor(random() * ABNORMAL_KINDS.length)]! : 'normal';
  const severity = random();
  return {
    heartRateBpm: uniformBetween(random, ...PATIENT_HEART_RATE_RANGE_BPM),
    hrvStdFraction: uniformBetween(random, 0.01, 0.06),
    kind,
    waves: kind === 'normal' ? normal : abnormalWaves(normal, kind, severity),
    noise: drawNoise(random),
  };
}

/** A normal beat with each wave's height, width and place varied within a healthy range. */
function drawNormalWaves(random: RandomSource): WaveEvent[] {
  const between = (low: number, high: number) => uniformBetween(random, low, high);
  const qrsWidth = between(0.85, 1.15);
  const gain = between(0.5, 1.5);
  return changeWaves(NORMAL_WAVES, {
    P: { amplitude: gain * between(0.5, 1.4), width: between(0.8, 1.2), angle: between(0.9, 1.1) },
    Q: { amplitude: gain * between(0.2, 1.5), width: qrsWidth },
    R: { amplitude: gain, width: qrsWidth },
    S: { amplitude: gain * between(0.3, 1.8), width: qrsWidth },
    T: { amplitude: gain * between(0.4, 1.4), width: between(0.8, 1.2), angle: between(0.9, 1.1) },
  });
}

/** Recording quality: from clean to noisy, with or without wander and hum. */
function drawNoise(random: RandomSource): NoiseOptions {
  const noise: NoiseOptions = {
    noiseMv: uniformBetween(random, 0.005, 0.05),
    baselineWanderMv: uniformBetween(random, 0, 0.3),
  };
  if (random() < 0.25) {
    noise.powerlineHz = random() < 0.5 ? 50 : 60;
    noise.powerlineMv = uniformBetween(random, 0.005, 0.03);
  }
  return noise;
}
