/** Telling a dead start: the chance loss of the labels, and the epoch that judges a run. */
import {
  chanceLoss,
  DEAD_START_EPOCHS,
  isDeadStart,
  isWatchedEpoch,
  judgingEpoch,
} from '../../src/train/dead-start';

describe('chanceLoss', () => {
  describe('for balanced classes', () => {
    it('is the log of the class count', () => {
      expect(chanceLoss([50, 50])).toBeCloseTo(Math.LN2, 12);
      expect(chanceLoss([7, 7, 7, 7, 7])).toBeCloseTo(Math.log(5), 12);
    });
  });

  describe('for unbalanced classes', () => {
    it('is the entropy of the class shares', () => {
      expect(chanceLoss([3, 1])).toBeCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), 12);
    });

    it('weighs each class as the training loss does', () => {
      // Weights 1 and 3 on shares 0.75 and 0.25 give each class 0.75 of the mean loss.
      expect(chanceLoss([3, 1], [1, 3])).toBeCloseTo(1.5 * Math.LN2, 12);
    });
  });

  describe('with an empty class', () => {
    it('leaves it out', () => {
      expect(chanceLoss([10, 0, 10])).toBeCloseTo(Math.LN2, 12);
    });
  });
});

describe('judgingEpoch', () => {
  describe('for the recipe (38 steps an epoch)', () => {
    it('is the fifth epoch', () => {
      expect(judgingEpoch(38)).toBe(DEAD_START_EPOCHS - 1);
    });
  });

  describe('for a small data set (3 steps an epoch)', () => {
    it('waits for 150 steps', () => {
      expect(judgingEpoch(3)).toBe(49);
    });
  });
});

describe('isWatchedEpoch', () => {
  describe('for the recipe (judged from its fifth epoch of 50)', () => {
    it('watches the judging epoch and every later one but the last', () => {
      const watched = Array.from({ length: 50 }, (_, epoch) => isWatchedEpoch(epoch, 4, 50));
      expect(watched.indexOf(true)).toBe(4);
      expect(watched.lastIndexOf(true)).toBe(48);
      expect(watched.filter(Boolean)).toHaveLength(45);
    });
  });

  describe('for a run that ends at its judging epoch', () => {
    it('watches nothing', () => {
      expect([0, 1, 2, 3, 4].some((epoch) => isWatchedEpoch(epoch, 4, 5))).toBe(false);
    });
  });
});

describe('isDeadStart', () => {
  it('is true while the loss is above 98 % of the chance loss', () => {
    expect(isDeadStart(0.6932, Math.LN2)).toBe(true);
    expect(isDeadStart(0.98 * Math.LN2 + 1e-6, Math.LN2)).toBe(true);
  });

  it('is false once the loss has left the chance level', () => {
    expect(isDeadStart(0.65, Math.LN2)).toBe(false);
  });
});
