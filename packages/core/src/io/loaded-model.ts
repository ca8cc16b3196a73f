/** @module The result of loading a saved model, from a directory or from IndexedDB. */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelManifest } from './model-manifest';

/** A model and its manifest, as loaded. */
export interface LoadedModel<Spec = unknown> {
  model: tfl.LayersModel;
  manifest: ModelManifest<Spec>;
}
