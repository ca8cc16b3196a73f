/**
 * @module Peer `ours`: the SDK's path. initBackend() from the built package, the recipe in
 * tfjs-layers, trained with the SDK's own loop `trainModel`.
 *
 * A dist built before `trainModel` was exported falls back to tfjs-layers `model.fit` after
 * initBackend(), which runs the same kernels; the result's notes say which loop ran.
 */
'use strict';

const path = require('node:path');
const { parseBenchArgs } = require('../lib/bench-args');
const { median } = require('../lib/bench-report');
const { RECIPE, measureInference, printPeerResult, runPeer } = require('../lib/peer-timing');
const {
  buildRecipeModel,
  recipeBeats,
  createPredict,
  tfjsVersions,
  trainWithFit,
} = require('../lib/tfjs-recipe');

const CORE_DIST = path.join(__dirname, '..', '..', 'packages', 'core', 'dist', 'index.cjs');

/**
 * Trains with the SDK's `trainModel`: warm-up and timed epochs in one run of the loop.
 * Returns the median epoch and the training path the history reports.
 */
async function trainWithSdkLoop(core, model, counts, seed) {
  const beats = recipeBeats(seed);
  const dataset = {
    samples: beats.samples,
    labels: beats.labels,
    beatLength: RECIPE.beatLength,
    classNames: ['a', 'b'],
  };
  const config = {
    optimizer: { name: 'adam', learningRate: RECIPE.learningRate },
    loss: 'categoricalCrossentropy',
    epochs: counts.warmupEpochs + counts.epochs,
    batchSize: RECIPE.batchSize,
    validationSplit: RECIPE.validationBeats / (RECIPE.trainBeats + RECIPE.validationBeats),
    seed,
  };
  // trainModel times each epoch itself, from its start to the end of its validation; its
  // setup (tensors, the split) is not part of any epoch.
  const history = await core.trainModel(model, dataset, config);
  const seconds = history.epochs.slice(counts.warmupEpochs).map((epoch) => epoch.durationMs / 1000);
  return { seconds: median(seconds), path: history.trainingPath };
}

/**
 * Inference as a user runs it: `EcgClassifier.predict`, which takes the SDK's WASM forward
 * pass when the model allows, and which path that is. A dist without `inferencePath` runs
 * `model.predict` itself.
 */
function sdkPredict(core, tf, model) {
  const classifier = core.EcgClassifier.fromModel(model, core.DEFAULT_SPEC);
  const path = classifier.inferencePath;
  if (path === undefined) return { predict: createPredict(tf, model), path: 'model.predict' };
  return { predict: (samples) => classifier.predict(samples).probabilities, path };
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const core = require(CORE_DIST);
  const tf = require('@tensorflow/tfjs-core');
  const tfl = require('@tensorflow/tfjs-layers');
  const backend = await core.initBackend();
  const model = buildRecipeModel(tfl);
  const sdkLoop = typeof core.trainModel === 'function';
  let epochSeconds = null;
  let trainingPath;
  if (options.counts.epochs > 0 && sdkLoop) {
    const trained = await trainWithSdkLoop(core, model, options.counts, options.seed);
    epochSeconds = trained.seconds;
    trainingPath = trained.path;
  } else if (options.counts.epochs > 0) {
    epochSeconds = await trainWithFit(tf, model, options.counts, options.seed);
  }
  const { predict, path } = sdkPredict(core, tf, model);
  const inference = await measureInference(predict, options.counts, options.seed);
  const inferPath = JSON.stringify(path);
  const trainPath = sdkLoop
    ? `SDK trainModel, training path ${JSON.stringify(trainingPath ?? null)}`
    : 'tfjs-layers model.fit (this dist does not export trainModel)';
  printPeerResult(
    {
      epochSeconds,
      ...inference,
      versions: {
        ...tfjsVersions(),
        node: process.versions.node,
        wasmBinary: backend.wasmBinary,
        threads: backend.threads,
      },
      notes: [`trained with ${trainPath}`, `inference path ${inferPath}`],
    },
    options.json,
  );
}

runPeer(main);
