/** @module Turning the chunk types streams carry (arrays, typed arrays, bytes) into samples. */
import { UsageError } from '@edge-ecg/core';
import { describe } from './ecg-source';

const FLOAT32_BYTES = 4;

/**
 * Turns a stream's chunks into Float32Array samples. Float32Arrays pass through unchanged;
 * number arrays are converted; bytes (Uint8Array, Node Buffer) are read as little-endian
 * float32 samples, which may be split across chunks. Empty chunks are dropped.
 *
 * @throws UsageError naming `where` for a chunk of another type (such as text), or when the
 *   bytes end inside a sample.
 */
export async function* toFloat32Chunks(
  chunks: AsyncIterable<unknown> | Iterable<unknown>,
  where: string,
): AsyncGenerator<Float32Array> {
  const bytes = new Float32LeBytes();
  for await (const chunk of chunks) {
    const samples = chunk instanceof Uint8Array ? bytes.push(chunk) : toSamples(chunk, where);
    if (samples.length > 0) yield samples;
  }
  bytes.end(where);
}

function toSamples(chunk: unknown, where: string): Float32Array {
  if (chunk instanceof Float32Array) return chunk;
  if (Array.isArray(chunk) || ArrayBuffer.isView(chunk)) {
    return Float32Array.from(chunk as ArrayLike<number>);
  }
  throw new UsageError(
    `${where}: expected chunks of samples (Float32Array, number[] or float32 bytes), found ` +
      `${describe(chunk)}. For text such as CSV, use parseSignalColumns or fromSignalColumns.`,
  );
}

/** Little-endian float32 samples from byte chunks that may split a sample. */
class Float32LeBytes {
  private carry = new Uint8Array(0);

  push(chunk: Uint8Array): Float32Array {
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const count = Math.floor(bytes.length / FLOAT32_BYTES);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const samples = new Float32Array(count);
    for (let i = 0; i < count; i++) samples[i] = view.getFloat32(i * FLOAT32_BYTES, true);
    this.carry = bytes.slice(count * FLOAT32_BYTES);
    return samples;
  }

  end(where: string): void {
    if (this.carry.length === 0) return;
    throw new UsageError(
      `${where}: expected the bytes to hold whole float32 samples (4 bytes each), found ` +
        `${this.carry.length} bytes left over at the end. Check that the stream carries ` +
        'little-endian float32 samples and was not cut short.',
    );
  }
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}
