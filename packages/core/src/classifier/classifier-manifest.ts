/** @module The manifest saved next to a classifier's weights. */
import { BEAT_LENGTH, BEAT_SAMPLE_RATE_HZ } from '../data/kachuee-cut';
import { createModelManifest, DEFAULT_SCALING, type ModelManifest } from '../io/model-manifest';
import type { ModelSpec } from '../spec/model-spec';
import type { LoadedModel } from '../io/loaded-model';
import { parseSpec } from '../spec/parse-spec';
import { EcgClassifier } from './ecg-classifier';

/** The manifest that describes a classifier. */
export function manifestOf(classifier: EcgClassifier): ModelManifest<ModelSpec> {
  const { input } = classifier.spec;
  return createModelManifest({
    spec: classifier.spec,
    preprocessing: {
      sampleRateHz: input.sampleRateHz ?? BEAT_SAMPLE_RATE_HZ,
      beatLength: input.length ?? BEAT_LENGTH,
      scaling: DEFAULT_SCALING,
    },
    classNames: classifier.classNames,
    trainingData: classifier.trainingData,
    metrics: classifier.metrics as unknown as Record<string, unknown> | null,
  });
}

/** The classifier a saved model and its manifest describe, wherever they were stored. */
export function classifierFromSaved({ model, manifest }: LoadedModel): EcgClassifier {
  const classifier = EcgClassifier.fromModel(model, parseSpec(manifest.spec));
  classifier.trainingData = manifest.trainingData;
  return classifier;
}
