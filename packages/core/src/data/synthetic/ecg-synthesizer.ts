/**
 * @module Continuous synthetic ECG, chunk by chunk: beats from a rhythm drawn into the signal,
 * noise added, and each beat's true R-peak reported in the chunk that holds it.
 */
import { addBeat, beatSupport, rPeakSampleIndex, type ScheduledBeat } from './beat-render';
import { EcgNoise, type NoiseOptions } from './ecg-noise';

/** Produces the beats of a rhythm one after another, in time order. */
export interface BeatSource {
  nextBeat(): ScheduledBeat;
}

/** A beat's ground truth. */
export interface RPeakEvent {
  /** The sample of the R-peak (the clean signal's maximum), counted from the signal's start. */
  sampleIndex: number;
  /** The beat's annotation, such as `N` or `V`. */
  label: string;
}

/** One piece of the signal. */
export interface SynthesizedChunk {
  /** The samples, in mV. */
  signal: Float32Array;
  /** The index of the chunk's first sample in the whole signal. */
  startIndex: number;
  /** The R-peaks that fall in this chunk, in order. */
  rPeaks: RPeakEvent[];
}

/** Options of {@link EcgSynthesizer}. */
export interface EcgSynthesizerOptions extends NoiseOptions {
  sampleRateHz: number;
  beats: BeatSource;
  seed: number | string;
}

/** Beats are scheduled this far past the end of each chunk: no beat reaches further back. */
export const SCHEDULE_LOOKAHEAD_S = 3;

/** Beats either side drawn when looking for an R-peak; farther ones cannot reach it. */
const R_PEAK_NEIGHBOURS = 3;

interface PlacedBeat {
  beat: ScheduledBeat;
  endS: number;
  startS: number;
  rPeakIndex?: number;
}

/**
 * Draws a continuous ECG from a {@link BeatSource}. The concatenated chunks are the same signal,
 * to the last bit, whatever chunk sizes are asked for.
 */
export class EcgSynthesizer {
  private readonly sampleRateHz: number;
  private readonly beats: BeatSource;
  private readonly noise: EcgNoise;
  private readonly placed: PlacedBeat[] = [];
  private position = 0;
  private lastScheduledS = -Infinity;

  /** @throws {UsageError} if the powerline hum is not below half the sampling rate. */
  constructor(options: EcgSynthesizerOptions) {
    this.sampleRateHz = options.sampleRateHz;
    this.beats = options.beats;
    this.noise = new EcgNoise(options, options.sampleRateHz, options.seed);
  }

  /** The index of the next sample to be drawn. */
  get sampleIndex(): number {
    return this.position;
  }

  /** Draws the next `sampleCount` samples. */
  next(sampleCount: number): SynthesizedChunk {
    const startIndex = this.position;
    const endIndex = startIndex + sampleCount;
    const sampleS = 1 / this.sampleRateHz;
    this.scheduleUntil(endIndex * sampleS + SCHEDULE_LOOKAHEAD_S);
    const buffer = new Float64Array(sampleCount);
    // A sample's margin either side: rounding must never leave out a beat that reaches the chunk.
    const startS = (startIndex - 1) * sampleS;
    const endS = (endIndex + 1) * sampleS;
    for (const placed of this.placed) {
      if (placed.endS >= startS && placed.startS <= endS) {
        addBeat(buffer, startIndex, this.sampleRateHz, placed.beat);
      }
    }
    const rPeaks = this.takeRPeaks(startIndex, endIndex);
    this.noise.addTo(buffer, startIndex);
    this.position = endIndex;
    this.forgetBefore((endIndex - 1) * sampleS);
    return { signal: Float32Array.from(buffer), startIndex, rPeaks };
  }

  private scheduleUntil(untilS: number): void {
    while (this.lastScheduledS < untilS) this.scheduleOne();
  }

  private scheduleOne(): void {
    const beat = this.beats.nextBeat();
    const { startS, endS } = beatSupport(beat);
    this.placed.push({ beat, startS, endS });
    this.lastScheduledS = beat.rPeakTimeS;
  }

  private takeRPeaks(startIndex: number, endIndex: number): RPeakEvent[] {
    const events: RPeakEvent[] = [];
    for (let i = 0; i < this.placed.length; i++) {
      const placed = this.placed[i]!;
      placed.rPeakIndex ??= this.findRPeak(i);
      if (placed.rPeakIndex >= endIndex) break;
      if (placed.rPeakIndex >= startIndex) {
        events.push({ sampleIndex: placed.rPeakIndex, label: placed.beat.label });
      }
    }
    return events;
  }

  /** The R-peak of beat `index`, drawn with the same neighbours whatever the chunking. */
  private findRPeak(index: number): number {
    while (this.placed.length <= index + R_PEAK_NEIGHBOURS) this.scheduleOne();
    const from = Math.max(0, index - R_PEAK_NEIGHBOURS);
    const neighbours = this.placed.slice(from, index + R_PEAK_NEIGHBOURS + 1).map((p) => p.beat);
    return rPeakSampleIndex(this.placed[index]!.beat, neighbours, this.sampleRateHz);
  }

  /** Drops reported beats that end before `timeS`, keeping the neighbours R-peak searches use. */
  private forgetBefore(timeS: number): void {
    let finished = 0;
    while (finished < this.placed.length) {
      const placed = this.placed[finished]!;
      const reported = placed.rPeakIndex !== undefined && placed.rPeakIndex < this.position;
      if (!(reported && placed.endS < timeS)) break;
      finished++;
    }
    this.placed.splice(0, Math.max(0, finished - R_PEAK_NEIGHBOURS));
  }
}
