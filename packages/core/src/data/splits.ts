/** @module Train/test splits of a beat dataset, and the class counts evaluation reports. */
import { UsageError } from '../errors';
import { createRandom, shuffledIndices } from '../util/seeded-random';
import { beatCount, classCounts, selectBeats, type BeatDataset } from './beat-dataset';

/** A dataset split into beats to train on and beats to test on. */
export interface DatasetSplit {
  train: BeatDataset;
  test: BeatDataset;
}

/** Options of {@link recipeSplit}. */
export interface RecipeSplitOptions {
  /** Beats of each class to train on: the first ones of that class in file order. */
  trainPerClass: number;
  /** Beats of each class to test on: the ones right after the training beats. */
  testPerClass: number;
}

/**
 * The reference recipe's split: for each class, in file order, the first `trainPerClass`
 * beats go to train and the next `testPerClass` to test; later beats are left out. Both sets
 * are ordered class by class, file order within a class. The recipe loads `ptbdb_normal.csv`
 * and `ptbdb_abnormal.csv` and passes 3000 and 1000.
 *
 * @throws {UsageError} if a count is not a whole number, or a class has too few beats.
 */
export function recipeSplit(dataset: BeatDataset, options: RecipeSplitOptions): DatasetSplit {
  const { trainPerClass, testPerClass } = options;
  checkCount('trainPerClass', trainPerClass);
  checkCount('testPerClass', testPerClass);
  const byClass = indicesByClass(dataset);
  byClass.forEach((indices, classIndex) => {
    if (indices.length < trainPerClass + testPerClass) {
      throw tooFewBeatsError(dataset, classIndex, indices.length, options);
    }
  });
  const train = byClass.flatMap((indices) => indices.slice(0, trainPerClass));
  const test = byClass.flatMap((indices) =>
    indices.slice(trainPerClass, trainPerClass + testPerClass),
  );
  return { train: selectBeats(dataset, train), test: selectBeats(dataset, test) };
}

function checkCount(name: string, value: number): void {
  if (Number.isInteger(value) && value >= 0) return;
  throw new UsageError(
    `recipeSplit: expected ${name} to be a whole number of beats, 0 or more, ` +
      `received ${String(value)}. The reference recipe passes 3000 and 1000.`,
  );
}

function tooFewBeatsError(
  dataset: BeatDataset,
  classIndex: number,
  found: number,
  { trainPerClass, testPerClass }: RecipeSplitOptions,
): UsageError {
  const name = JSON.stringify(dataset.classNames[classIndex]);
  return new UsageError(
    `recipeSplit: expected at least ${trainPerClass + testPerClass} beats of class ` +
      `${classIndex} ${name} (trainPerClass ${trainPerClass} + testPerClass ${testPerClass}), ` +
      `found ${found}. Pass trainPerClass and testPerClass (--train-per-class and ` +
      `--test-per-class in the CLI) that add up to ${found} or less, or load more beats of ` +
      'that class.',
  );
}

/** Options of {@link stratifiedSplit}. */
export interface StratifiedSplitOptions {
  /** The share of each class that goes to test, in (0, 1). */
  testFraction: number;
  /** The seed of the shuffle that picks the test beats; the same seed gives the same split. */
  seed: number | string;
}

/**
 * A seeded random split that keeps each class's share: of a class of `n` beats,
 * `round(n × testFraction)` go to test, but at least one to each set when `n ≥ 2`. Both sets
 * keep the dataset's order.
 *
 * @throws {UsageError} if `testFraction` is not strictly between 0 and 1.
 */
export function stratifiedSplit(
  dataset: BeatDataset,
  options: StratifiedSplitOptions,
): DatasetSplit {
  const { testFraction, seed } = options;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new UsageError(
      `stratifiedSplit: expected testFraction strictly between 0 and 1, received ` +
        `${String(testFraction)}. Pass the share of each class to test on, such as 0.2.`,
    );
  }
  const random = createRandom(seed);
  const isTest = new Uint8Array(beatCount(dataset));
  for (const indices of indicesByClass(dataset)) {
    const order = shuffledIndices(indices.length, random);
    const testCount = testCountOf(indices.length, testFraction);
    for (let rank = 0; rank < testCount; rank++) isTest[indices[order[rank]!]!] = 1;
  }
  const train = indicesWhere(isTest, 0);
  const test = indicesWhere(isTest, 1);
  return { train: selectBeats(dataset, train), test: selectBeats(dataset, test) };
}

function testCountOf(classSize: number, testFraction: number): number {
  if (classSize < 2) return 0;
  return Math.min(classSize - 1, Math.max(1, Math.round(classSize * testFraction)));
}

function indicesWhere(flags: Uint8Array, value: number): number[] {
  const indices: number[] = [];
  flags.forEach((flag, index) => {
    if (flag === value) indices.push(index);
  });
  return indices;
}

/** The beat indices of each class, in dataset order, by class index. */
function indicesByClass(dataset: BeatDataset): number[][] {
  const byClass = dataset.classNames.map((): number[] => []);
  dataset.labels.forEach((label, index) => byClass[label]!.push(index));
  return byClass;
}

/** The accuracy of always answering one class. */
export interface MajorityBaseline {
  /** The most frequent class (the lowest index among ties). */
  classIndex: number;
  /** The share of beats of that class, in [0, 1]. */
  accuracy: number;
}

/**
 * The majority-class baseline: the class with the most beats and the accuracy of always
 * answering it. A classifier must beat this to have learnt anything.
 *
 * @throws {UsageError} if the dataset has no beats.
 */
export function majorityBaseline(dataset: BeatDataset): MajorityBaseline {
  const counts = classCounts(dataset);
  const total = beatCount(dataset);
  if (total === 0) {
    throw new UsageError(
      'majorityBaseline: expected a dataset with at least one beat, found none. ' +
        'Check the split options or the files loaded.',
    );
  }
  const classIndex = counts.indexOf(Math.max(...counts));
  return { classIndex, accuracy: counts[classIndex]! / total };
}

/** Beat counts of one dataset. */
export interface DatasetSummary {
  beats: number;
  /** Beats of each class, by class index. */
  classCounts: number[];
  classNames: string[];
}

/** Beat counts of both sets of a split, and the baseline a classifier must beat. */
export interface SplitSummary {
  train: DatasetSummary;
  test: DatasetSummary;
  /** The train set's majority class, and its share of the test set. */
  baseline: MajorityBaseline;
}

/** Beat counts of a dataset, by class. */
export function summarizeDataset(dataset: BeatDataset): DatasetSummary {
  const names = [...dataset.classNames];
  return { beats: beatCount(dataset), classCounts: classCounts(dataset), classNames: names };
}

/**
 * Beat counts of both sets of a split, and the majority baseline: the test accuracy of
 * always answering the class most frequent in train.
 *
 * @throws {UsageError} if either set has no beats.
 */
export function splitSummary(split: DatasetSplit): SplitSummary {
  const { classIndex } = majorityBaseline(split.train);
  const test = summarizeDataset(split.test);
  if (test.beats === 0) {
    throw new UsageError(
      'splitSummary: expected a test set with at least one beat, found none. ' +
        'Pass a larger testPerClass or testFraction.',
    );
  }
  const accuracy = test.classCounts[classIndex]! / test.beats;
  return { train: summarizeDataset(split.train), test, baseline: { classIndex, accuracy } };
}
