/** @module A source from chunks the caller already has, in memory or arriving asynchronously. */
import { toFloat32Chunks } from './chunk-samples';
import { makeSource, type EcgSource, type SampleChunk, type SourceOptions } from './ecg-source';

/**
 * A source from an iterable or async iterable of chunks: Float32Arrays (passed through as
 * they are), number arrays, or bytes holding little-endian float32 samples.
 *
 * @throws UsageError at once when `sampleRateHz` is not a positive number, and while iterating
 *   when a chunk is of another type.
 */
export function fromFloat32Chunks(
  chunks: Iterable<SampleChunk> | AsyncIterable<SampleChunk>,
  options: SourceOptions,
): EcgSource {
  const where = 'fromFloat32Chunks';
  return makeSource(options, where, toFloat32Chunks(chunks, where));
}
