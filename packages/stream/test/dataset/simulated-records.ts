/**
 * @module Test helper: simulated ECG written as WFDB records (format 16) with `.atr` annotations.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulateEcg } from '@edge-ecg/stream';
import { checksum, encodeAnnotations, encodeSamples } from '../wfdb/wfdb-encoders';

/** Options of {@link writeSimulatedRecord}. */
export interface SimulatedRecordOptions {
  durationS?: number;
  heartRateBpm?: number;
  pvcRate?: number;
  seed: number;
  /** Annotate every beat as paced (`/`). */
  paced?: boolean;
  /** Leave the annotation of this beat out (one unmatched detection). */
  dropBeat?: number;
  /** Add a reference beat at this sample, where there is none (one unmatched reference). */
  extraBeatAt?: number;
  /** Write no `.atr` file. */
  noAnnotations?: boolean;
}

const CODES: Record<string, number> = { N: 1, V: 5, '/': 12 };

/** Writes `<folder>/<name>.hea`, `.dat` and `.atr`; returns the true R-peaks and labels. */
export async function writeSimulatedRecord(
  folder: string,
  name: string,
  options: SimulatedRecordOptions,
) {
  // The simulator starts on the R wave of a beat it does not list; start half a second later.
  const skip = 180;
  const ecg = simulateEcg({
    durationS: (options.durationS ?? 60) + skip / 360,
    sampleRateHz: 360,
    heartRateBpm: options.heartRateBpm ?? 70,
    pvcRate: options.pvcRate ?? 0,
    seed: options.seed,
  });
  const adu = Array.from(ecg.signal.subarray(skip), (mv) => Math.round(mv * 200));
  const kept = Array.from(ecg.rPeaks.keys()).filter((i) => ecg.rPeaks[i]! >= skip);
  const rPeaks = Int32Array.from(kept, (i) => ecg.rPeaks[i]! - skip);
  const header =
    `${name} 1 360 ${adu.length}\r\n` +
    `${name}.dat 16 200 16 0 ${adu[0]} ${checksum(adu)} 0 MLII\r\n`;
  await writeFile(join(folder, `${name}.hea`), header);
  await writeFile(join(folder, `${name}.dat`), encodeSamples(16, adu));
  const labels = kept.map((i) => (options.paced ? '/' : ecg.labels[i]!));
  const annotations = Array.from(rPeaks, (sample, i) => ({
    sample,
    code: CODES[labels[i]!]!,
  })).filter((_, i) => i !== options.dropBeat);
  if (options.extraBeatAt !== undefined) annotations.push({ sample: options.extraBeatAt, code: 1 });
  annotations.sort((a, b) => a.sample - b.sample);
  if (options.noAnnotations !== true) {
    await writeFile(join(folder, `${name}.atr`), encodeAnnotations(annotations));
  }
  return { rPeaks, labels };
}
