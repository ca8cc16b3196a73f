import { rocAuc } from '../../src/evaluate/roc-auc';

describe('rocAuc', () => {
  describe('when the scores separate the classes', () => {
    it('is 1 when every positive scores above every negative', () => {
      expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    });

    it('is 0 when every positive scores below every negative', () => {
      expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    });
  });

  describe('when scores tie', () => {
    it('counts a tied positive-negative pair as one half', () => {
      // Pairs (positive, negative): (0.8, all 4) = 4; (0.4: > 0.1, 0.2; = 0.4; < 0.6) = 2.5.
      const scores = [0.1, 0.4, 0.6, 0.8, 0.4, 0.2];
      const positive = [false, false, false, true, true, false];
      expect(rocAuc(scores, positive)).toBe(6.5 / 8);
    });

    it('is 0.5 when every score is the same', () => {
      expect(rocAuc([0.3, 0.3, 0.3, 0.3, 0.3], [true, false, false, true, false])).toBe(0.5);
    });

    it('does not depend on the order of the beats', () => {
      const scores = [0.4, 0.2, 0.8, 0.4, 0.6, 0.1];
      const positive = [true, false, true, false, false, false];
      expect(rocAuc(scores, positive)).toBe(6.5 / 8);
    });
  });

  describe('when one class is absent', () => {
    it('returns null without positives', () => {
      expect(rocAuc([0.1, 0.9], [false, false])).toBeNull();
    });

    it('returns null without negatives', () => {
      expect(rocAuc([0.1, 0.9], [true, true])).toBeNull();
    });
  });
});
