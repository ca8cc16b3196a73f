/** @module The reference recipe in tfjs-layers, shared by the `ours` and `tfjsWasm` peers. */
'use strict';

const { performance } = require('node:perf_hooks');
const { median } = require('./bench-report');
const { RECIPE, syntheticBeats } = require('./peer-timing');

/**
 * Conv1D(16,3,relu) x2, MaxPool1D(3,2), Conv1D(32,3,relu) x2, MaxPool1D(3,2), LSTM(16),
 * Dense(2, softmax), on beats of 187 x 1. Not compiled.
 */
function buildRecipeModel(tfl) {
  const conv = (filters) => tfl.layers.conv1d({ filters, kernelSize: 3, activation: 'relu' });
  const pool = () => tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 });
  return tfl.sequential({
    layers: [
      tfl.layers.inputLayer({ inputShape: [RECIPE.beatLength, 1] }),
      conv(16),
      conv(16),
      pool(),
      conv(32),
      conv(32),
      pool(),
      tfl.layers.lstm({ units: 16 }),
      tfl.layers.dense({ units: RECIPE.classCount, activation: 'softmax' }),
    ],
  });
}

/** The 4,800 training and 1,200 validation beats as one set, validation last. */
function recipeBeats(seed) {
  return syntheticBeats(RECIPE.trainBeats + RECIPE.validationBeats, seed);
}

/**
 * Times training epochs from their end callbacks: epoch i lasts from the end of epoch i-1 (or
 * the start) to its own end, so it includes that epoch's validation.
 */
function createEpochClock() {
  const ends = [];
  let started = performance.now();
  return {
    restart() {
      started = performance.now();
    },
    onEpochEnd() {
      ends.push(performance.now());
    },
    /** The median seconds of the epochs after the first `warmup` ones. */
    medianSeconds(warmup) {
      const seconds = ends.map(
        (end, index) => (end - (index === 0 ? started : ends[index - 1])) / 1000,
      );
      return median(seconds.slice(warmup));
    },
  };
}

/**
 * A predict function as the SDK's classifier calls the model: a tensor from the samples, the
 * model, and the probabilities read back synchronously.
 */
function createPredict(tf, model) {
  return (samples, count) =>
    tf.tidy(() => model.predict(tf.tensor3d(samples, [count, RECIPE.beatLength, 1])).dataSync());
}

/** The tfjs versions that ran, read from the packages. */
function tfjsVersions() {
  const version = (name) => require(`${name}/package.json`).version;
  return {
    'tfjs-core': version('@tensorflow/tfjs-core'),
    'tfjs-layers': version('@tensorflow/tfjs-layers'),
    'tfjs-backend-wasm': version('@tensorflow/tfjs-backend-wasm'),
  };
}

/**
 * Trains as a tfjs-layers user does, with `compile` and `fit` (Adam, categorical
 * cross-entropy, validation on the last 1,200 beats each epoch); the median epoch seconds.
 */
async function trainWithFit(tf, model, counts, seed) {
  const beats = recipeBeats(seed);
  const x = tf.tensor3d(beats.samples, [beats.count, RECIPE.beatLength, 1]);
  const y = tf.oneHot(tf.tensor1d(beats.labels, 'int32'), RECIPE.classCount);
  const [trainX, validationX] = tf.split(x, [RECIPE.trainBeats, RECIPE.validationBeats]);
  const [trainY, validationY] = tf.split(y, [RECIPE.trainBeats, RECIPE.validationBeats]);
  model.compile({ optimizer: tf.train.adam(RECIPE.learningRate), loss: 'categoricalCrossentropy' });
  const clock = createEpochClock();
  await model.fit(trainX, trainY, {
    epochs: counts.warmupEpochs + counts.epochs,
    batchSize: RECIPE.batchSize,
    validationData: [validationX, validationY],
    shuffle: true,
    verbose: 0,
    callbacks: { onEpochEnd: () => clock.onEpochEnd() },
  });
  tf.dispose([x, y, trainX, trainY, validationX, validationY]);
  return clock.medianSeconds(counts.warmupEpochs);
}

module.exports = {
  buildRecipeModel,
  recipeBeats,
  createEpochClock,
  createPredict,
  tfjsVersions,
  trainWithFit,
};
