/**
 * @module The manifest saved next to a model: what it classifies, how beats were prepared,
 * provenance.
 */
import { z } from 'zod';
import { ModelIoError } from '../errors';
import { SDK_VERSION } from '../version';
import { libraryVersions, type LibraryVersions } from './library-versions';

/** The `format` of every edge-ecg manifest. */
export const MODEL_FORMAT = 'edge-ecg-model';

/** The newest manifest `formatVersion` this SDK writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/** The beat scaling the SDK's own pipeline uses: min-max over a 10 s window. */
export const DEFAULT_SCALING = 'minmax-window-10s';

/** How beats must be prepared before the model sees them. */
export interface PreprocessingInfo {
  /** Sampling rate of the beats, 125 for the Kaggle MIT-BIH format. */
  sampleRateHz: number;
  /** Samples per beat, 187 for the Kaggle MIT-BIH format. */
  beatLength: number;
  /** The amplitude scaling applied, {@link DEFAULT_SCALING} or a caller-defined name. */
  scaling: typeof DEFAULT_SCALING | (string & {});
}

/** What the model was trained on. */
export interface TrainingDataInfo {
  source: string;
  beats: number;
  /** Training beats per class, by class index. */
  classCounts: number[];
}

/** Everything saved next to a model's weights. `Spec` is the model spec's JSON type. */
export interface ModelManifest<Spec = unknown> {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  /** The spec the model was built from. */
  spec: Spec;
  preprocessing: PreprocessingInfo;
  /** The name of each output unit, by index. */
  classNames: string[];
  trainingData: TrainingDataInfo | null;
  /** Evaluation results, such as an `EvaluationReport`. */
  metrics: Record<string, unknown> | null;
  versions: LibraryVersions;
  /** When the manifest was made, as an ISO 8601 timestamp. */
  createdAt: string;
}

/** The fields of a manifest the caller chooses; {@link createModelManifest} fills in the rest. */
export type ModelManifestInit<Spec = unknown> = Pick<
  ModelManifest<Spec>,
  'spec' | 'preprocessing' | 'classNames'
> &
  Partial<Pick<ModelManifest<Spec>, 'trainingData' | 'metrics'>>;

/**
 * A manifest of the current format, stamped with the running library versions and the time.
 *
 * @defaultValue `trainingData` and `metrics` are null when not given.
 */
export function createModelManifest<Spec>(init: ModelManifestInit<Spec>): ModelManifest<Spec> {
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    spec: init.spec,
    preprocessing: { ...init.preprocessing },
    classNames: [...init.classNames],
    trainingData: init.trainingData ?? null,
    metrics: init.metrics ?? null,
    versions: libraryVersions(),
    createdAt: new Date().toISOString(),
  };
}

const manifestSchema = z.object({
  spec: z.unknown(),
  preprocessing: z.object({
    sampleRateHz: z.number().positive(),
    beatLength: z.number().int().positive(),
    scaling: z.string(),
  }),
  classNames: z.array(z.string()).min(1),
  trainingData: z
    .object({ source: z.string(), beats: z.number(), classCounts: z.array(z.number()) })
    .nullable(),
  metrics: z.record(z.string(), z.unknown()).nullable(),
  versions: z.object({
    sdk: z.string(),
    tfjsCore: z.string(),
    tfjsLayers: z.string(),
    tfjsBackendWasm: z.string(),
  }),
  createdAt: z.string(),
});

function checkFormat(value: Record<string, unknown>, file: string): void {
  if (value.format !== MODEL_FORMAT) {
    throw new ModelIoError(
      file,
      `${file} is not an edge-ecg model manifest: expected format "${MODEL_FORMAT}", received ` +
        `${JSON.stringify(value.format) ?? 'none'}. Load a model saved by saveModelToDirectory.`,
    );
  }
  const version = value.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > MODEL_FORMAT_VERSION) {
    throw new ModelIoError(
      file,
      `${file} has formatVersion ${version}, but @edge-ecg/core ${SDK_VERSION} reads ` +
        `formatVersion ${MODEL_FORMAT_VERSION} at most. Upgrade @edge-ecg/core to load this model.`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ModelIoError(
      file,
      `${file} has formatVersion ${JSON.stringify(version) ?? 'missing'}; expected a whole ` +
        'number of at least 1. Save the model again with saveModelToDirectory.',
    );
  }
}

/**
 * Checks that `value`, read from `file`, is a manifest this SDK can use.
 *
 * @throws {ModelIoError} naming `file` when the format is wrong, the formatVersion is newer than
 *   this SDK reads, or a field is missing or of the wrong type.
 */
export function checkManifest(value: unknown, file: string): ModelManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelIoError(
      file,
      `${file} should hold a JSON object (a model manifest); received ${describeJson(value)}. ` +
        'Load a model saved by saveModelToDirectory.',
    );
  }
  checkFormat(value as Record<string, unknown>, file);
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ModelIoError(
      file,
      `${file} has an invalid field \`${fieldPath(issue.path)}\`: ${issue.message}. ` +
        'Save the model again with saveModelToDirectory.',
    );
  }
  return value as ModelManifest;
}

/** A field path as code would write it: `trainingData.classCounts[2]`. */
function fieldPath(path: PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`;
}
