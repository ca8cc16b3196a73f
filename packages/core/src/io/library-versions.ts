/** @module The versions of the SDK and of the TensorFlow.js packages it runs on. */
import { version_core } from '@tensorflow/tfjs-core';
import { version_layers } from '@tensorflow/tfjs-layers';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { SDK_VERSION } from '../version';

/** Versions of the software that saved a model, as recorded in its manifest. */
export interface LibraryVersions {
  sdk: string;
  tfjsCore: string;
  tfjsLayers: string;
  tfjsBackendWasm: string;
}

/** The versions of `@edge-ecg/core` and of the tfjs core, layers and wasm packages loaded now. */
export function libraryVersions(): LibraryVersions {
  return {
    sdk: SDK_VERSION,
    tfjsCore: version_core,
    tfjsLayers: version_layers,
    tfjsBackendWasm: version_wasm,
  };
}
