import { UsageError } from '@edge-ecg/core';
import { DEFAULT_CHUNK_SAMPLES, fromWfdbRecord } from '../../src/sources/from-wfdb-record';
import type { WfdbRecord, WfdbSignal } from '../../src/wfdb/record-types';

function signal(name: string, index: number, length: number, samplesPerFrame = 1): WfdbSignal {
  const samples = Float32Array.from({ length }, (_, i) => i);
  const rate = 100 * samplesPerFrame;
  return {
    name,
    index,
    units: 'mV',
    gain: 200,
    baseline: 0,
    samplesPerFrame,
    sampleRateHz: rate,
    samples,
  };
}

const RECORD: WfdbRecord = {
  name: 'r',
  sampleRateHz: 100,
  sampleCount: 2500,
  signals: [signal('MLII', 0, 2500), signal('V5', 1, 5000, 2)],
  comments: [],
};

async function chunkLengths(source: ReturnType<typeof fromWfdbRecord>): Promise<number[]> {
  const lengths: number[] = [];
  for await (const chunk of source.chunks) lengths.push(chunk.length);
  return lengths;
}

describe('fromWfdbRecord', () => {
  describe('with the defaults', () => {
    it('replays the first lead in chunks of DEFAULT_CHUNK_SAMPLES', async () => {
      const source = fromWfdbRecord(RECORD);
      expect(source).toMatchObject({ sampleRateHz: 100, lead: 'MLII' });
      expect(DEFAULT_CHUNK_SAMPLES).toBe(1024);
      expect(await chunkLengths(source)).toEqual([1024, 1024, 452]);
    });
  });

  describe('with a lead by name and a chunk length', () => {
    it('uses that signal at its own rate, and can be replayed', async () => {
      const source = fromWfdbRecord(RECORD, { lead: 'v5', chunkSamples: 2000 });
      expect(source).toMatchObject({ sampleRateHz: 200, lead: 'V5' });
      expect(await chunkLengths(source)).toEqual([2000, 2000, 1000]);
      expect(await chunkLengths(source)).toEqual([2000, 2000, 1000]);
    });

    it('yields copies, so the record is safe from its consumers', async () => {
      for await (const chunk of fromWfdbRecord(RECORD, { chunkSamples: 10 }).chunks) chunk.fill(-1);
      expect(RECORD.signals[0]!.samples[0]).toBe(0);
    });
  });

  describe('with bad options', () => {
    it('throws a UsageError for an unknown lead', () => {
      expect(() => fromWfdbRecord(RECORD, { lead: 'V1' })).toThrow(
        new UsageError(
          'Lead "V1" is not in record "r", whose signals are MLII, V5. Pass one of these names ' +
            '(in any case) or an index from 0 to 1.',
        ),
      );
    });

    it('throws a UsageError for a chunk length below 1', () => {
      expect(() => fromWfdbRecord(RECORD, { chunkSamples: 0.5 })).toThrow(
        'fromWfdbRecord: expected chunkSamples to be a whole number of 1 or more, found 0.5. ' +
          'Pass a chunk length such as 1024.',
      );
    });
  });
});
