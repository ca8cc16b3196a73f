/**
 * @module A continuous synthetic ECG with ground-truth R-peaks, at once or chunk by chunk, for
 * testing R-peak detectors and streaming classifiers.
 */
import { EcgSynthesizer, UsageError } from '@edge-ecg/core';
import {
  resolveSimulateEcgOptions,
  type ResolvedSimulateEcgOptions,
  type SimulateEcgOptions,
} from './simulate-options';
import { SimulatedRhythm } from './simulated-rhythm';

/** A simulated recording. */
export interface SimulatedEcg {
  /** The samples, in mV. */
  signal: Float32Array;
  sampleRateHz: number;
  /** The sample index of every R-peak: the clean signal's maximum in the R wave. */
  rPeaks: Int32Array;
  /** Per R-peak: `N`, `V` (PVC), or the abnormal kind (such as `st-elevation`). */
  labels: string[];
}

/** One chunk of a simulated recording; `rPeaks` are indices into the whole recording. */
export interface SimulatedEcgChunk extends SimulatedEcg {
  /** The index of the chunk's first sample in the whole recording. */
  startIndex: number;
}

/**
 * The simulator, chunk by chunk. The chunks, joined, are exactly the signal that
 * {@link simulateEcg} returns for the same options, whatever the chunk sizes.
 */
export class EcgSimulator {
  /** The recording's length, in samples. */
  readonly totalSamples: number;
  readonly sampleRateHz: number;
  private readonly synthesizer: EcgSynthesizer;

  /** @throws {UsageError} naming the first option that is out of range. */
  constructor(options: SimulateEcgOptions) {
    const resolved: ResolvedSimulateEcgOptions = resolveSimulateEcgOptions(options);
    this.sampleRateHz = resolved.sampleRateHz;
    this.totalSamples = Math.round(resolved.durationS * resolved.sampleRateHz);
    this.synthesizer = new EcgSynthesizer({
      ...resolved,
      beats: new SimulatedRhythm(resolved),
    });
  }

  /** Samples still to come. */
  get remainingSamples(): number {
    return this.totalSamples - this.synthesizer.sampleIndex;
  }

  /** Whether the whole recording has been returned. */
  get done(): boolean {
    return this.remainingSamples === 0;
  }

  /**
   * The next `sampleCount` samples (fewer at the end; none once done).
   *
   * @throws {UsageError} if `sampleCount` is not a positive integer.
   */
  next(sampleCount: number): SimulatedEcgChunk {
    if (!Number.isInteger(sampleCount) || sampleCount < 1) {
      throw new UsageError(
        `EcgSimulator.next: sampleCount must be a positive integer; received ${sampleCount}.`,
      );
    }
    const chunk = this.synthesizer.next(Math.min(sampleCount, this.remainingSamples));
    return {
      signal: chunk.signal,
      sampleRateHz: this.sampleRateHz,
      startIndex: chunk.startIndex,
      rPeaks: Int32Array.from(chunk.rPeaks, (peak) => peak.sampleIndex),
      labels: chunk.rPeaks.map((peak) => peak.label),
    };
  }
}

/**
 * Simulates `durationS` seconds of ECG: sinus rhythm with heart-rate variability, optional PVCs
 * with compensatory pauses, ST changes or abnormal beats, baseline wander, muscle noise and
 * powerline hum, with the true R-peak of every beat. The data is synthetic (McSharry et al.'s
 * model, see `@edge-ecg/core`).
 *
 * @throws {UsageError} naming the first option that is out of range.
 */
export function simulateEcg(options: SimulateEcgOptions): SimulatedEcg {
  const simulator = new EcgSimulator(options);
  const { signal, sampleRateHz, rPeaks, labels } = simulator.next(
    Math.max(1, simulator.totalSamples),
  );
  return { signal, sampleRateHz, rPeaks, labels };
}

/**
 * The simulated recording as an async iterable of chunks of `chunkSampleCount` samples (the
 * last may be shorter), for feeding streaming code.
 *
 * @throws {UsageError} naming the first option that is out of range.
 */
export async function* simulateEcgChunks(
  options: SimulateEcgOptions,
  chunkSampleCount: number,
): AsyncGenerator<SimulatedEcgChunk> {
  const simulator = new EcgSimulator(options);
  while (!simulator.done) yield simulator.next(chunkSampleCount);
}
