import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, parseKaggleCsvText, type BeatDataset } from '@edge-ecg/core';
import { float32Text, writeKaggleCsv } from '@edge-ecg/stream';

const DATASET: BeatDataset = {
  samples: Float32Array.from({ length: 3 * 187 }, (_, i) => (i % 187 < 90 ? Math.sin(i) ** 2 : 0)),
  labels: Int32Array.from([0, 4, 2]),
  beatLength: 187,
  classNames: ['N', 'S', 'V', 'F', 'Q'],
};

describe('float32Text', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(float32Text(0)).toBe('0');
    expect(float32Text(1)).toBe('1');
    expect(float32Text(Math.fround(0.25))).toBe('0.25');
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    const value = Math.fround(0.123456789);
    expect(Math.fround(Number(float32Text(value)))).toBe(value);
  });
});

describe('writeKaggleCsv', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'edge-ecg-csv-'));
  });

  afterAll(() => rm(folder, { recursive: true, force: true }));

  describe('with labelled beats', () => {
    it(
      'writes rows of 187 samples and a label that read back exactly, ' +
        'leaving no temporary file',
      async () => {
        const path = join(folder, 'beats.csv');
        await writeKaggleCsv(DATASET, path);
        const text = await readFile(path, 'utf8');
        expect(text.split('\n')).toHaveLength(4);
        expect(text.split('\n')[1]!.split(',')).toHaveLength(188);
        const { dataset } = parseKaggleCsvText(text, {
          file: path,
          classNames: DATASET.classNames,
        });
        expect(Array.from(dataset.labels)).toEqual([0, 4, 2]);
        expect(dataset.samples).toEqual(DATASET.samples);
        expect(await readdir(folder)).toEqual(['beats.csv']);
      },
    );
  });

  describe('into a folder that does not exist', () => {
    it('throws a DataError naming the file', async () => {
      const path = join(folder, 'missing', 'beats.csv');
      await expect(writeKaggleCsv(DATASET, path)).rejects.toThrow(
        new DataError(
          { file: path },
          `${path}: cannot write the CSV file (ENOENT). ` +
            'Check that the folder exists and is writable.',
        ),
      );
    });
  });
});
