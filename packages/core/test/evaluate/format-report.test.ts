import { evaluatePredictions } from '../../src/evaluate/evaluate-predictions';
import { formatReport } from '../../src/evaluate/format-report';

describe('formatReport', () => {
  describe('with two classes', () => {
    it('puts each metric next to the baseline and labels the confusion matrix', () => {
      const report = evaluatePredictions({
        labels: Int32Array.from([0, 0, 0, 1, 1, 0]),
        probabilities: Float32Array.from([
          0.9, 0.1, 0.6, 0.4, 0.4, 0.6, 0.2, 0.8, 0.6, 0.4, 0.8, 0.2,
        ]),
        classNames: ['normal', 'abnormal'],
      });
      expect(formatReport(report)).toBe(
        [
          '6 beats, 2 classes; baseline always predicts "normal"',
          '',
          'metric     model  baseline',
          'accuracy  0.6667    0.6667',
          'macro F1  0.6250    0.4000',
          'ROC AUC   0.8125    0.5000',
          '',
          'class     precision  recall      F1  support',
          'normal       0.7500  0.7500  0.7500        4',
          'abnormal     0.5000  0.5000  0.5000        2',
          '',
          'true \\ predicted  normal  abnormal',
          'normal                 3         1',
          'abnormal               1         1',
        ].join('\n'),
      );
    });
  });

  describe('with three classes', () => {
    it('shows n/a for the ROC AUC', () => {
      const report = evaluatePredictions({
        labels: Int32Array.from([0, 1, 2]),
        probabilities: Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]),
        classNames: ['N', 'S', 'V'],
      });
      expect(formatReport(report).split('\n')[5]).toBe('ROC AUC      n/a       n/a');
    });
  });
});
