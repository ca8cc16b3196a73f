/**
 * @module The SDK's embedded default data: synthetic labelled beats in the Kaggle format.
 *
 * The beats are SYNTHETIC, drawn from the McSharry et al. (2003) ECG model with seeded random
 * patients; they are not recordings of anyone. They are meant for trying the SDK out, for tests
 * and for demos, never for clinical conclusions.
 */
import { UsageError } from '../../errors';
import { createRandom } from '../../util/seeded-random';
import type { BeatDataset } from '../beat-dataset';
import {
  BEAT_LENGTH,
  BEAT_SAMPLE_RATE_HZ,
  cutBeat,
  median,
  scaleToUnitRange,
} from '../kachuee-cut';
import { EcgSynthesizer } from './ecg-synthesizer';
import { SinusRhythm } from './sinus-rhythm';
import { drawPatient, type SyntheticPatient } from './synthetic-patient';

/** The class names of the synthetic dataset. */
export const SYNTHETIC_CLASS_NAMES = ['normal', 'abnormal'] as const;

/** The length of the window each patient contributes, as in Kachuee et al. */
export const SYNTHETIC_WINDOW_S = 10;

/** The default seed of {@link generateSyntheticBeats}. */
export const DEFAULT_SYNTHETIC_SEED = 1;

/** Each beat's gain varies by this fraction between beats of one patient. */
export const BEAT_AMPLITUDE_JITTER = 0.04;

/** Options of {@link generateSyntheticBeats}. */
export interface SyntheticBeatsOptions {
  /** Beats of each class; the dataset has twice as many. */
  perClass: number;
  /** @defaultValue {@link DEFAULT_SYNTHETIC_SEED} */
  seed?: number | string;
}

/** The synthetic beats, and which synthetic patient each came from. */
export interface SyntheticBeats {
  /**
   * Classes `normal` (0) and `abnormal` (1): the `perClass` normal beats first, then the abnormal.
   */
  dataset: BeatDataset;
  /** The synthetic patient of each beat (0, 1, …), for splitting by patient. */
  recordIds: Int32Array;
}

/**
 * Generates SYNTHETIC labelled beats, `perClass` normal and `perClass` abnormal, in the Kaggle
 * format: 187 samples at 125 Hz, scaled to [0, 1], zero-padded.
 *
 * Each synthetic patient gets a random heart rate (50-110 bpm), wave shape, noise and baseline
 * wander; an abnormal patient also gets one abnormality (ST elevation, T inversion, pathological
 * Q or wide QRS) at a random severity, mild ones close to normal. Ten seconds of the patient's
 * ECG are drawn at 125 Hz (the model is smooth, so sampling it directly needs no decimation),
 * scaled to [0, 1] and cut at every true R-peak into 1.2 median RR intervals, as Kachuee et al.
 * did. Beats whose segment runs past the window's end are left out. The same seed gives the
 * same Float32 output.
 *
 * @throws {UsageError} if `perClass` is not a positive integer.
 */
export function generateSyntheticBeats(options: SyntheticBeatsOptions): SyntheticBeats {
  const { perClass, seed = DEFAULT_SYNTHETIC_SEED } = options;
  if (!Number.isInteger(perClass) || perClass < 1) {
    throw new UsageError(
      `generateSyntheticBeats: perClass must be a positive integer; received ${perClass}.`,
    );
  }
  const normal = classBeats(0, perClass, seed);
  const abnormal = classBeats(1, perClass, seed);
  const samples = new Float32Array(2 * perClass * BEAT_LENGTH);
  samples.set(normal.samples);
  samples.set(abnormal.samples, normal.samples.length);
  const labels = new Int32Array(2 * perClass).fill(1, perClass);
  const recordIds = Int32Array.from([...normal.recordIds, ...abnormal.recordIds]);
  const classNames = [...SYNTHETIC_CLASS_NAMES];
  return { dataset: { samples, labels, beatLength: BEAT_LENGTH, classNames }, recordIds };
}

/** `perClass` beats of one class from as many patients as it takes (ids `2k + label`). */
function classBeats(label: number, perClass: number, seed: number | string) {
  const random = createRandom(`${seed}:patients:${label}`);
  const samples = new Float32Array(perClass * BEAT_LENGTH);
  const recordIds = new Int32Array(perClass);
  let written = 0;
  for (let patientId = label; written < perClass; patientId += 2) {
    const patient = drawPatient(random, label === 1);
    for (const beat of patientBeats(patient, `${seed}:patient:${patientId}`)) {
      if (written === perClass) break;
      samples.set(beat, written * BEAT_LENGTH);
      recordIds[written++] = patientId;
    }
  }
  return { samples, recordIds };
}

/** The cut beats of one patient's ten-second window. */
function patientBeats(patient: SyntheticPatient, seed: string): Float32Array[] {
  const beats = new SinusRhythm({
    ...patient,
    label: patient.kind,
    amplitudeJitterFraction: BEAT_AMPLITUDE_JITTER,
    seed,
  });
  const synthesizer = new EcgSynthesizer({
    ...patient.noise,
    sampleRateHz: BEAT_SAMPLE_RATE_HZ,
    beats,
    seed,
  });
  const chunk = synthesizer.next(SYNTHETIC_WINDOW_S * BEAT_SAMPLE_RATE_HZ);
  const window = scaleToUnitRange(chunk.signal);
  const rPeaks = chunk.rPeaks.map((peak) => peak.sampleIndex);
  const medianRr = median(rPeaks.slice(1).map((index, i) => index - rPeaks[i]!));
  return rPeaks
    .map((rPeak) => cutBeat(window, rPeak, medianRr))
    .filter((cut) => !cut.pastEnd)
    .map((cut) => cut.beat);
}
