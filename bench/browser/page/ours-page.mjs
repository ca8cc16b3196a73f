/**
 * @module The bench page of `ours`: the built `@edge-ecg/core` in Chromium, timed with the Node
 * peers' own code (bench/lib/peer-timing.js, bundled in), on the same synthetic beats and recipe.
 * The runner calls `start`, `train` and `infer` in turn, so it can sample the renderer between.
 */
import { EcgClassifier, initBackend, trainModel } from '@edge-ecg/core';
import { median } from '../../lib/bench-report.js';
import { RECIPE, measureInference, syntheticBeats } from '../../lib/peer-timing.js';
import { BENCH_GLOBAL, TFJS_WASM_FOLDER_URL } from '../page-contract.js';

/** The recipe classifier (`{}` is the reference recipe), created once the backend runs. */
let classifier;

/** What the page saw of its own environment. */
function environment() {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: globalThis.navigator.hardwareConcurrency,
    userAgent: globalThis.navigator.userAgent,
  };
}

/** Starts the wasm backend on `threads` threads and builds the recipe. */
async function start(threads) {
  const info = await initBackend({ wasmPaths: TFJS_WASM_FOLDER_URL, threads });
  classifier = EcgClassifier.create({});
  return { ...environment(), ...info };
}

/** The 4,800 + 1,200 beats as a dataset, as `bench/peers/ours.js` builds it. */
function recipeDataset(seed) {
  const beats = syntheticBeats(RECIPE.trainBeats + RECIPE.validationBeats, seed);
  return {
    samples: beats.samples,
    labels: beats.labels,
    beatLength: RECIPE.beatLength,
    classNames: classifier.classNames,
  };
}

/** The recipe's training settings for `epochs` epochs, the same as the Node `ours` peer's. */
function recipeConfig(epochs, seed) {
  return {
    optimizer: { name: 'adam', learningRate: RECIPE.learningRate },
    loss: 'categoricalCrossentropy',
    epochs,
    batchSize: RECIPE.batchSize,
    validationSplit: RECIPE.validationBeats / (RECIPE.trainBeats + RECIPE.validationBeats),
    seed,
  };
}

/** `history.trainingPath` of the training run (null before it, or for a dist without it). */
let trainingPath = null;

/** Trains with the SDK's loop; the median seconds of the epochs after the warm-up, or null. */
async function train(counts, seed) {
  if (counts.epochs === 0) return null;
  const config = recipeConfig(counts.warmupEpochs + counts.epochs, seed);
  const history = await trainModel(classifier.model, recipeDataset(seed), config);
  trainingPath = history.trainingPath ?? null;
  return median(
    history.epochs.slice(counts.warmupEpochs).map(({ durationMs }) => durationMs / 1000),
  );
}

/**
 * Inference through `classifier.predict`, whose probabilities are read back before it returns,
 * and which code it ran (`inferencePath`, null for a dist without it), with the training path.
 */
async function infer(counts, seed) {
  const predict = (samples) => classifier.predict(samples).probabilities;
  const measures = await measureInference(predict, counts, seed);
  return { ...measures, inferencePath: classifier.inferencePath ?? null, trainingPath };
}

Object.assign(globalThis, { [BENCH_GLOBAL]: { start, train, infer } });
