import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@edge-ecg/core';
import { buildRecordSplit, chooseTestRecords, readRecordSet } from '@edge-ecg/stream';
import { writeSimulatedRecord } from './simulated-records';

jest.setTimeout(30_000);

let folder: string;
let truth: Record<string, { labels: string[] }>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'edge-ecg-records-'));
  truth = {
    a1: await writeSimulatedRecord(folder, 'a1', { seed: 1, dropBeat: 20, extraBeatAt: 100 }),
    a2: await writeSimulatedRecord(folder, 'a2', { seed: 2, heartRateBpm: 90 }),
    a3: await writeSimulatedRecord(folder, 'a3', { seed: 3, pvcRate: 0.2 }),
    a4: await writeSimulatedRecord(folder, 'a4', { seed: 4, pvcRate: 0.2, heartRateBpm: 60 }),
    p1: await writeSimulatedRecord(folder, 'p1', { seed: 5, paced: true }),
  };
  await writeSimulatedRecord(folder, 'u1', { seed: 6, noAnnotations: true });
});

afterAll(() => rm(folder, { recursive: true, force: true }));

const options = { testRecords: [], labels: 'binary' as const, seed: 42 };

describe('buildRecordSplit', () => {
  describe('binary, on a folder of records, with no test records given', () => {
    let split: Awaited<ReturnType<typeof buildRecordSplit>>;

    beforeAll(async () => {
      split = await buildRecordSplit({ ...options, records: [folder] });
    });

    it('leaves out the paced record and the one without annotations, saying why', () => {
      expect(split.details['excludedRecords']).toEqual([
        { record: 'u1', reason: 'no .atr reference annotations' },
        { record: 'p1', reason: 'paced record (70 paced beats), left out of the binary task' },
      ]);
    });

    it('tests one of the four records, one with abnormal beats, and trains on the rest', () => {
      const { trainRecords, testRecords } = split.details as Record<string, string[]>;
      expect(testRecords).toHaveLength(1);
      expect(['a3', 'a4']).toContain(testRecords[0]);
      expect([...trainRecords!, ...testRecords!].sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(split.test.labels.some((label) => label === 1)).toBe(true);
    });

    it('labels the beats normal (AAMI N) and abnormal, all but the truncated last ones', () => {
      expect(split.train.classNames).toEqual(['normal', 'abnormal']);
      const counts = split.details['classCounts'] as Record<string, Record<string, number>>;
      const abnormal = counts['train']!['abnormal']! + counts['test']!['abnormal']!;
      const pvcs = ['a3', 'a4'].flatMap((r) => truth[r]!.labels).filter((l) => l === 'V').length;
      const rows = split.details['records'] as { record: string; unusableBeats: number }[];
      const unusable = rows.filter((row) => row.record === 'a3' || row.record === 'a4');
      expect(abnormal).toBeLessThanOrEqual(pvcs);
      expect(pvcs - abnormal).toBeLessThanOrEqual(
        unusable.reduce((n, row) => n + row.unusableBeats, 0),
      );
      expect(Math.max(...rows.map((row) => row.unusableBeats))).toBeLessThanOrEqual(2);
    });

    it('accounts for every reference beat and every detection', () => {
      const rows = split.details['records'] as Record<string, number>[];
      for (const row of rows) {
        const { beats, unusableBeats, unlabelledBeats, unmatchedReferenceBeats } = row;
        expect(beats! + unusableBeats! + unlabelledBeats! + unmatchedReferenceBeats!).toBe(
          row['referenceBeats'],
        );
        expect(row['detectedBeats']! - row['unmatchedDetections']!).toBe(
          row['referenceBeats']! - unmatchedReferenceBeats!,
        );
      }
      expect(rows.reduce((n, row) => n + row['beats']!, 0)).toBe(
        split.train.labels.length + split.test.labels.length,
      );
    });

    it(
      'counts the dropped annotation as an unmatched detection, ' +
        'the extra one as an unmatched reference',
      () => {
        const rows = split.details['records'] as Record<string, unknown>[];
        expect(rows.find((row) => row['record'] === 'a1')).toMatchObject({
          unmatchedDetections: 1,
          unmatchedReferenceBeats: 1,
        });
        expect(rows.find((row) => row['record'] === 'a2')).toMatchObject({
          unmatchedDetections: 0,
          unmatchedReferenceBeats: 0,
        });
      },
    );

    it('gives the same split for the same seed, whatever the order of the records', async () => {
      const names = ['a4', 'a2', 'a3', 'a1', 'p1'].map((name) => join(folder, name));
      const again = await buildRecordSplit({ ...options, records: names });
      expect(again.details['testRecords']).toEqual(split.details['testRecords']);
      expect(again.test.samples).toEqual(split.test.samples);
    });
  });

  describe('with test records given by name', () => {
    it('tests those records and trains on the others', async () => {
      const split = await buildRecordSplit({
        ...options,
        records: [folder],
        testRecords: ['a1', 'a3'],
      });
      expect(split.details).toMatchObject({
        trainRecords: ['a2', 'a4'],
        testRecords: ['a1', 'a3'],
        split: 'the test records given',
      });
    });
  });

  describe('with a test record that is nowhere', () => {
    it('throws a UsageError saying what to pass', async () => {
      await expect(
        buildRecordSplit({ ...options, records: [folder], testRecords: ['zz'] }),
      ).rejects.toThrow(
        new UsageError(
          '--test-records: "zz" is neither a record among --records nor a record path or folder. ' +
            'Pass a record name such as 101, or a path such as mitdb/101.',
        ),
      );
    });
  });

  describe('aami', () => {
    it('keeps the paced record, its beats in class Q', async () => {
      const set = await readRecordSet([join(folder, 'p1'), join(folder, 'a3')], { labels: 'aami' });
      expect(set.excluded).toEqual([]);
      const [paced, pvc] = set.records;
      expect(paced!.dataset.classNames).toEqual(['N', 'S', 'V', 'F', 'Q']);
      expect(new Set(paced!.dataset.labels)).toEqual(new Set([4]));
      expect(new Set(pvc!.dataset.labels)).toEqual(new Set([0, 2]));
    });
  });
});

describe('chooseTestRecords', () => {
  const record = (name: string, abnormalBeats: number) => ({ name, beats: 100, abnormalBeats });

  describe('with eight records, half of them abnormal-rich', () => {
    it('tests two, one from each stratum', () => {
      const records = ['1', '2', '3', '4', '5', '6', '7', '8'].map((n, i) =>
        record(n, i < 4 ? 20 : 1),
      );
      const tested = [...chooseTestRecords(records, 7)];
      expect(tested).toHaveLength(2);
      expect(tested.filter((name) => Number(name) <= 4)).toHaveLength(1);
    });
  });

  describe('with one record', () => {
    it('throws a UsageError', () => {
      expect(() => chooseTestRecords([record('1', 0)], 1)).toThrow(
        'Splitting by record needs at least two records, received 1. Pass more records, or name ' +
          'the test records with --test-records.',
      );
    });
  });
});
