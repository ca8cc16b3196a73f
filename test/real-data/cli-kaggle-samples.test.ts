/**
 * The acceptance commands on the Kaggle sample rows: the reference recipe (50 epochs)
 * on the PTB samples, and five classes on the MIT-BIH samples.
 */
import { lastJsonLine, runEdgeEcg } from '../cli/run-edge-ecg';
import { kaggleSample } from './data-dir';

describe('edge-ecg train on the Kaggle samples', () => {
  describe('the reference recipe on the PTB samples', () => {
    it('trains 50 epochs on wasm/simd and reports its metrics next to the baseline', () => {
      const run = runEdgeEcg([
        'train',
        '--normal',
        kaggleSample('ptbdb_normal_sample.csv'),
        '--abnormal',
        kaggleSample('ptbdb_abnormal_sample.csv'),
        '--train-per-class',
        '70',
        '--test-per-class',
        '30',
        '--json',
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = lastJsonLine(run.stdout);
      expect(report).toMatchObject({
        backend: 'wasm',
        wasmBinary: 'simd',
        epochs: 50,
        classCounts: [30, 30],
        baselineAccuracy: 0.5,
        classNames: ['normal', 'abnormal'],
      });
      expect(report['accuracy']).toBeGreaterThanOrEqual(0);
      expect((report['confusion'] as number[][]).flat().reduce((a, b) => a + b)).toBe(60);
    });
  });

  describe('five classes on the MIT-BIH samples', () => {
    it('trains N/S/V/F/Q and reports a 5 × 5 confusion matrix', () => {
      const run = runEdgeEcg([
        'train',
        '--csv',
        kaggleSample('mitbih_train_sample.csv'),
        '--train-per-class',
        '70',
        '--test-per-class',
        '30',
        '--epochs',
        '10',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const report = lastJsonLine(run.stdout);
      expect(report).toMatchObject({
        classNames: ['N', 'S', 'V', 'F', 'Q'],
        classCounts: [30, 30, 30, 30, 30],
      });
      expect(report['confusion']).toHaveLength(5);
      // Chance is 0.2 on five balanced classes; ten epochs on 350 beats get well above it.
      expect(report['accuracy'] as number).toBeGreaterThan(0.35);
    });
  });
});
