import { Readable } from 'node:stream';
import { UsageError } from '@edge-ecg/core';
import type { EcgSource } from '../../src/sources/ecg-source';
import { fromFloat32Chunks } from '../../src/sources/from-chunks';
import { fromNodeReadable } from '../../src/sources/from-node-readable';
import { fromReadableStream } from '../../src/sources/from-readable-stream';

async function collect(source: EcgSource): Promise<number[][]> {
  const chunks: number[][] = [];
  for await (const chunk of source.chunks) chunks.push(Array.from(chunk));
  return chunks;
}

function float32Bytes(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

describe('fromFloat32Chunks', () => {
  describe('with Float32Array chunks', () => {
    it('passes each chunk through as it is', async () => {
      const chunk = Float32Array.of(1, 2);
      const source = fromFloat32Chunks([chunk], { sampleRateHz: 360, lead: 'MLII' });
      expect(source).toMatchObject({ sampleRateHz: 360, lead: 'MLII' });
      for await (const received of source.chunks) expect(received).toBe(chunk);
    });
  });

  describe('with number arrays from an async iterable', () => {
    it('converts them and drops empty chunks', async () => {
      async function* arrays() {
        yield [1, 2];
        yield [];
        yield [3];
      }
      const source = fromFloat32Chunks(arrays(), { sampleRateHz: 250 });
      expect(source).not.toHaveProperty('lead');
      expect(await collect(source)).toEqual([[1, 2], [3]]);
    });
  });

  describe('with byte chunks that split samples', () => {
    it('reads little-endian float32 samples across chunk boundaries', async () => {
      const bytes = float32Bytes([0.5, -1.25, 3]);
      const parts = [bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)];
      expect(await collect(fromFloat32Chunks(parts, { sampleRateHz: 1 }))).toEqual([
        [0.5, -1.25],
        [3],
      ]);
    });

    it('throws a UsageError when the bytes end inside a sample', async () => {
      const source = fromFloat32Chunks([float32Bytes([1]).subarray(0, 3)], { sampleRateHz: 1 });
      await expect(collect(source)).rejects.toThrow(
        new UsageError(
          'fromFloat32Chunks: expected the bytes to hold whole float32 samples (4 bytes each), ' +
            'found 3 bytes left over at the end. Check that the stream carries little-endian ' +
            'float32 samples and was not cut short.',
        ),
      );
    });
  });

  describe('with a bad sampling rate', () => {
    it.each([
      [0, '0'],
      [NaN, 'NaN'],
      ['360', '"360"'],
    ])('throws a UsageError for %p', (sampleRateHz, shown) => {
      expect(() => fromFloat32Chunks([], { sampleRateHz: sampleRateHz as number })).toThrow(
        new UsageError(
          `fromFloat32Chunks: expected sampleRateHz to be a positive number of samples per ` +
            `second, found ${shown}. Pass the rate the signal was recorded at, such as 360.`,
        ),
      );
    });
  });
});

describe('fromNodeReadable', () => {
  describe('with a byte stream', () => {
    it('yields the float32 samples of its Buffers', async () => {
      const bytes = Buffer.from(float32Bytes([1, 2, 3]));
      const readable = Readable.from([bytes.subarray(0, 6), bytes.subarray(6)], {
        objectMode: false,
      });
      expect((await collect(fromNodeReadable(readable, { sampleRateHz: 1 }))).flat()).toEqual([
        1, 2, 3,
      ]);
    });
  });

  describe('with an object-mode stream of arrays', () => {
    it('yields them as Float32Arrays', async () => {
      const readable = Readable.from([[1, 2], Float32Array.of(3)]);
      expect(await collect(fromNodeReadable(readable, { sampleRateHz: 1 }))).toEqual([[1, 2], [3]]);
    });
  });

  describe('with a text stream', () => {
    it('throws a UsageError pointing to the CSV reader', async () => {
      const readable = Readable.from(['1,2\n']);
      await expect(collect(fromNodeReadable(readable, { sampleRateHz: 1 }))).rejects.toThrow(
        'fromNodeReadable: expected chunks of samples (Float32Array, number[] or float32 bytes), ' +
          'found "1,2\\n". For text such as CSV, use parseSignalColumns or fromSignalColumns.',
      );
    });
  });
});

describe('fromReadableStream', () => {
  function streamOf(chunks: unknown[], onCancel: () => void = () => undefined) {
    let index = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index < chunks.length) controller.enqueue(chunks[index++] as Uint8Array);
        else controller.close();
      },
      cancel: onCancel,
    });
  }

  describe('with a byte stream', () => {
    it('yields its float32 samples', async () => {
      const bytes = float32Bytes([4, 5]);
      const stream = streamOf([bytes.subarray(0, 5), bytes.subarray(5)]);
      expect(await collect(fromReadableStream(stream, { sampleRateHz: 1 }))).toEqual([[4], [5]]);
    });
  });

  describe('when the consumer stops early', () => {
    it('cancels the stream', async () => {
      const cancel = jest.fn();
      const source = fromReadableStream(streamOf([[1], [2], [3]], cancel), { sampleRateHz: 1 });
      for await (const chunk of source.chunks) {
        expect(Array.from(chunk)).toEqual([1]);
        break;
      }
      expect(cancel).toHaveBeenCalledTimes(1);
    });
  });
});
