import { UsageError } from '../../src/errors';
import { classCounts, type BeatDataset } from '../../src/data/beat-dataset';
import {
  majorityBaseline,
  recipeSplit,
  splitSummary,
  stratifiedSplit,
  summarizeDataset,
} from '../../src/data/splits';
import { caught } from './csv-helpers';

/** A dataset of one-sample beats whose sample is the beat's index, so beats can be traced. */
function tracedDataset(labels: number[], classNames = ['normal', 'abnormal']): BeatDataset {
  return {
    samples: Float32Array.from(labels, (_, index) => index),
    labels: Int32Array.from(labels),
    beatLength: 1,
    classNames,
  };
}

/** Labels 0,1,0,1,…: `perClass` beats of each of two classes, interleaved. */
function interleaved(perClass: number): BeatDataset {
  return tracedDataset(Array.from({ length: perClass * 2 }, (_, index) => index % 2));
}

describe('recipeSplit', () => {
  describe('with enough beats of each class', () => {
    it('takes the first beats of each class for train and the next for test', () => {
      const { train, test } = recipeSplit(interleaved(5), { trainPerClass: 3, testPerClass: 1 });
      expect(Array.from(train.samples)).toEqual([0, 2, 4, 1, 3, 5]);
      expect(Array.from(train.labels)).toEqual([0, 0, 0, 1, 1, 1]);
      expect(Array.from(test.samples)).toEqual([6, 7]);
      expect(Array.from(test.labels)).toEqual([0, 1]);
      expect(train.classNames).toEqual(['normal', 'abnormal']);
    });
  });

  describe('with a class that has too few beats', () => {
    it('throws a UsageError saying how many it has and what to pass', async () => {
      const dataset = tracedDataset([0, 0, 0, 0, 0, 1, 1, 1]);
      const error = await caught(() => recipeSplit(dataset, { trainPerClass: 3, testPerClass: 1 }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        'recipeSplit: expected at least 4 beats of class 1 "abnormal" (trainPerClass 3 + ' +
          'testPerClass 1), found 3. Pass trainPerClass and testPerClass (--train-per-class ' +
          'and --test-per-class in the CLI) that add up to 3 or less, or load more beats of ' +
          'that class.',
      );
    });
  });

  describe('with a count that is not a whole number', () => {
    it.each([
      ['trainPerClass', { trainPerClass: 2.5, testPerClass: 1 }, 2.5],
      ['testPerClass', { trainPerClass: 1, testPerClass: -1 }, -1],
    ])('rejects %s', async (name, options, value) => {
      const error = await caught(() => recipeSplit(interleaved(5), options));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        `recipeSplit: expected ${name} to be a whole number of beats, 0 or more, received ` +
          `${value}. The reference recipe passes 3000 and 1000.`,
      );
    });
  });
});

describe('stratifiedSplit', () => {
  const dataset = tracedDataset(
    [
      ...Array.from({ length: 100 }, () => 0),
      ...Array.from({ length: 30 }, () => 1),
      ...Array.from({ length: 10 }, () => 2),
    ],
    ['N', 'S', 'V'],
  );

  describe('with a test fraction', () => {
    it('puts that share of each class in test', () => {
      const { train, test } = stratifiedSplit(dataset, { testFraction: 0.2, seed: 7 });
      expect(classCounts(test)).toEqual([20, 6, 2]);
      expect(classCounts(train)).toEqual([80, 24, 8]);
    });

    it('uses every beat once, keeping the dataset order in each set', () => {
      const { train, test } = stratifiedSplit(dataset, { testFraction: 0.2, seed: 7 });
      const used = [...Array.from(train.samples), ...Array.from(test.samples)];
      expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: 140 }, (_, i) => i));
      for (const set of [train, test]) {
        const order = Array.from(set.samples);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    });
  });

  describe('with a seed', () => {
    it('gives the same split for the same seed and another for another seed', () => {
      const first = stratifiedSplit(dataset, { testFraction: 0.2, seed: 'a' });
      const again = stratifiedSplit(dataset, { testFraction: 0.2, seed: 'a' });
      const other = stratifiedSplit(dataset, { testFraction: 0.2, seed: 'b' });
      expect(again.test.samples).toEqual(first.test.samples);
      expect(other.test.samples).not.toEqual(first.test.samples);
    });
  });

  describe('with tiny classes', () => {
    it('keeps one beat of a two-beat class in each set and a single beat in train', () => {
      const tiny = tracedDataset([0, 0, 1], ['a', 'b']);
      const { train, test } = stratifiedSplit(tiny, { testFraction: 0.01, seed: 1 });
      expect(classCounts(test)).toEqual([1, 0]);
      expect(classCounts(train)).toEqual([1, 1]);
    });
  });

  describe('with a test fraction outside (0, 1)', () => {
    it.each([[0], [1], [Number.NaN]])('rejects %p', async (testFraction) => {
      const error = await caught(() => stratifiedSplit(dataset, { testFraction, seed: 1 }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        `stratifiedSplit: expected testFraction strictly between 0 and 1, received ` +
          `${testFraction}. Pass the share of each class to test on, such as 0.2.`,
      );
    });
  });
});

describe('majorityBaseline', () => {
  describe('with an imbalanced dataset', () => {
    it('gives the largest class and its share', () => {
      expect(majorityBaseline(tracedDataset([1, 0, 1, 1]))).toEqual({
        classIndex: 1,
        accuracy: 0.75,
      });
    });
  });

  describe('with a tie', () => {
    it('gives the lowest class index', () => {
      expect(majorityBaseline(tracedDataset([1, 0]))).toEqual({ classIndex: 0, accuracy: 0.5 });
    });
  });

  describe('with no beats', () => {
    it('throws a UsageError', async () => {
      const error = await caught(() => majorityBaseline(tracedDataset([])));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        'majorityBaseline: expected a dataset with at least one beat, found none. ' +
          'Check the split options or the files loaded.',
      );
    });
  });
});

describe('summarizeDataset', () => {
  it('counts the beats of each class', () => {
    expect(summarizeDataset(tracedDataset([0, 1, 1]))).toEqual({
      beats: 3,
      classCounts: [1, 2],
      classNames: ['normal', 'abnormal'],
    });
  });
});

describe('splitSummary', () => {
  describe('with a split', () => {
    it("scores the train set's majority class on the test set", () => {
      const train = tracedDataset([0, 0, 0, 1]);
      const test = tracedDataset([0, 1, 1, 1]);
      const summary = splitSummary({ train, test });
      expect(summary.baseline).toEqual({ classIndex: 0, accuracy: 0.25 });
      expect(summary.train.classCounts).toEqual([3, 1]);
      expect(summary.test.classCounts).toEqual([1, 3]);
    });
  });

  describe('with an empty test set', () => {
    it('throws a UsageError', async () => {
      const error = await caught(() =>
        splitSummary({ train: tracedDataset([0]), test: tracedDataset([]) }),
      );
      expect(error.message).toBe(
        'splitSummary: expected a test set with at least one beat, found none. ' +
          'Pass a larger testPerClass or testFraction.',
      );
    });
  });
});
