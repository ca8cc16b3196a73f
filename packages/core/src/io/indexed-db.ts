/** @module Browsers: saves and loads a model with its manifest in IndexedDB, via tfjs-core. */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ModelIoError, reasonOf } from '../errors';
import {
  MANIFEST_METADATA_KEY,
  captureArtifacts,
  checkClassNames,
  modelFromArtifacts,
  withManifest,
} from './model-artifacts';
import { checkManifest, type ModelManifest } from './model-manifest';
import type { LoadedModel } from './loaded-model';

/** The URL scheme of tfjs-core's IndexedDB handler. */
const INDEXED_DB_SCHEME = 'indexeddb://';

/** tfjs-core's IndexedDB handler for `url`; it registers only where the page has IndexedDB. */
function indexedDbHandler(url: string, kind: 'save' | 'load'): tf.io.IOHandler {
  const handlers = kind === 'save' ? tf.io.getSaveHandlers(url) : tf.io.getLoadHandlers(url);
  const handler = handlers[0];
  if (handler !== undefined) return handler;
  const nodeFunction = kind === 'save' ? 'saveModelToDirectory' : 'loadModelFromDirectory';
  throw new ModelIoError(
    url,
    `Cannot ${kind} ${url}: IndexedDB is not available here (TensorFlow.js offers its ` +
      `${INDEXED_DB_SCHEME} handler only in browsers). In Node, use ` +
      `${nodeFunction} from @edge-ecg/core/node.`,
  );
}

/**
 * Saves `model` under `name` in the browser's IndexedDB (tfjs-core's `indexeddb://` store), with
 * the manifest kept in the model's `userDefinedMetadata`.
 *
 * @throws {ModelIoError} naming `indexeddb://<name>` when IndexedDB is unavailable or the save
 *   fails, or when the manifest is invalid or disagrees with the model's output units.
 */
export async function saveModelToIndexedDb(
  name: string,
  model: tfl.LayersModel,
  manifest: ModelManifest,
): Promise<void> {
  const url = `${INDEXED_DB_SCHEME}${name}`;
  const handler = indexedDbHandler(url, 'save');
  const checked = checkManifest(manifest, url);
  checkClassNames(model, checked, { manifestFile: url, modelFile: url });
  const artifacts = withManifest(await captureArtifacts(model), checked);
  try {
    await handler.save!(artifacts);
  } catch (error) {
    throw new ModelIoError(url, `Could not save ${url}: ${reasonOf(error)}.`, { cause: error });
  }
}

async function loadArtifacts(url: string): Promise<tf.io.ModelArtifacts> {
  const handler = indexedDbHandler(url, 'load');
  try {
    return await handler.load!();
  } catch (error) {
    throw new ModelIoError(
      url,
      `Could not load ${url}: ${reasonOf(error)}. Check the name, or save the model first ` +
        'with saveModelToIndexedDb.',
      { cause: error },
    );
  }
}

/**
 * Loads a model saved by {@link saveModelToIndexedDb}, with its manifest.
 *
 * @throws {ModelIoError} naming `indexeddb://<name>` when IndexedDB is unavailable, nothing is
 *   stored under `name`, the stored model has no valid manifest, or its class names disagree
 *   with its output units.
 */
export async function loadModelFromIndexedDb<Spec = unknown>(
  name: string,
): Promise<LoadedModel<Spec>> {
  const url = `${INDEXED_DB_SCHEME}${name}`;
  const artifacts = await loadArtifacts(url);
  const stored = artifacts.userDefinedMetadata?.[MANIFEST_METADATA_KEY];
  if (stored === undefined) {
    throw new ModelIoError(
      url,
      `${url} holds a TensorFlow.js model without an edge-ecg manifest in its ` +
        `userDefinedMetadata.${MANIFEST_METADATA_KEY}. Save it with saveModelToIndexedDb.`,
    );
  }
  const manifest = checkManifest(stored, url);
  const model = await modelFromArtifacts(artifacts, url);
  try {
    checkClassNames(model, manifest, { manifestFile: url, modelFile: url });
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, manifest: manifest as ModelManifest<Spec> };
}
