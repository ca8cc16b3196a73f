/** The Kaggle sample files in the shared data folder load in full, with the right classes. */
import { join, resolve } from 'node:path';
import { recipeSplit } from '../../src/data/splits';
import { loadKaggleCsv, loadKaggleCsvFiles } from '../../src/data/load-kaggle-csv';

const DATA_DIR = process.env.ECG_DATA_DIR ?? resolve(__dirname, '../../../../../shared/data');
const SAMPLE_DIR = join(DATA_DIR, 'kaggle-sample');
const NORMAL = join(SAMPLE_DIR, 'ptbdb_normal_sample.csv');
const ABNORMAL = join(SAMPLE_DIR, 'ptbdb_abnormal_sample.csv');
const MITBIH = join(SAMPLE_DIR, 'mitbih_train_sample.csv');

describe('loadKaggleCsv on the Kaggle samples', () => {
  describe('with mitbih_train_sample.csv', () => {
    it('reads 500 beats of 187 samples, 100 of each AAMI class', async () => {
      const result = await loadKaggleCsv(MITBIH);
      expect(result.rows).toBe(500);
      expect(result.rowsPerClass).toEqual([100, 100, 100, 100, 100]);
      expect(result.dataset.classNames).toEqual(['N', 'S', 'V', 'F', 'Q']);
      expect(result.dataset.beatLength).toBe(187);
      expect(result.dataset.samples).toHaveLength(500 * 187);
    });
  });

  describe('with ptbdb_normal_sample.csv', () => {
    it('reads 100 beats of label 0, starting with the first row of the file', async () => {
      const result = await loadKaggleCsv(NORMAL, { classNames: ['normal', 'abnormal'] });
      expect(result.rows).toBe(100);
      expect(result.rowsPerClass).toEqual([100, 0]);
      // The file's first cells are 0.9992589950561525,0.9314560890197754; float32 rounding.
      expect(result.dataset.samples[0]).toBeCloseTo(0.9992589950561525, 6);
      expect(result.dataset.samples[1]).toBeCloseTo(0.9314560890197754, 6);
    });
  });

  describe('with both PTB sample files', () => {
    it('reads 100 beats of each class, normal first', async () => {
      const result = await loadKaggleCsvFiles([NORMAL, ABNORMAL]);
      expect(result.rows).toBe(200);
      expect(result.dataset.classNames).toEqual(['normal', 'abnormal']);
      expect(result.rowsPerClass).toEqual([100, 100]);
      expect(result.files.map((file) => file.rowsPerClass)).toEqual([
        [100, 0],
        [0, 100],
      ]);
    });

    it('splits by the recipe, scaled down to 60 train and 40 test beats per class', async () => {
      const { dataset } = await loadKaggleCsvFiles([NORMAL, ABNORMAL]);
      const { train, test } = recipeSplit(dataset, { trainPerClass: 60, testPerClass: 40 });
      expect(Array.from(train.labels.subarray(58, 62))).toEqual([0, 0, 1, 1]);
      expect(test.labels).toHaveLength(80);
      expect(train.samples.subarray(0, 187)).toEqual(dataset.samples.subarray(0, 187));
    });
  });
});
