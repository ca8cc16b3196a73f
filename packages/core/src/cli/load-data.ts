/** @module Turns the data flags of `train` and `evaluate` into datasets. */
import type { BeatDataset } from '../data/beat-dataset';
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

/** The labelled beats the flags name: `--normal`/`--abnormal`, `--csv`, or none (synthetic). */
export async function loadLabelledData(
  flags: Flags,
  syntheticPerClass: number,
  seed: number,
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
  const { dataset } = await loadKaggleCsvFiles(files);
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
