import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../../src/errors';
import { loadKaggleCsv, loadKaggleCsvFiles } from '../../src/data/load-kaggle-csv';
import { DEFAULT_READ_CHUNK_BYTES, readFileChunks } from '../../src/data/read-text-file';
import { caught } from './csv-helpers';

/** Short beats keep the test fast; the rows still span several 1 MiB read chunks. */
const BEAT_LENGTH = 40;
const LARGE_ROWS = 20_000;
/** Generous, for a shared two-core machine; the test takes about a second alone. */
const LARGE_FILE_TIMEOUT_MS = 30_000;

/** Sample `index` of row `row` in the generated file: three decimals, exactly recomputable. */
function sampleAt(row: number, index: number): string {
  return ((row * 31 + index * 7) % 1001) / 1000 + '';
}

function writeLargeCsv(path: string): void {
  writeFileSync(path, '');
  for (let start = 0; start < LARGE_ROWS; start += 1000) {
    const lines: string[] = [];
    for (let row = start; row < start + 1000; row++) {
      const cells = Array.from({ length: BEAT_LENGTH }, (_, index) => sampleAt(row, index));
      lines.push(`${cells.join(',')},${row % 5}.0\n`);
    }
    appendFileSync(path, lines.join(''));
  }
}

describe('loadKaggleCsv', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'edge-ecg-csv-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  describe('with a file of 20,000 rows', () => {
    it(
      'streams every row in, in order',
      async () => {
        const path = join(directory, 'large.csv');
        writeLargeCsv(path);
        expect(statSync(path).size).toBeGreaterThan(3 * DEFAULT_READ_CHUNK_BYTES);
        const result = await loadKaggleCsv(path, { beatLength: BEAT_LENGTH });
        expect(result.rows).toBe(LARGE_ROWS);
        expect(result.rowsPerClass).toEqual([4000, 4000, 4000, 4000, 4000]);
        expect(result.dataset.classNames).toEqual(['N', 'S', 'V', 'F', 'Q']);
        expect(result.dataset.samples).toHaveLength(LARGE_ROWS * BEAT_LENGTH);
        for (const row of [0, 1, 1024, 12_345, LARGE_ROWS - 1]) {
          const beat = result.dataset.samples.subarray(row * BEAT_LENGTH, (row + 1) * BEAT_LENGTH);
          const expected = Array.from({ length: BEAT_LENGTH }, (_, i) => Number(sampleAt(row, i)));
          expect(Array.from(beat)).toEqual(Array.from(new Float32Array(expected)));
          expect(result.dataset.labels[row]).toBe(row % 5);
        }
      },
      LARGE_FILE_TIMEOUT_MS,
    );
  });

  describe('with a file that does not exist', () => {
    it('throws a DataError naming the path', async () => {
      const path = join(directory, 'missing.csv');
      const error = await caught(() => loadKaggleCsv(path));
      expect(error).toBeInstanceOf(DataError);
      expect(error.message).toBe(
        `${path}: expected a readable file, found no file at that path. ` +
          'Check the path; a relative path starts from the current directory.',
      );
      expect((error as DataError).location).toEqual({ file: path });
    });
  });

  describe('with a directory', () => {
    it('throws a DataError saying it is a directory', async () => {
      const error = await caught(() => loadKaggleCsv(directory));
      expect(error.message).toBe(
        `${directory}: expected a readable file, found a directory. ` +
          'Pass the path of a file inside it.',
      );
    });
  });

  describe('with an invalid row', () => {
    it('reports the path as given, with line and field', async () => {
      const path = join(directory, 'bad.csv');
      writeFileSync(path, '0.1,0.2,0\n0.1,1.5,0\n');
      const error = await caught(() => loadKaggleCsv(path));
      expect((error as DataError).location).toEqual({ file: path, line: 2, column: 2 });
    });
  });
});

describe('loadKaggleCsvFiles', () => {
  describe('with a normal and an abnormal file', () => {
    it('loads both into one two-class dataset', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'edge-ecg-csv-'));
      try {
        writeFileSync(join(directory, 'normal.csv'), '0.1,0.2,0\r\n0.3,0.4,0\r\n');
        writeFileSync(join(directory, 'abnormal.csv'), '0.5,0.6,1');
        const paths = ['normal.csv', 'abnormal.csv'].map((name) => join(directory, name));
        const result = await loadKaggleCsvFiles(paths);
        expect(result.dataset.classNames).toEqual(['normal', 'abnormal']);
        expect(result.rowsPerClass).toEqual([2, 1]);
        expect(result.files.map((file) => file.file)).toEqual(paths);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
});

describe('readFileChunks', () => {
  describe('with a small chunk size', () => {
    it('yields the file in chunks of that many bytes', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'edge-ecg-csv-'));
      try {
        const path = join(directory, 'ten.txt');
        writeFileSync(path, '0123456789');
        const sizes: number[] = [];
        for await (const chunk of readFileChunks(path, { chunkBytes: 4 })) sizes.push(chunk.length);
        expect(sizes).toEqual([4, 4, 2]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
});
