/** @module Converts between a layers model and the files of the saved format, in memory. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { ModelIoError } from '../errors';
import { registerCustomLayers } from '../layers/register-custom-layers';
import type { ModelManifest } from './model-manifest';

/** The tfjs layers topology and weights manifest of a saved model. */
export const MODEL_FILE = 'model.json';
/** The weights of a saved model, concatenated in weights-manifest order. */
export const WEIGHTS_FILE = 'weights.bin';
/** The {@link ModelManifest} of a saved model. */
export const MANIFEST_FILE = 'manifest.json';
/** The key under which the manifest is also kept in the model's `userDefinedMetadata`. */
export const MANIFEST_METADATA_KEY = 'edgeEcgManifest';

const BYTES_PER_ELEMENT: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/** The topology, weight specs and weight bytes of `model`, as tfjs would save them. */
export async function captureArtifacts(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return captured!;
}

/** `artifacts` with the manifest added to their user-defined metadata. */
export function withManifest(
  artifacts: tf.io.ModelArtifacts,
  manifest: ModelManifest,
): tf.io.ModelArtifacts {
  const metadata = { ...artifacts.userDefinedMetadata, [MANIFEST_METADATA_KEY]: manifest };
  return {
    ...artifacts,
    userDefinedMetadata: metadata as NonNullable<tf.io.ModelJSON['userDefinedMetadata']>,
  };
}

/** The `model.json` content for `artifacts`, whose weights all live in {@link WEIGHTS_FILE}. */
export function modelJsonOf(artifacts: tf.io.ModelArtifacts): tf.io.ModelJSON {
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'],
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tfl.version_layers}`,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig !== undefined) json.trainingConfig = artifacts.trainingConfig;
  if (artifacts.userDefinedMetadata !== undefined) {
    json.userDefinedMetadata = artifacts.userDefinedMetadata;
  }
  return json;
}

/** The weight bytes of `artifacts` as one buffer. */
export function weightBytesOf(artifacts: tf.io.ModelArtifacts): Uint8Array {
  return new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []));
}

/**
 * How many bytes the weights listed in `specs` take.
 *
 * @throws {ModelIoError} naming `file` when a weight has a dtype of no fixed size.
 */
export function weightByteLength(specs: tf.io.WeightsManifestEntry[], file: string): number {
  return specs.reduce((total, spec) => {
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    const bytes = BYTES_PER_ELEMENT[dtype];
    if (bytes === undefined) {
      throw new ModelIoError(
        file,
        `${file} lists weight "${spec.name}" of dtype ${dtype}, which has no fixed size; ` +
          'expected float32, int32, bool, complex64 or a uint8/uint16/float16 quantization.',
      );
    }
    return total + bytes * spec.shape.reduce((product, size) => product * size, 1);
  }, 0);
}

/** How many units the model's single output has per beat. */
function outputUnits(model: tfl.LayersModel, modelFile: string): number {
  const shapes = model.outputs.map((output) => output.shape);
  const units = shapes.length === 1 ? shapes[0]![shapes[0]!.length - 1] : undefined;
  if (typeof units !== 'number') {
    throw new ModelIoError(
      modelFile,
      `${modelFile} describes a model with output shapes ${JSON.stringify(shapes)}; expected ` +
        'one output of shape [batch, classes]. Save a classifier built by the SDK.',
    );
  }
  return units;
}

/**
 * Checks that the manifest names one class per output unit of the model.
 *
 * @throws {ModelIoError} naming `manifestFile` when the counts differ.
 */
export function checkClassNames(
  model: tfl.LayersModel,
  manifest: ModelManifest,
  files: { manifestFile: string; modelFile: string },
): void {
  const units = outputUnits(model, files.modelFile);
  const { classNames } = manifest;
  if (classNames.length === units) return;
  throw new ModelIoError(
    files.manifestFile,
    `${files.manifestFile} lists ${classNames.length} class names (${classNames.join(', ')}), ` +
      `but the model in ${files.modelFile} has ${units} output units. Give the manifest one ` +
      'class name per output unit, in output order, and save the model again.',
  );
}

/**
 * Rebuilds a layers model from artifacts.
 *
 * @throws {ModelIoError} naming `modelFile` when tfjs cannot rebuild it.
 */
export async function modelFromArtifacts(
  artifacts: tf.io.ModelArtifacts,
  modelFile: string,
): Promise<tfl.LayersModel> {
  registerCustomLayers();
  try {
    return await tfl.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelIoError(
      modelFile,
      `${modelFile} could not be rebuilt into a model: ${reason}. Check that this @edge-ecg/core ` +
        'version supports every layer in it (see versions in the manifest).',
      { cause: error },
    );
  }
}
