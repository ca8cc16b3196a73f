/** @module Replays a recorded source at the pace it was recorded, for demonstrations and tests. */
import type { EcgSource } from '../sources/ecg-source';

/** Options of {@link realtimeSource}. */
export interface RealtimeSourceOptions {
  /** Replay speed: 1 is real time, 10 ten times faster. @defaultValue 1 */
  speed?: number;
  /** The clock, in milliseconds. @defaultValue performance.now */
  now?: () => number;
}

/**
 * The same chunks, each released once its last sample would have been recorded: chunk k waits
 * until (samples up to its end) / sampleRateHz / speed seconds after the first read.
 */
export function realtimeSource(source: EcgSource, options: RealtimeSourceOptions = {}): EcgSource {
  const paced: EcgSource = {
    sampleRateHz: source.sampleRateHz,
    chunks: { [Symbol.asyncIterator]: () => pace(source, options) },
  };
  if (source.lead !== undefined) paced.lead = source.lead;
  return paced;
}

async function* pace(source: EcgSource, options: RealtimeSourceOptions) {
  const now = options.now ?? (() => performance.now());
  const msPerSample = 1000 / source.sampleRateHz / (options.speed ?? 1);
  let startMs: number | undefined;
  let samples = 0;
  for await (const chunk of source.chunks) {
    startMs ??= now();
    samples += chunk.length;
    const waitMs = startMs + samples * msPerSample - now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    yield chunk;
  }
}
