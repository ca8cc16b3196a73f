/** @module Node only: saves a classifier to a model directory and loads it back. */
import { BEAT_LENGTH, BEAT_SAMPLE_RATE_HZ } from '../data/kachuee-cut';
import { createModelManifest, DEFAULT_SCALING, type ModelManifest } from '../io/model-manifest';
import { loadModelFromDirectory, saveModelToDirectory } from '../io/model-directory';
import { parseSpec } from '../spec/parse-spec';
import type { ModelSpec } from '../spec/model-spec';
import { EcgClassifier } from './ecg-classifier';

/** The manifest that describes a classifier. */
export function manifestOf(classifier: EcgClassifier): ModelManifest<ModelSpec> {
  const { input } = classifier.spec;
  return createModelManifest({
    spec: classifier.spec,
    preprocessing: {
      sampleRateHz: input.sampleRateHz ?? BEAT_SAMPLE_RATE_HZ,
      beatLength: input.length ?? BEAT_LENGTH,
      scaling: DEFAULT_SCALING,
    },
    classNames: classifier.classNames,
    trainingData: classifier.trainingData,
    metrics: classifier.metrics as unknown as Record<string, unknown> | null,
  });
}

/**
 * Saves the classifier to `dir` atomically: topology and weights in tfjs layers format, and
 * `manifest.json` with the spec, preprocessing, classes, training data and metrics.
 *
 * @throws {ModelIoError} when a file cannot be written; the previous model at `dir` is kept.
 */
export async function saveClassifier(classifier: EcgClassifier, dir: string): Promise<void> {
  await saveModelToDirectory(dir, classifier.model, manifestOf(classifier));
}

/**
 * Loads a classifier saved by {@link saveClassifier}.
 *
 * @throws {ModelIoError} naming the file when the directory is missing, corrupt or incompatible.
 */
export async function loadClassifier(dir: string): Promise<EcgClassifier> {
  const { model, manifest } = await loadModelFromDirectory(dir);
  const classifier = EcgClassifier.fromModel(model, parseSpec(manifest.spec));
  classifier.trainingData = manifest.trainingData;
  return classifier;
}
