/**
 * @module Test helper: a tiny classifier on the wasm backend, trained one epoch on synthetic beats.
 */
import { EcgClassifier, generateSyntheticBeats, initBackend } from '@edge-ecg/core';

/** A few seconds of training: the recipe's kind of blocks, much smaller. */
export const TINY_SPEC = {
  blocks: [
    { type: 'conv1d' as const, filters: 4, kernelSize: 5, strides: 2 },
    { type: 'pooling' as const, kind: 'max' as const, poolSize: 3, strides: 2 },
    { type: 'lstm' as const, units: 4 },
  ],
  classes: ['normal', 'abnormal'],
  training: { epochs: 1, batchSize: 32 },
};

/** Starts the backend and trains the tiny classifier on 64 synthetic beats per class. */
export async function tinyClassifier(): Promise<EcgClassifier> {
  await initBackend();
  const classifier = EcgClassifier.create(TINY_SPEC);
  await classifier.train(generateSyntheticBeats({ perClass: 64, seed: 3 }).dataset);
  return classifier;
}
