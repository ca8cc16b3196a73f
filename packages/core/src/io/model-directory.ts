/** @module Node only: saves a model to a directory atomically, and loads and checks it back. */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ModelIoError } from '../errors';
import {
  checkWritableTarget,
  writeDirectoryAtomically,
  type DirectoryFile,
} from './atomic-directory';
import { parseJsonFile } from './json-position';
import type { LoadedModel } from './loaded-model';
import {
  MANIFEST_FILE,
  MODEL_FILE,
  WEIGHTS_FILE,
  captureArtifacts,
  checkClassNames,
  modelFromArtifacts,
  modelJsonOf,
  weightByteLength,
  weightBytesOf,
  withManifest,
} from './model-artifacts';
import { checkManifest, type ModelManifest } from './model-manifest';

/** `value` as it will read back from JSON (undefined fields dropped). */
function asJson(value: unknown, file: string): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    throw new ModelIoError(
      file,
      `The manifest for ${file} cannot be written as JSON: ` +
        `${error instanceof Error ? error.message : String(error)}. ` +
        'Keep spec, trainingData and metrics to plain numbers, strings, arrays and objects.',
      { cause: error },
    );
  }
}

/**
 * The three files of a saved model directory, in the order they are written. The manifest is
 * checked first and also kept in `model.json`'s `userDefinedMetadata`.
 *
 * @throws {ModelIoError} naming `<dir>/manifest.json` when the manifest is invalid or its class
 *   names do not match the model's output units.
 */
export async function modelDirectoryFiles(
  dir: string,
  model: tfl.LayersModel,
  manifest: ModelManifest,
): Promise<DirectoryFile[]> {
  const manifestFile = path.join(dir, MANIFEST_FILE);
  const checked = checkManifest(asJson(manifest, manifestFile), manifestFile);
  checkClassNames(model, checked, { manifestFile, modelFile: path.join(dir, MODEL_FILE) });
  const artifacts = withManifest(await captureArtifacts(model), checked);
  return [
    { name: MODEL_FILE, data: JSON.stringify(modelJsonOf(artifacts)) },
    { name: WEIGHTS_FILE, data: weightBytesOf(artifacts) },
    { name: MANIFEST_FILE, data: `${JSON.stringify(checked, null, 2)}\n` },
  ];
}

/**
 * Saves `model` to `dir` as `model.json` + `weights.bin` (the tfjs layers format) and
 * `manifest.json`. The save is atomic: the files are written and flushed into a fresh sibling
 * directory that then replaces `dir`, so a crash never leaves a half-written model at `dir`.
 * An existing `dir` is replaced only if it is empty or a saved model (it holds a manifest.json).
 *
 * @throws {ModelIoError} naming the file that could not be written or the manifest that is
 *   invalid; `dir` is then left as it was and no temporary directory remains.
 */
export async function saveModelToDirectory(
  dir: string,
  model: tfl.LayersModel,
  manifest: ModelManifest,
): Promise<void> {
  const target = path.resolve(dir);
  const files = await modelDirectoryFiles(target, model, manifest);
  await writeDirectoryAtomically(target, files, MANIFEST_FILE);
}

/**
 * Checks that {@link saveModelToDirectory} could save to `dir`, before training starts.
 *
 * @throws {ModelIoError} when a file or a non-model directory is in the way, or the parent
 * directory cannot be written.
 */
export function checkModelDirectoryTarget(dir: string): Promise<void> {
  return checkWritableTarget(dir, MANIFEST_FILE);
}

const SAVED_FILES = `${MODEL_FILE}, ${WEIGHTS_FILE} and ${MANIFEST_FILE}`;

async function checkDirectory(dir: string): Promise<void> {
  const stats = await fs.stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ModelIoError(dir, `${dir} could not be read: ${error.message}.`, { cause: error });
  });
  if (stats?.isDirectory()) return;
  throw new ModelIoError(
    dir,
    `${dir} ${stats ? 'is a file, not a directory' : 'does not exist'}. Pass the directory ` +
      `that saveModelToDirectory or \`edge-ecg train --out\` wrote; it holds ${SAVED_FILES}.`,
  );
}

async function readModelFile(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelIoError(
      file,
      missing
        ? `${file} is missing. A saved model directory holds ${SAVED_FILES}; restore the file ` +
            'from the same save, or save the model again with saveModelToDirectory.'
        : `${file} could not be read: ${reason}. Check its permissions.`,
      { cause: error },
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the parts of `model.json` this SDK relies on. */
function checkModelJson(value: unknown, file: string): tf.io.ModelJSON {
  const groups = isObject(value) ? value.weightsManifest : undefined;
  const wellFormed =
    isObject(value) &&
    isObject(value.modelTopology) &&
    Array.isArray(groups) &&
    groups.every((g) => isObject(g) && Array.isArray(g.paths) && Array.isArray(g.weights));
  if (!wellFormed) {
    throw new ModelIoError(
      file,
      `${file} is not a TensorFlow.js layers model: expected an object with a \`modelTopology\` ` +
        'object and a `weightsManifest` array. Save the model again with saveModelToDirectory.',
    );
  }
  const paths = (groups as tf.io.WeightsManifestConfig).flatMap((group) => group.paths);
  const foreign = paths.filter((p) => p !== WEIGHTS_FILE);
  if (foreign.length > 0) {
    throw new ModelIoError(
      file,
      `${file} refers to weight files ${foreign.join(', ')}; this format keeps every weight in ` +
        `${WEIGHTS_FILE}. Save the model again with saveModelToDirectory.`,
    );
  }
  return value as unknown as tf.io.ModelJSON;
}

function checkWeightSize(bytes: number, specs: tf.io.WeightsManifestEntry[], files: Files) {
  const expected = weightByteLength(specs, files.modelFile);
  if (bytes === expected) return;
  throw new ModelIoError(
    files.weightsFile,
    `${files.weightsFile} holds ${bytes} bytes, but ${files.modelFile} lists ${specs.length} ` +
      `weights taking ${expected} bytes. The file is truncated or from another save; restore ` +
      `${WEIGHTS_FILE} and ${MODEL_FILE} from the same save, or save the model again.`,
  );
}

interface Files {
  manifestFile: string;
  modelFile: string;
  weightsFile: string;
}

async function readManifest(file: string): Promise<ModelManifest> {
  const text = (await readModelFile(file)).toString('utf8');
  return checkManifest(parseJsonFile(text, file), file);
}

async function readArtifacts(files: Files): Promise<tf.io.ModelArtifacts> {
  const text = (await readModelFile(files.modelFile)).toString('utf8');
  const modelJson = checkModelJson(parseJsonFile(text, files.modelFile), files.modelFile);
  const weights = await readModelFile(files.weightsFile);
  const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
  checkWeightSize(weights.byteLength, specs, files);
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return tf.io.getModelArtifactsForJSON(modelJson, async () => [specs, buffer as ArrayBuffer]);
}

/**
 * Loads a model saved by {@link saveModelToDirectory}, checking each file first.
 *
 * @throws {ModelIoError} naming the exact file at fault when the directory or a file is missing,
 *   a JSON file is invalid (with the line and column), the manifest has another `format` or a
 *   newer `formatVersion`, `weights.bin`'s size disagrees with `model.json`, or the manifest's
 *   class names do not match the model's output units.
 */
export async function loadModelFromDirectory<Spec = unknown>(
  dir: string,
): Promise<LoadedModel<Spec>> {
  await checkDirectory(dir);
  const files: Files = {
    manifestFile: path.join(dir, MANIFEST_FILE),
    modelFile: path.join(dir, MODEL_FILE),
    weightsFile: path.join(dir, WEIGHTS_FILE),
  };
  const manifest = await readManifest(files.manifestFile);
  const model = await modelFromArtifacts(await readArtifacts(files), files.modelFile);
  try {
    checkClassNames(model, manifest, files);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, manifest: manifest as ModelManifest<Spec> };
}
