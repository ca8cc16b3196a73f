/**
 * The stream package's commands, run from the built `edge-ecg` bin on simulated records written
 * here and on the simulator; the MIT-BIH runs are in test/real-data.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastJsonLine, runEdgeEcg } from '../../../../test/cli/run-edge-ecg';
import { writeSimulatedRecord } from '../dataset/simulated-records';
import { TINY_SPEC } from '../predict/tiny-classifier';

jest.setTimeout(120_000);

let folder: string;
let truth: { rPeaks: Int32Array; labels: string[] };
let modelDir: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'edge-ecg-stream-cli-'));
  truth = await writeSimulatedRecord(folder, 'r1', { seed: 1, pvcRate: 0.2 });
  await writeSimulatedRecord(folder, 'r2', { seed: 2 });
  await writeSimulatedRecord(folder, 'p1', { seed: 3, paced: true });
  const spec = join(folder, 'tiny-spec.json');
  await writeFile(spec, JSON.stringify(TINY_SPEC));
  modelDir = join(folder, 'model');
  const args = ['train', '--spec', spec, '--train-per-class', '64', '--test-per-class', '16'];
  const run = runEdgeEcg([...args, '--out', modelDir, '--json']);
  if (run.code !== 0) throw new Error(`training the test model failed: ${run.stderr}`);
});

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('edge-ecg detect', () => {
  describe('on a record', () => {
    it('prints the rate, the R-peaks at that rate and the flags as the last JSON line', () => {
      const run = runEdgeEcg(['detect', '--record', join(folder, 'r1'), '--json']);
      expect(run.code).toBe(0);
      const result = lastJsonLine(run.stdout) as {
        fs: number;
        rPeaks: number[];
        flags: Record<string, number[]>;
      };
      expect(result.fs).toBe(360);
      expect(result.rPeaks).toHaveLength(truth.rPeaks.length);
      result.rPeaks.forEach((peak, i) =>
        expect(Math.abs(peak - truth.rPeaks[i]!)).toBeLessThanOrEqual(54),
      );
      expect(result.flags['truncated']).toEqual([truth.rPeaks.length - 1]);
    });
  });

  describe('with a lead the record does not have', () => {
    it('says which leads it has and exits 2', () => {
      const run = runEdgeEcg(['detect', '--record', join(folder, 'r1'), '--lead', 'V5']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'edge-ecg: Lead "V5" is not in record "r1", whose signals are MLII. Pass one of these ' +
          'names (in any case) or an index from 0 to 0.\n',
      );
    });
  });
});

describe('edge-ecg beats', () => {
  describe('with binary labels on a folder', () => {
    it(
      'writes the Kaggle CSV and reports the classes, ' +
        'the paced record and the unmatched beats',
      async () => {
        const out = join(folder, 'beats.csv');
        const run = runEdgeEcg([
          'beats',
          '--record',
          folder,
          '--out',
          out,
          '--labels',
          'binary',
          '--json',
        ]);
        expect(run.code).toBe(0);
        const result = lastJsonLine(run.stdout) as Record<string, unknown>;
        const pvcs = truth.labels.filter((label) => label === 'V').length;
        expect(result).toMatchObject({
          command: 'beats',
          records: ['r1', 'r2'],
          classNames: ['normal', 'abnormal'],
        });
        expect(
          (result['classCounts'] as Record<string, number>)['abnormal'],
        ).toBeGreaterThanOrEqual(pvcs - 2);
        expect(result['excludedRecords']).toEqual([
          { record: 'p1', reason: 'paced record (70 paced beats), left out of the binary task' },
        ]);
        expect(result['unmatched']).toMatchObject({
          unmatchedDetections: 0,
          unmatchedReferenceBeats: 0,
        });
        const rows = (await readFile(out, 'utf8')).trim().split('\n');
        expect(rows).toHaveLength(result['beats'] as number);
        expect(rows[0]!.split(',')).toHaveLength(188);
      },
    );
  });

  describe('without --out', () => {
    it('says it is required and exits 2', () => {
      const run = runEdgeEcg(['beats', '--record', folder]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('edge-ecg: beats: --out is required.\n');
    });
  });
});

describe('edge-ecg stream', () => {
  describe('with --simulate', () => {
    it('prints one JSON line per beat and summary, then the closing line', () => {
      const run = runEdgeEcg(['stream', '--model', modelDir, '--simulate', '--duration-s', '30']);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const beats = lines.filter((line) => line['type'] === 'beat');
      expect(beats.length).toBeGreaterThan(30);
      expect(Object.keys(beats[3]!).sort()).toEqual(
        [
          'classIndex',
          'className',
          'classified',
          'flags',
          'heartRateBpm',
          'index',
          'latencyMs',
          'probabilities',
          'rPeakSample',
          'rPeakTimeS',
          'rrIntervalS',
          'type',
        ].sort(),
      );
      expect(['normal', 'abnormal']).toContain(beats[3]!['className']);
      expect(lines.filter((line) => line['type'] === 'summary').length).toBeGreaterThanOrEqual(3);
      expect(lines.at(-1)).toMatchObject({
        type: 'end',
        command: 'stream',
        beats: beats.length,
        streamSeconds: 30,
      });
    });
  });

  describe('with --record and --simulate both', () => {
    it('says to pass one and exits 2', () => {
      const run = runEdgeEcg([
        'stream',
        '--model',
        modelDir,
        '--simulate',
        '--record',
        join(folder, 'r1'),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'edge-ecg: stream: pass either --record PATH or --simulate, not both or neither.\n',
      );
    });
  });
});

describe('edge-ecg train --records', () => {
  describe('on simulated records with a test record given', () => {
    it('trains on the others, tests on it, and reports the records', () => {
      const spec = join(folder, 'tiny-spec.json');
      const args = ['train', '--records', folder, '--test-records', 'r2', '--spec', spec, '--json'];
      const run = runEdgeEcg(args);
      expect(run.code).toBe(0);
      const data = lastJsonLine(run.stdout)['data'] as Record<string, unknown>;
      expect(data).toMatchObject({ trainRecords: ['r1'], testRecords: ['r2'], labels: 'binary' });
    });
  });
});
