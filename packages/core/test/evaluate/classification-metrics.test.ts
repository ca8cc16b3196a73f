import {
  accuracyOf,
  confusionMatrix,
  macroF1Of,
  perClassMetrics,
  safeRatio,
} from '../../src/evaluate/classification-metrics';

describe('safeRatio', () => {
  it('divides', () => {
    expect(safeRatio(3, 4)).toBe(0.75);
  });

  it('defines 0/0 as 0', () => {
    expect(safeRatio(0, 0)).toBe(0);
  });
});

describe('confusionMatrix', () => {
  it('counts true classes by row and predicted classes by column', () => {
    expect(confusionMatrix([0, 0, 1, 2], [0, 1, 1, 0], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });
});

describe('accuracyOf', () => {
  it('is the diagonal over the total', () => {
    expect(
      accuracyOf([
        [3, 1],
        [1, 1],
      ]),
    ).toBe(4 / 6);
  });

  it('is 0 for an empty matrix', () => {
    expect(
      accuracyOf([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
  });
});

describe('perClassMetrics', () => {
  describe('when a class is never predicted and never present', () => {
    it('gives it precision, recall and F1 of 0', () => {
      const [, absent] = perClassMetrics(
        [
          [2, 0],
          [0, 0],
        ],
        ['a', 'b'],
      );
      expect(absent).toEqual({ className: 'b', precision: 0, recall: 0, f1: 0, support: 0 });
    });
  });

  describe('when counts are known', () => {
    it('computes precision, recall and F1 from them', () => {
      const [first] = perClassMetrics(
        [
          [2, 1, 0],
          [1, 1, 0],
          [2, 0, 0],
        ],
        ['a', 'b', 'c'],
      );
      expect(first).toEqual({
        className: 'a',
        precision: 2 / 5,
        recall: 2 / 3,
        f1: 0.5,
        support: 3,
      });
    });
  });
});

describe('macroF1Of', () => {
  it('averages F1 over every class', () => {
    const metrics = perClassMetrics(
      [
        [3, 1],
        [1, 1],
      ],
      ['a', 'b'],
    );
    expect(macroF1Of(metrics)).toBe(0.625);
  });
});
