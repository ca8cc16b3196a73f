/** @module Node only: saves a classifier to a model directory and loads it back. */
import { loadModelFromDirectory, saveModelToDirectory } from '../io/model-directory';
import { classifierFromSaved, manifestOf } from './classifier-manifest';
import { EcgClassifier } from './ecg-classifier';

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
  return classifierFromSaved(await loadModelFromDirectory(dir));
}
