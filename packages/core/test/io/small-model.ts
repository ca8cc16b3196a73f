/** @module Test fixture: a tiny Conv1D + LSTM + Dense classifier and a manifest for it. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { createModelManifest, type ModelManifest } from '../../src/io/model-manifest';

/** Samples per beat of the fixture model; short, to keep tests fast. */
export const FIXTURE_BEAT_LENGTH = 24;

export const FIXTURE_CLASS_NAMES = ['N', 'S', 'V'];

/** A freshly initialised model with random weights. */
export function buildSmallModel(): tfl.LayersModel {
  return tfl.sequential({
    layers: [
      tfl.layers.conv1d({
        inputShape: [FIXTURE_BEAT_LENGTH, 1],
        filters: 4,
        kernelSize: 3,
        activation: 'relu',
      }),
      tfl.layers.lstm({ units: 5 }),
      tfl.layers.dense({ units: FIXTURE_CLASS_NAMES.length, activation: 'softmax' }),
    ],
  });
}

export function fixtureManifest(classNames = FIXTURE_CLASS_NAMES): ModelManifest {
  return createModelManifest({
    spec: { name: 'fixture', blocks: [{ type: 'conv1d' }] },
    preprocessing: {
      sampleRateHz: 125,
      beatLength: FIXTURE_BEAT_LENGTH,
      scaling: 'minmax-window-10s',
    },
    classNames,
    trainingData: { source: 'synthetic', beats: 10, classCounts: [5, 3, 2] },
    metrics: { accuracy: 0.5 },
  });
}

/** Fixed beats to predict on: a deterministic waveform per beat. */
export function fixtureBeats(beats = 4): tf.Tensor3D {
  const values = Float32Array.from({ length: beats * FIXTURE_BEAT_LENGTH }, (_, i) =>
    Math.sin(i * 0.37),
  );
  return tf.tensor3d(values, [beats, FIXTURE_BEAT_LENGTH, 1]);
}

/** The model's output probabilities on {@link fixtureBeats}, as a flat array. */
export function predictFixture(model: tfl.LayersModel): Float32Array {
  return tf.tidy(() => (model.predict(fixtureBeats()) as tf.Tensor).dataSync() as Float32Array);
}
