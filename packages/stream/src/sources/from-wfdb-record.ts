/** @module A source from one signal of a decoded WFDB record, cut into chunks. */
import { UsageError } from '@edge-ecg/core';
import type { WfdbRecord } from '../wfdb/record-types';
import { resolveLead, type LeadSelector } from '../wfdb/select-leads';
import type { EcgSource } from './ecg-source';

/** The chunk length {@link fromWfdbRecord} uses when none is given. */
export const DEFAULT_CHUNK_SAMPLES = 1024;

/** Options of {@link fromWfdbRecord}. */
export interface FromWfdbRecordOptions {
  /** The lead, by name (in any case) or index among the record's signals. @defaultValue 0 */
  lead?: LeadSelector;
  /** Samples per chunk; the last chunk may be shorter. @defaultValue DEFAULT_CHUNK_SAMPLES */
  chunkSamples?: number;
}

/**
 * A source that replays one signal of a record in chunks, at the signal's own rate. The
 * chunks are copies, so consumers may transfer or modify them. It can be iterated many times.
 *
 * @throws UsageError when the lead matches no signal, or `chunkSamples` is not a whole number
 *   of 1 or more.
 */
export function fromWfdbRecord(record: WfdbRecord, options: FromWfdbRecordOptions = {}): EcgSource {
  const chunkSamples = options.chunkSamples ?? DEFAULT_CHUNK_SAMPLES;
  if (!Number.isInteger(chunkSamples) || chunkSamples < 1) {
    throw new UsageError(
      `fromWfdbRecord: expected chunkSamples to be a whole number of 1 or more, found ` +
        `${chunkSamples}. Pass a chunk length such as ${DEFAULT_CHUNK_SAMPLES}.`,
    );
  }
  const names = record.signals.map((signal) => signal.name);
  const signal = record.signals[resolveLead(names, record.name, options.lead ?? 0)]!;
  const source: EcgSource = {
    sampleRateHz: signal.sampleRateHz,
    lead: signal.name,
    chunks: { [Symbol.asyncIterator]: () => chunksOf(signal.samples, chunkSamples) },
  };
  return source;
}

async function* chunksOf(samples: Float32Array, chunkSamples: number) {
  for (let start = 0; start < samples.length; start += chunkSamples) {
    yield samples.slice(start, start + chunkSamples);
  }
}
