/**
 * @module A source from a Node.js Readable stream. It needs only the stream's async iteration,
 * so this file imports nothing from Node and works with any async iterable of chunks.
 */
import { toFloat32Chunks } from './chunk-samples';
import { makeSource, type EcgSource, type SampleChunk, type SourceOptions } from './ecg-source';

/** What is used of a Node.js Readable: byte chunks (Buffers), or sample chunks in object mode. */
export type NodeReadableLike = AsyncIterable<Uint8Array | SampleChunk>;

/**
 * A source from a Node.js Readable. Byte chunks are read as little-endian float32 samples
 * (samples may be split across chunks); object-mode streams may carry Float32Arrays or number
 * arrays. Breaking out of the iteration destroys the stream, as Node does for any for-await.
 *
 * @throws UsageError at once when `sampleRateHz` is not a positive number, and while iterating
 *   when the stream carries text, or its bytes end inside a sample.
 */
export function fromNodeReadable(readable: NodeReadableLike, options: SourceOptions): EcgSource {
  const where = 'fromNodeReadable';
  return makeSource(options, where, toFloat32Chunks(readable, where));
}
