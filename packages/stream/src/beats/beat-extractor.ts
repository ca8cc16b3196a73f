/**
 * @module Raw ECG at any rate to Kachuee beats: resample to 125 Hz, detect R-peaks, cut beats,
 * and report signal quality, chunk by chunk.
 */
import { BEAT_SAMPLE_RATE_HZ } from '@edge-ecg/core';
import { Resampler } from '../signal/resampler';
import { BeatCutter, WINDOW_DURATION_MS } from './beat-cutter';
import type { BeatOutput } from './beat-types';
import { RPeakDetector } from './r-peak-detector';
import { GAP_INTERPOLATION_MAX_MS } from './beat-types';

/** Options of {@link BeatExtractor}. */
export interface BeatExtractorOptions {
  /** The declared sampling rate of the samples pushed. */
  sampleRateHz: number;
}

/**
 * The whole beat pipeline for one lead. Push samples (in mV) in chunks of any size; beats and
 * quality events come out in order, the same however the input is chunked. A beat is out at
 * most {@link BeatExtractor.maxLatencyMs} after its R-peak (its 10 s window has to be complete).
 */
export class BeatExtractor {
  private readonly resampler: Resampler;
  private readonly detector: RPeakDetector;
  private readonly cutter: BeatCutter;

  /** @throws UsageError if `sampleRateHz` is not a positive finite number. */
  constructor(readonly options: BeatExtractorOptions) {
    this.resampler = new Resampler({
      inputRateHz: options.sampleRateHz,
      outputRateHz: BEAT_SAMPLE_RATE_HZ,
    });
    this.detector = new RPeakDetector({ sampleRateHz: BEAT_SAMPLE_RATE_HZ });
    this.cutter = new BeatCutter({ inputRateHz: options.sampleRateHz });
  }

  /** The longest delay from an R-peak to the beat's output. */
  get maxLatencyMs(): number {
    const resamplerMs = (1000 * this.resampler.latencyInputSamples) / this.options.sampleRateHz;
    const segmentMs = 1.5 * 1000 + GAP_INTERPOLATION_MAX_MS;
    return resamplerMs + Math.max(WINDOW_DURATION_MS + this.detector.maxLatencyMs, segmentMs);
  }

  /** Pushes samples; returns the beats and events they complete. */
  push(samples: ArrayLike<number>): BeatOutput {
    const resampled = this.resampler.push(samples);
    const peaks = this.detector.push(resampled);
    const flutter = this.detector.takeEvents();
    this.cutter.noteFlutter(flutter);
    const out = this.cutter.push(resampled, peaks, this.detector.settledSampleCount);
    return { beats: out.beats, events: [...flutter, ...out.events] };
  }

  /** Ends the stream; returns the remaining beats and events. */
  flush(): BeatOutput {
    const resampled = this.resampler.flush();
    const peaks = [...this.detector.push(resampled), ...this.detector.flush()];
    const flutter = this.detector.takeEvents();
    this.cutter.noteFlutter(flutter);
    const last = this.cutter.push(resampled, peaks, this.detector.settledSampleCount);
    const rest = this.cutter.flush();
    const events = [...flutter, ...last.events, ...rest.events];
    return { beats: [...last.beats, ...rest.beats], events };
  }
}
