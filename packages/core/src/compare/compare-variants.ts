/** @module Trains and evaluates spec variants on the same data and seed, side by side. */
import type { BeatDataset } from '../data/beat-dataset';
import { EcgClassifier } from '../classifier/ecg-classifier';
import { EdgeEcgError } from '../errors';
import type { ModelSpec } from '../spec/model-spec';
import { computeShapes, totalParamCount } from '../spec/shapes';
import { classCounts } from '../data/beat-dataset';
import { endsAtChance } from '../train/dead-start';
import type { TrainingPath } from '../train/step-runner';
import type { TrainCallbacks } from '../train/train-model';

/** One spec to try, and its label in the comparison. */
export interface Variant {
  name: string;
  spec: ModelSpec;
}

/** How one variant did; `error` is set instead of the metrics when its spec cannot work. */
export interface VariantResult {
  name: string;
  parameters: number | null;
  accuracy: number | null;
  macroF1: number | null;
  rocAuc: number | null;
  epochs: number;
  secondsPerEpoch: number | null;
  /** The last epoch's training loss still above 98 % of the chance loss: a dead start. */
  atChance: boolean;
  /** Which code took the training steps (null when the spec cannot work). */
  trainingPath: TrainingPath | null;
  error: string | null;
}

function failed(name: string, error: EdgeEcgError): VariantResult {
  const base = { name, parameters: null, accuracy: null, macroF1: null, rocAuc: null };
  const untrained = { epochs: 0, secondsPerEpoch: null, atChance: false, trainingPath: null };
  return { ...base, ...untrained, error: error.message };
}

async function tryVariant(
  variant: Variant,
  train: BeatDataset,
  test: BeatDataset,
  callbacks: TrainCallbacks,
): Promise<VariantResult> {
  let classifier: EcgClassifier;
  try {
    classifier = EcgClassifier.create(variant.spec);
  } catch (error) {
    if (error instanceof EdgeEcgError) return failed(variant.name, error);
    throw error;
  }
  try {
    const history = await classifier.train(train, callbacks);
    const report = classifier.evaluate(test);
    const epochs = history.epochs.length;
    const { classWeights } = classifier.spec.training;
    return {
      name: variant.name,
      parameters: totalParamCount(computeShapes(classifier.spec)),
      accuracy: report.accuracy,
      macroF1: report.macroF1,
      rocAuc: report.rocAuc,
      epochs,
      secondsPerEpoch: history.durationMs / 1000 / Math.max(1, epochs),
      atChance: endsAtChance(history.epochs, classCounts(train), classWeights) !== undefined,
      trainingPath: history.trainingPath,
      error: null,
    };
  } finally {
    classifier.dispose();
  }
}

/**
 * Trains every variant on `train` and scores it on `test`, one after another. A variant whose
 * spec cannot work is reported with its error; the others still run.
 */
export async function compareVariants(
  variants: Variant[],
  train: BeatDataset,
  test: BeatDataset,
  callbacksFor: (variant: Variant) => TrainCallbacks = () => ({}),
): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  for (const variant of variants) {
    results.push(await tryVariant(variant, train, test, callbacksFor(variant)));
  }
  return results;
}
