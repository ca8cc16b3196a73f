import { UsageError } from '../../src/errors';
import { evaluatePredictions } from '../../src/evaluate/evaluate-predictions';

/** Six beats, two classes; class 1's probabilities tie once across the classes (0.4). */
const BINARY_CASE = {
  labels: Int32Array.from([0, 0, 0, 1, 1, 0]),
  probabilities: Float32Array.from([0.9, 0.1, 0.6, 0.4, 0.4, 0.6, 0.2, 0.8, 0.6, 0.4, 0.8, 0.2]),
  classNames: ['normal', 'abnormal'],
};

/** One-hot-like rows (0.8 on the predicted class) for the given predicted classes. */
function confidentRows(predictions: number[], classTotal: number): Float32Array {
  const rows = new Float32Array(predictions.length * classTotal).fill(0.1);
  predictions.forEach((p, i) => (rows[i * classTotal + p] = 0.8));
  return rows;
}

describe('evaluatePredictions', () => {
  describe('with two classes', () => {
    const report = evaluatePredictions(BINARY_CASE);

    it('counts the confusion matrix with true classes as rows', () => {
      expect(report.confusion).toEqual([
        [3, 1],
        [1, 1],
      ]);
    });

    it('computes accuracy, per-class metrics and macro F1 exactly', () => {
      expect(report.count).toBe(6);
      expect(report.accuracy).toBe(2 / 3);
      expect(report.perClass).toEqual([
        { className: 'normal', precision: 0.75, recall: 0.75, f1: 0.75, support: 4 },
        { className: 'abnormal', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      ]);
      expect(report.macroF1).toBe(0.625);
      expect(report.classCounts).toEqual([4, 2]);
    });

    it('computes the ROC AUC of class 1 with ties counted as one half', () => {
      expect(report.rocAuc).toBe(6.5 / 8);
    });

    it('scores the majority-class baseline', () => {
      expect(report.baselineClassName).toBe('normal');
      expect(report.baselineAccuracy).toBe(2 / 3);
      // Baseline F1: normal 2·4 / (2·4 + 2 + 0) = 0.8, abnormal 0.
      expect(report.baselineMacroF1).toBe(0.4);
      expect(report.baselineRocAuc).toBe(0.5);
    });
  });

  describe('with three classes, one never predicted', () => {
    const labels = Int32Array.from([0, 0, 1, 1, 2, 2, 0]);
    const classNames = ['N', 'S', 'V'];
    const probabilities = confidentRows([0, 1, 1, 0, 0, 0, 0], 3);
    const report = evaluatePredictions({ labels, probabilities, classNames });

    it('gives the unpredicted class precision 0 (0/0 is defined as 0)', () => {
      expect(report.perClass[2]).toEqual({
        className: 'V',
        precision: 0,
        recall: 0,
        f1: 0,
        support: 2,
      });
    });

    it('averages F1 over all three classes', () => {
      expect(report.accuracy).toBe(3 / 7);
      expect(report.macroF1).toBe(1 / 3);
    });

    it('reports no ROC AUC', () => {
      expect(report.rocAuc).toBeNull();
      expect(report.baselineRocAuc).toBeNull();
    });

    it('scores the baseline over all three classes', () => {
      expect(report.baselineAccuracy).toBe(3 / 7);
      // Baseline F1 of N: 2·3 / (2·3 + 4 + 0) = 0.6; S and V: 0.
      expect(report.baselineMacroF1).toBe(0.6 / 3);
    });
  });

  describe('when every label is the same class', () => {
    const report = evaluatePredictions({
      labels: Int32Array.from([0, 0, 0]),
      probabilities: Float32Array.from([0.7, 0.3, 0.2, 0.8, 0.9, 0.1]),
      classNames: ['normal', 'abnormal'],
    });

    it('gives the absent class zero metrics and zero support', () => {
      expect(report.perClass[1]).toEqual({
        className: 'abnormal',
        precision: 0,
        recall: 0,
        f1: 0,
        support: 0,
      });
      expect(report.macroF1).toBe(0.4);
    });

    it('reports no ROC AUC, since there are no positives', () => {
      expect(report.rocAuc).toBeNull();
      expect(report.baselineRocAuc).toBeNull();
    });

    it('gives the baseline perfect accuracy', () => {
      expect(report.baselineAccuracy).toBe(1);
      expect(report.baselineMacroF1).toBe(0.5);
    });
  });

  describe('when two probabilities of a beat tie', () => {
    it('predicts the lower class index', () => {
      const report = evaluatePredictions({
        labels: Int32Array.from([1]),
        probabilities: Float32Array.from([0.5, 0.5]),
        classNames: ['a', 'b'],
      });
      expect(report.confusion).toEqual([
        [0, 0],
        [1, 0],
      ]);
    });
  });

  describe('when the input is malformed', () => {
    const call = (input: Partial<typeof BINARY_CASE>) => () =>
      evaluatePredictions({ ...BINARY_CASE, ...input });

    it('rejects fewer than two classes', () => {
      expect(call({ classNames: ['only'] })).toThrow(
        new UsageError('evaluatePredictions needs at least 2 class names; received 1.'),
      );
    });

    it('rejects no labels', () => {
      expect(call({ labels: new Int32Array(0), probabilities: new Float32Array(0) })).toThrow(
        'evaluatePredictions received no labels; pass at least one beat.',
      );
    });

    it('rejects probabilities of the wrong length', () => {
      expect(call({ probabilities: new Float32Array(11) })).toThrow(
        'evaluatePredictions expected 6 × 2 = 12 probabilities (beats × classes); received 11.',
      );
    });

    it('rejects a label outside the classes', () => {
      expect(call({ labels: Int32Array.from([0, 0, 2, 1, 1, 0]) })).toThrow(
        'labels[2] is 2; expected a class index in [0, 1].',
      );
    });

    it('rejects a probability that is not finite', () => {
      const probabilities = BINARY_CASE.probabilities.slice();
      probabilities[3] = Number.NaN;
      expect(call({ probabilities })).toThrow('probabilities[3] is NaN; expected a finite number.');
    });

    it('throws UsageError', () => {
      expect(call({ classNames: [] })).toThrow(UsageError);
    });
  });
});
