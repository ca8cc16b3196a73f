/** The dataset builder and the stream commands on MIT-BIH records (read-only, from DATA_DIR). */
import { join } from 'node:path';
import {
  buildRecordSplit,
  isBeatAnnotation,
  labelOf,
  matchBeats,
  readRecordBeats,
  readWfdbAnnotations,
} from '@edge-ecg/stream';
import { lastJsonLine, runEdgeEcg } from '../../../../test/cli/run-edge-ecg';
import { DATA_DIR } from './data-dir';

jest.setTimeout(120_000);

const MITDB = join(DATA_DIR, 'mitdb');

describe('edge-ecg detect on MIT-BIH 100-series records', () => {
  describe('on record 101', () => {
    it(
      'finds at least 99.5 % of the reference beats at 360 Hz, ' + 'with at least 99.5 % PPV',
      async () => {
        const run = runEdgeEcg(['detect', '--record', join(MITDB, '101'), '--json']);
        expect(run.code).toBe(0);
        const result = lastJsonLine(run.stdout) as { fs: number; rPeaks: number[]; lead: string };
        expect(result).toMatchObject({ fs: 360, lead: 'MLII' });
        const annotations = await readWfdbAnnotations(join(MITDB, '101.atr'));
        const reference = annotations
          .filter((a) => isBeatAnnotation(a.symbol))
          .map((a) => a.sample);
        const match = matchBeats(result.rPeaks, reference, 0.15 * 360);
        expect(match.unmatchedReferences / reference.length).toBeLessThanOrEqual(0.005);
        expect(match.unmatchedDetections / result.rPeaks.length).toBeLessThanOrEqual(0.005);
      },
    );
  });
});

describe('readRecordBeats', () => {
  describe('on record 114, whose MLII is the second signal', () => {
    it('cuts MLII and labels its beats in the five AAMI classes', async () => {
      const beats = await readRecordBeats(join(MITDB, '114'), 'aami');
      expect(beats.lead).toBe('MLII');
      expect(beats.dataset.classNames).toEqual(['N', 'S', 'V', 'F', 'Q']);
      const counts = [0, 0, 0, 0, 0];
      for (const label of beats.dataset.labels) counts[label]! += 1;
      const annotations = await readWfdbAnnotations(join(MITDB, '114.atr'));
      const expected = [0, 0, 0, 0, 0];
      for (const { symbol } of annotations) {
        const label = labelOf(symbol, 'aami');
        if (label !== undefined) expected[label]! += 1;
      }
      // A few beats are lost to matching and to the truncated last beat: at most 0.5 % per class.
      counts.forEach((count, c) => {
        expect(count).toBeLessThanOrEqual(expected[c]!);
        expect(expected[c]! - count).toBeLessThanOrEqual(Math.max(1, 0.005 * expected[c]!));
      });
      expect(expected[2]).toBeGreaterThan(0);
    });
  });
});

describe('buildRecordSplit', () => {
  describe('binary, on DS1 and the paced records', () => {
    it('leaves out the four paced records and tests a quarter of the rest, by record', async () => {
      const records = ['101', '102', '104', '106', '107', '119', '208', '217'].map((r) =>
        join(MITDB, r),
      );
      const split = await buildRecordSplit({
        records,
        testRecords: [],
        labels: 'binary',
        seed: 42,
      });
      const details = split.details as Record<string, unknown>;
      const excluded = details['excludedRecords'] as { record: string }[];
      expect(excluded.map((e) => e.record)).toEqual(['102', '104', '107', '217']);
      const { trainRecords, testRecords } = details as Record<string, string[]>;
      expect(testRecords).toHaveLength(1);
      expect([...trainRecords!, ...testRecords!].sort()).toEqual(['101', '106', '119', '208']);
      expect(split.test.labels.some((label) => label === 1)).toBe(true);
    });
  });
});
