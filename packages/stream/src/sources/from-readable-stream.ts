/** @module A source from a WHATWG ReadableStream, as `fetch` bodies and browser APIs give. */
import { toFloat32Chunks } from './chunk-samples';
import { makeSource, type EcgSource, type SampleChunk, type SourceOptions } from './ecg-source';

/**
 * A source from a WHATWG ReadableStream of bytes (little-endian float32 samples, such as a
 * `fetch` response body) or of sample chunks. It reads with a reader rather than async
 * iteration, which not every browser offers; stopping early cancels the stream.
 *
 * @throws UsageError at once when `sampleRateHz` is not a positive number, and while iterating
 *   when the stream carries text, or its bytes end inside a sample.
 */
export function fromReadableStream(
  stream: ReadableStream<Uint8Array | SampleChunk>,
  options: SourceOptions,
): EcgSource {
  const where = 'fromReadableStream';
  return makeSource(options, where, toFloat32Chunks(readAll(stream), where));
}

async function* readAll<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel();
    reader.releaseLock();
  }
}
