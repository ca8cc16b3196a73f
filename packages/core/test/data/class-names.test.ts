import { UsageError } from '../../src/errors';
import { defaultClassNames } from '../../src/data/class-names';
import { caught } from './csv-helpers';

describe('defaultClassNames', () => {
  describe('for two classes', () => {
    it('gives the PTB names', () => {
      expect(defaultClassNames(2)).toEqual(['normal', 'abnormal']);
    });
  });

  describe('for five classes', () => {
    it('gives the AAMI classes in the Kaggle MIT-BIH order', () => {
      expect(defaultClassNames(5)).toEqual(['N', 'S', 'V', 'F', 'Q']);
    });
  });

  describe('for other counts', () => {
    it('numbers the classes from 0', () => {
      expect(defaultClassNames(1)).toEqual(['class 0']);
      expect(defaultClassNames(3)).toEqual(['class 0', 'class 1', 'class 2']);
    });
  });

  describe('for each call', () => {
    it('returns a new array the caller may change', () => {
      defaultClassNames(2)[0] = 'changed';
      expect(defaultClassNames(2)).toEqual(['normal', 'abnormal']);
    });
  });

  describe('for a count that is not a whole number of 1 or more', () => {
    it.each([[0], [-1], [2.5], [Number.NaN]])('throws a UsageError for %p', async (count) => {
      const error = await caught(() => defaultClassNames(count));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        'defaultClassNames: expected a class count that is a whole number of 1 or more, ' +
          `received ${count}. Pass the number of distinct labels (the largest label + 1).`,
      );
    });
  });
});
