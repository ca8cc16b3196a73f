/**
 * @module The browser check page's script: trains, predicts, saves to IndexedDB and loads back
 * with the built `@edge-ecg/core`, bundled by rollup for the page. `?threads=N` in the page's URL
 * is passed to `initBackend` as `threads`.
 */
import {
  EcgClassifier,
  generateSyntheticBeats,
  initBackend,
  loadClassifierFromIndexedDb,
  saveClassifierToIndexedDb,
  type BackendInfo,
  type Predictions,
  type SpecOverrides,
} from '@edge-ecg/core';
import {
  BROWSER_CHECK_GLOBAL,
  type BrowserCheck,
  type LoadedResult,
  type PlainPredictions,
  type TrainedResult,
} from './check-results';

/** Where the page's server serves tfjs-backend-wasm's `.wasm` binaries. */
const WASM_FOLDER_URL = '/wasm/';
const BEATS_PER_CLASS = 40;
const BEATS_SEED = 1;

const SMALL_SPEC: SpecOverrides = {
  blocks: [
    { type: 'conv1d', filters: 4, kernelSize: 5 },
    { type: 'pooling', kind: 'min', poolSize: 3, strides: 2 },
    { type: 'lstm', units: 4 },
  ],
  training: { epochs: 2, batchSize: 32 },
};

/** Starts wasm from the served folder, with the threads the page's `?threads=N` asks for. */
function startBackend(): Promise<BackendInfo> {
  const threads = new URLSearchParams(location.search).get('threads');
  if (threads === null) return initBackend({ wasmPaths: WASM_FOLDER_URL });
  return initBackend({ wasmPaths: WASM_FOLDER_URL, threads: Number(threads) });
}

function beats() {
  return generateSyntheticBeats({ perClass: BEATS_PER_CLASS, seed: BEATS_SEED }).dataset;
}

function plain(predictions: Predictions): PlainPredictions {
  return {
    probabilities: Array.from(predictions.probabilities),
    classIndices: Array.from(predictions.classIndices),
  };
}

async function trainAndSave(modelName: string): Promise<TrainedResult> {
  const info = await startBackend();
  const classifier = EcgClassifier.create(SMALL_SPEC);
  const history = await classifier.train(beats());
  const predictions = plain(classifier.predict(beats()));
  await saveClassifierToIndexedDb(classifier, modelName);
  const environment = {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    userAgent: navigator.userAgent,
  };
  const epochLosses = history.epochs.map(({ loss }) => loss);
  return { info, environment, epochsRun: history.epochs.length, epochLosses, predictions };
}

async function loadAndPredict(modelName: string): Promise<LoadedResult> {
  const info = await startBackend();
  const classifier = await loadClassifierFromIndexedDb(modelName);
  const predictions = classifier.predict(beats());
  return { info, classNames: predictions.classNames, predictions: plain(predictions) };
}

const check: BrowserCheck = { trainAndSave, loadAndPredict };
Object.assign(globalThis, { [BROWSER_CHECK_GLOBAL]: check });
