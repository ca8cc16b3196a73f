import { DataError, UsageError } from '../../src/errors';
import { parseKaggleCsvFiles, type KaggleCsvSource } from '../../src/data/kaggle-csv-files';
import { caught } from './csv-helpers';

const NORMAL: KaggleCsvSource = { file: 'normal.csv', chunks: ['0.1,0.2,0\n0.3,0.4,0\n'] };
const ABNORMAL: KaggleCsvSource = { file: 'abnormal.csv', chunks: ['0.5,0.6,1\n'] };

describe('parseKaggleCsvFiles', () => {
  describe('with a file of label 0 and a file of label 1', () => {
    it('joins the beats in file order with the union of the classes', async () => {
      const result = await parseKaggleCsvFiles([NORMAL, ABNORMAL]);
      expect(result.dataset.classNames).toEqual(['normal', 'abnormal']);
      expect(Array.from(result.dataset.labels)).toEqual([0, 0, 1]);
      expect(Array.from(result.dataset.samples)).toEqual(
        Array.from(new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
      );
      expect(result.dataset.beatLength).toBe(2);
    });

    it('reports the rows of each file and of each class', async () => {
      const result = await parseKaggleCsvFiles([NORMAL, ABNORMAL]);
      expect(result.rows).toBe(3);
      expect(result.rowsPerClass).toEqual([2, 1]);
      expect(result.files).toEqual([
        { file: 'normal.csv', rows: 2, rowsPerClass: [2, 0] },
        { file: 'abnormal.csv', rows: 1, rowsPerClass: [0, 1] },
      ]);
    });
  });

  describe('with classNames', () => {
    it('uses them for every file', async () => {
      const result = await parseKaggleCsvFiles([NORMAL], { classNames: ['a', 'b', 'c'] });
      expect(result.dataset.classNames).toEqual(['a', 'b', 'c']);
      expect(result.rowsPerClass).toEqual([2, 0, 0]);
    });
  });

  describe('with files of different beat lengths', () => {
    it('reports the later file against the beat length of the first', async () => {
      const longer = { file: 'longer.csv', chunks: ['0.1,0.2,0.3,1\n'] };
      const error = await caught(() => parseKaggleCsvFiles([NORMAL, longer]));
      expect(error).toBeInstanceOf(DataError);
      expect(error.message).toBe(
        'longer.csv:1:4: expected 3 fields (2 samples and a label), found 4. ' +
          'Files loaded together must share one beat length; check the file or the beatLength ' +
          'option.',
      );
      expect((error as DataError).location).toEqual({ file: 'longer.csv', line: 1, column: 4 });
    });
  });

  describe('with an invalid row in a later file', () => {
    it('names that file', async () => {
      const bad = { file: 'bad.csv', chunks: ['0.5,0.6,1\n0.5,2,1\n'] };
      const error = await caught(() => parseKaggleCsvFiles([NORMAL, bad]));
      expect((error as DataError).location).toEqual({ file: 'bad.csv', line: 2, column: 2 });
    });
  });

  describe('with no files', () => {
    it('throws a UsageError', async () => {
      const error = await caught(() => parseKaggleCsvFiles([]));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        'parseKaggleCsvFiles: expected at least one file, received none. ' +
          'Pass the CSV files to load, such as ptbdb_normal.csv and ptbdb_abnormal.csv.',
      );
    });
  });
});
