/** @module The one shape every input adapter produces: chunks of one lead at a known rate. */
import { UsageError } from '@edge-ecg/core';

/**
 * One lead of ECG arriving in chunks. `chunks` may be iterable only once, as a stream is; the
 * chunks are the consumer's to keep (no adapter reuses a chunk's buffer).
 */
export interface EcgSource {
  /** Samples per second of the lead. */
  sampleRateHz: number;
  /** The lead's name, when known (such as `MLII`). */
  lead?: string;
  /** The samples, in physical units (mV for WFDB records), in order. */
  chunks: AsyncIterable<Float32Array>;
}

/** What every adapter needs to know about a lead it cannot read from its input. */
export interface SourceOptions {
  /** Samples per second of the lead. */
  sampleRateHz: number;
  /** The lead's name, passed on to the source. */
  lead?: string;
}

/** A chunk of samples as callers may hold them. */
export type SampleChunk = Float32Array | ArrayLike<number>;

/**
 * Checks that a sampling rate is a positive finite number.
 *
 * @throws UsageError naming `where` when it is not.
 */
export function checkSampleRate(sampleRateHz: unknown, where: string): number {
  if (typeof sampleRateHz === 'number' && Number.isFinite(sampleRateHz) && sampleRateHz > 0) {
    return sampleRateHz;
  }
  throw new UsageError(
    `${where}: expected sampleRateHz to be a positive number of samples per second, found ` +
      `${describe(sampleRateHz)}. Pass the rate the signal was recorded at, such as 360.`,
  );
}

/** A source built from validated options and a chunk iterable. */
export function makeSource(
  options: SourceOptions,
  where: string,
  chunks: AsyncIterable<Float32Array>,
): EcgSource {
  const source: EcgSource = { sampleRateHz: checkSampleRate(options.sampleRateHz, where), chunks };
  if (options.lead !== undefined) source.lead = options.lead;
  return source;
}

/** A short description of a value of unknown type, for messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return value.constructor?.name ?? 'an object';
}
