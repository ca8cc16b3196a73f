/** @module Browsers: saves a classifier to IndexedDB and loads it back. */
import { loadModelFromIndexedDb, saveModelToIndexedDb } from '../io/indexed-db';
import { classifierFromSaved, manifestOf } from './classifier-manifest';
import { EcgClassifier } from './ecg-classifier';

/**
 * Saves the classifier under `name` in the page's IndexedDB, with its manifest.
 *
 * @throws {ModelIoError} where IndexedDB is missing (Node) or the write fails.
 */
export async function saveClassifierToIndexedDb(
  classifier: EcgClassifier,
  name: string,
): Promise<void> {
  await saveModelToIndexedDb(name, classifier.model, manifestOf(classifier));
}

/**
 * Loads a classifier saved by {@link saveClassifierToIndexedDb}.
 *
 * @throws {ModelIoError} when nothing is saved under `name`, or it is not an edge-ecg model.
 */
export async function loadClassifierFromIndexedDb(name: string): Promise<EcgClassifier> {
  return classifierFromSaved(await loadModelFromIndexedDb(name));
}
