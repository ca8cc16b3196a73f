/** @module Turns the data flags of `train` and `evaluate` into datasets. */
import { classCounts, type BeatDataset } from '../data/beat-dataset';
import { loadKaggleCsvFiles } from '../data/load-kaggle-csv';
import { recipeSplit, stratifiedSplit, type DatasetSplit } from '../data/splits';
import { generateSyntheticBeats } from '../data/synthetic/synthetic-beats';
import { UsageError } from '../errors';
import { integerFlag, listFlag, stringFlag, type Flags } from './cli-args';
import { loadStreamPlugin } from './stream-plugin';

/** The reference recipe's split of `ptbdb_normal.csv` and `ptbdb_abnormal.csv`. */
export const RECIPE_TRAIN_PER_CLASS = 3000;
export const RECIPE_TEST_PER_CLASS = 1000;

/** The share of each class tested when `--csv` is given without per-class counts. */
export const CSV_TEST_FRACTION = 0.25;

/** Where labelled beats came from, and the beats. */
export interface LoadedData {
  dataset: BeatDataset;
  source: string;
  /** True for the embedded synthetic default. */
  synthetic: boolean;
}

/** A split and its provenance. */
export interface LoadedSplit extends DatasetSplit {
  source: string;
  synthetic: boolean;
  /** Extra provenance, such as which records were trained and tested on. */
  details?: Record<string, unknown>;
}

/**
 * Refuses data whose labels cannot make a classifier: one class only, or class numbers with no
 * rows (a mistyped label such as 7 among 0-4 would otherwise make an 8-class model).
 */
function checkClassesPresent(dataset: BeatDataset, files: string[]): void {
  const counts = classCounts(dataset);
  const where = files.join(', ');
  if (counts.length < 2) {
    throw new UsageError(
      `${where}: every row has label 0, so there is one class; training needs rows of at least 2 ` +
        'classes. For the PTB files pass both --normal and --abnormal.',
    );
  }
  const missing = counts.flatMap((count, label) => (count === 0 ? [label] : []));
  if (missing.length > 0) {
    throw new UsageError(
      `${where}: the labels run up to ${counts.length - 1}, but no row has label ` +
        `${missing.join(', ')}. Labels must be the class numbers 0 to ${counts.length - 1} ` +
        'with every class present: check the last column for a mistyped label.',
    );
  }
}

/**
 * The labelled beats the flags name: `--normal`/`--abnormal`, `--csv`, or none (synthetic).
 * With `classNames` (a saved model's), labels are checked against them; without, the classes
 * are inferred from the labels and must all be present.
 */
export async function loadLabelledData(
  flags: Flags,
  syntheticPerClass: number,
  seed: number,
  classNames?: string[],
): Promise<LoadedData> {
  const normal = stringFlag(flags, 'normal');
  const abnormal = stringFlag(flags, 'abnormal');
  const csv = listFlag(flags, 'csv');
  if ((normal === undefined) !== (abnormal === undefined)) {
    throw new UsageError('--normal and --abnormal go together: pass both PTB files, or use --csv.');
  }
  if (normal !== undefined && csv.length > 0) {
    throw new UsageError('Pass either --normal with --abnormal, or --csv, not both.');
  }
  const files = normal !== undefined ? [normal, abnormal!] : csv;
  if (files.length === 0) {
    const dataset = generateSyntheticBeats({ perClass: syntheticPerClass, seed }).dataset;
    return { dataset, source: `synthetic (seed ${seed})`, synthetic: true };
  }
  const { dataset } = await loadKaggleCsvFiles(files, classNames ? { classNames } : {});
  if (classNames === undefined) checkClassesPresent(dataset, files);
  return { dataset, source: files.join(', '), synthetic: false };
}

/** Beats cut from recordings (`--records`), split by record by the stream package. */
async function loadRecordSplit(flags: Flags, seed: number): Promise<LoadedSplit> {
  const labels = stringFlag(flags, 'labels') ?? 'binary';
  if (labels !== 'binary' && labels !== 'aami') {
    throw new UsageError(`--labels: expected "binary" or "aami", received "${labels}".`);
  }
  const plugin = await loadStreamPlugin();
  const records = listFlag(flags, 'records');
  const split = await plugin.buildRecordSplit({
    records,
    testRecords: listFlag(flags, 'test-records'),
    labels,
    seed,
  });
  return {
    train: split.train,
    test: split.test,
    source: split.source,
    synthetic: false,
    details: split.details,
  };
}

/** The train/test split the flags ask for. */
export async function loadTrainTestSplit(flags: Flags, seed: number): Promise<LoadedSplit> {
  if (listFlag(flags, 'records').length > 0) return loadRecordSplit(flags, seed);
  const trainPerClass = integerFlag(flags, 'train-per-class');
  const testPerClass = integerFlag(flags, 'test-per-class');
  const byCount =
    listFlag(flags, 'csv').length === 0 ||
    trainPerClass !== undefined ||
    testPerClass !== undefined;
  const counts = {
    trainPerClass: trainPerClass ?? RECIPE_TRAIN_PER_CLASS,
    testPerClass: testPerClass ?? RECIPE_TEST_PER_CLASS,
  };
  const loaded = await loadLabelledData(flags, counts.trainPerClass + counts.testPerClass, seed);
  const split = byCount
    ? recipeSplit(loaded.dataset, counts)
    : stratifiedSplit(loaded.dataset, { testFraction: CSV_TEST_FRACTION, seed });
  return { ...split, source: loaded.source, synthetic: loaded.synthetic };
}
