/** @module Registers the SDK's own layers with tfjs, so that saved models load back. */
import * as tf from '@tensorflow/tfjs-core';
import { CausalPadding1D } from './causal-padding-1d';
import { MinPooling1D } from './min-pooling-1d';

/** The SDK's own layer classes, by their serialised class name. */
export const CUSTOM_LAYER_CLASSES = [MinPooling1D, CausalPadding1D] as const;

/**
 * Registers {@link MinPooling1D} and {@link CausalPadding1D} with tfjs's serialization, so
 * that `tfl.loadLayersModel` can rebuild a model that uses them. Nothing registers at import
 * time; `buildModel` calls this, and so must any code that loads a model without building
 * one first. Calling it again is harmless.
 */
export function registerCustomLayers(): void {
  for (const layerClass of CUSTOM_LAYER_CLASSES) tf.serialization.registerClass(layerClass);
}
