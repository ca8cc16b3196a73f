/**
 * @module Abnormal beat shapes as changes of a normal beat's waves: ST change, T inversion,
 * pathological Q, wide QRS and the premature ventricular contraction (PVC).
 */
import { changeWaves, findWave, REPOLARISATION_RR_EXPONENT, type WaveEvent } from './wave-events';

/** The abnormal kinds of the synthetic dataset's `abnormal` class. */
export const ABNORMAL_KINDS = [
  'st-elevation',
  't-inversion',
  'pathological-q',
  'wide-qrs',
] as const;

/** One of {@link ABNORMAL_KINDS}. */
export type AbnormalKind = (typeof ABNORMAL_KINDS)[number];

/** Every beat shape the model makes. */
export type BeatKind = 'normal' | AbnormalKind | 'st-depression' | 'pvc';

/** Where the ST event sits: between the end of S and the start of T, at 60 bpm. */
export const ST_EVENT_ANGLE_RAD = 0.65;

/** The ST event's width: broad, so that it merges with the J point and the T wave. */
export const ST_EVENT_WIDTH_RAD = 0.25;

/** The ST shift of a `st-elevation` beat at severity 0 and 1, in mV. */
export const ST_ELEVATION_RANGE_MV = [0.08, 0.35] as const;

/**
 * The waves with an ST-segment shift: a broad event of height `stChangeMv` between S and T
 * (positive for elevation, negative for depression). A beat without a change is returned as is.
 */
export function withStChange(waves: readonly WaveEvent[], stChangeMv: number): WaveEvent[] {
  if (stChangeMv === 0) return [...waves];
  const stEvent: WaveEvent = {
    name: 'ST',
    angleRad: ST_EVENT_ANGLE_RAD,
    widthRad: ST_EVENT_WIDTH_RAD,
    amplitudeMv: stChangeMv,
    rrExponent: REPOLARISATION_RR_EXPONENT,
  };
  return [...waves.filter((wave) => wave.name !== 'ST'), stEvent];
}

/**
 * The waves of an abnormal beat made from a patient's normal ones.
 *
 * @param severity from 0 (mild, close to the normal range) to 1 (textbook-severe).
 */
export function abnormalWaves(
  normal: readonly WaveEvent[],
  kind: AbnormalKind,
  severity: number,
): WaveEvent[] {
  const s = Math.min(1, Math.max(0, severity));
  const [lowMv, highMv] = ST_ELEVATION_RANGE_MV;
  switch (kind) {
    case 'st-elevation':
      return withStChange(normal, lowMv + (highMv - lowMv) * s);
    case 't-inversion':
      return changeWaves(normal, { T: { amplitude: -(0.3 + 0.9 * s), width: 1 + 0.2 * s } });
    case 'pathological-q':
      return pathologicalQWaves(normal, s);
    case 'wide-qrs':
      return wideQrsWaves(normal, s);
  }
}

/** A deep and wide Q (at least a quarter of R and about 40 ms or more), with R reduced. */
function pathologicalQWaves(normal: readonly WaveEvent[], s: number): WaveEvent[] {
  const rMv = findWave(normal, 'R')?.amplitudeMv ?? 1;
  const qMv = findWave(normal, 'Q')?.amplitudeMv ?? -0.1;
  const depthFactor = ((0.25 + 0.25 * s) * rMv) / Math.abs(qMv);
  return changeWaves(normal, {
    Q: { amplitude: depthFactor, width: 1.6 + 0.8 * s, angle: 1.3 + 0.3 * s },
    R: { amplitude: 1 - 0.35 * s },
  });
}

/** A bundle-branch-like QRS: wider Q, R and S, spread further apart. */
function wideQrsWaves(normal: readonly WaveEvent[], s: number): WaveEvent[] {
  const widen = 1.5 + 0.8 * s;
  return changeWaves(normal, {
    Q: { width: widen, angle: 1 + 0.5 * s },
    R: { width: widen, amplitude: 0.85 },
    S: { width: widen, angle: widen, amplitude: 1.3 },
  });
}

/**
 * A premature ventricular contraction: no P, a wide and tall R with a deep wide S, and a broad T
 * discordant to (here: opposite in sign from) the main QRS deflection.
 */
export function pvcWaves(normal: readonly WaveEvent[]): WaveEvent[] {
  const rMv = findWave(normal, 'R')?.amplitudeMv ?? 1.2;
  const tMv = Math.abs(findWave(normal, 'T')?.amplitudeMv ?? 0.35);
  const qrs = { rrExponent: 0 };
  return [
    { ...qrs, name: 'R', angleRad: 0, widthRad: 0.18, amplitudeMv: 1.3 * rMv },
    { ...qrs, name: 'S', angleRad: 0.4, widthRad: 0.16, amplitudeMv: -0.45 * rMv },
    {
      name: 'T',
      angleRad: 1.9,
      widthRad: 0.5,
      amplitudeMv: -1.6 * tMv - 0.1 * rMv,
      rrExponent: REPOLARISATION_RR_EXPONENT,
    },
  ];
}

/** The waves of a beat of `kind` made from a patient's normal waves, at a middling severity. */
export function kindWaves(
  normal: readonly WaveEvent[],
  kind: BeatKind,
  severity = 0.5,
): WaveEvent[] {
  if (kind === 'normal') return [...normal];
  if (kind === 'pvc') return pvcWaves(normal);
  if (kind === 'st-depression') return withStChange(normal, -0.1 - 0.2 * severity);
  return abnormalWaves(normal, kind, severity);
}
