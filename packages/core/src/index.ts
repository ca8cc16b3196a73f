/** @module @edge-ecg/core: every public name of the universal entry (Node and browsers). */

export { initBackend, backendInfo } from './backend/init-backend';
export type { BackendInfo, InitBackendOptions, WasmBinary } from './backend/init-backend';

export {
  EdgeEcgError,
  SpecError,
  DataError,
  BackendError,
  ModelIoError,
  UsageError,
} from './errors';
export type { DataLocation, EdgeEcgErrorOptions } from './errors';

export { createConsoleLogger, silentLogger, DEFAULT_LOG_LEVEL } from './logger';
export type { Logger, LogLevel } from './logger';

export { beatCount, classCounts, selectBeats, concatBeats } from './data/beat-dataset';
export type { BeatDataset } from './data/beat-dataset';

// Kaggle-format CSV parsing (streaming, universal), class names, and train/test splits.
export { parseKaggleCsv, parseKaggleCsvText } from './data/kaggle-csv';
export { LineSplitter } from './data/text-lines';
export type {
  KaggleCsvOptions,
  KaggleCsvResult,
  KaggleCsvFileSummary,
  TextChunks,
} from './data/kaggle-csv';
export { parseKaggleCsvFiles } from './data/kaggle-csv-files';
export type {
  KaggleCsvSource,
  KaggleCsvFilesOptions,
  KaggleCsvFilesResult,
} from './data/kaggle-csv-files';
export { MAX_DEFAULT_LABEL } from './data/kaggle-csv-rows';
export { defaultClassNames, PTB_CLASS_NAMES, AAMI_CLASS_NAMES } from './data/class-names';
export {
  recipeSplit,
  stratifiedSplit,
  majorityBaseline,
  summarizeDataset,
  splitSummary,
} from './data/splits';
export type {
  DatasetSplit,
  RecipeSplitOptions,
  StratifiedSplitOptions,
  MajorityBaseline,
  DatasetSummary,
  SplitSummary,
} from './data/splits';

// Evaluation: accuracy, confusion, per-class and macro F1, ROC AUC, next to a majority baseline.
export { evaluatePredictions } from './evaluate/evaluate-predictions';
export type { EvaluationReport, PredictionsToEvaluate } from './evaluate/evaluate-predictions';
export type { ClassMetrics, ConfusionMatrix } from './evaluate/classification-metrics';
export { rocAuc } from './evaluate/roc-auc';
export { formatReport, REPORT_DECIMALS } from './evaluate/format-report';

// Saved models: the manifest, versions, and IndexedDB storage in browsers.
export { SDK_VERSION } from './version';
export { libraryVersions } from './io/library-versions';
export type { LibraryVersions } from './io/library-versions';
export {
  createModelManifest,
  checkManifest,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  DEFAULT_SCALING,
} from './io/model-manifest';
export type {
  ModelManifest,
  ModelManifestInit,
  PreprocessingInfo,
  TrainingDataInfo,
} from './io/model-manifest';
export {
  MODEL_FILE,
  WEIGHTS_FILE,
  MANIFEST_FILE,
  MANIFEST_METADATA_KEY,
} from './io/model-artifacts';
export type { LoadedModel } from './io/loaded-model';
export { saveModelToIndexedDb, loadModelFromIndexedDb } from './io/indexed-db';

// Synthetic ECG (McSharry et al. 2003): the wave model, noise, a chunked synthesizer, and the
// embedded default dataset of SYNTHETIC labelled beats.
export { createRandom } from './util/seeded-random';
export type { RandomSource } from './util/seeded-random';
export { createGaussianRandom, uniformBetween } from './data/synthetic/gaussian-random';
export type { GaussianSource } from './data/synthetic/gaussian-random';
export {
  NORMAL_WAVES,
  waveTiming,
  changeWaves,
  scaleWaveAmplitudes,
  findWave,
} from './data/synthetic/wave-events';
export type { WaveEvent, WaveName, WaveTiming, WaveChange } from './data/synthetic/wave-events';
export {
  ABNORMAL_KINDS,
  abnormalWaves,
  withStChange,
  pvcWaves,
  kindWaves,
} from './data/synthetic/beat-kinds';
export type { AbnormalKind, BeatKind } from './data/synthetic/beat-kinds';
export { createRrSeries } from './data/synthetic/rr-series';
export type { RrSeries, RrSeriesOptions } from './data/synthetic/rr-series';
export type { ScheduledBeat } from './data/synthetic/beat-render';
export { EcgNoise, DEFAULT_POWERLINE_HZ } from './data/synthetic/ecg-noise';
export type { NoiseOptions } from './data/synthetic/ecg-noise';
export { EcgSynthesizer } from './data/synthetic/ecg-synthesizer';
export type {
  BeatSource,
  RPeakEvent,
  SynthesizedChunk,
  EcgSynthesizerOptions,
} from './data/synthetic/ecg-synthesizer';
export { SinusRhythm } from './data/synthetic/sinus-rhythm';
export type { SinusRhythmOptions } from './data/synthetic/sinus-rhythm';
export {
  generateSyntheticBeats,
  SYNTHETIC_CLASS_NAMES,
  DEFAULT_SYNTHETIC_SEED,
} from './data/synthetic/synthetic-beats';
export type { SyntheticBeatsOptions, SyntheticBeats } from './data/synthetic/synthetic-beats';

// The beat cut of Kachuee et al. (2018): 125 Hz, [0, 1] scaling, 1.2 x median RR, 187 samples.
export {
  BEAT_LENGTH,
  BEAT_SAMPLE_RATE_HZ,
  RR_SEGMENT_FACTOR,
  scaleToUnitRange,
  median,
  cutBeat,
} from './data/kachuee-cut';
export type { CutBeat } from './data/kachuee-cut';

// The model spec: schema, defaults, parsing and merging, shapes, summary; the model builder
// and the SDK's own layers (MinPooling1D, CausalPadding1D) with their explicit registration.
export { modelSpecSchema } from './spec/model-spec';
export type {
  ModelSpec,
  ModelSpecInput,
  ReadonlyModelSpec,
  InputSpec,
  OutputSpec,
  DeepReadonly,
} from './spec/model-spec';
export {
  BLOCK_TYPES,
  POOLING_KINDS,
  HIDDEN_ACTIVATIONS,
  RECURRENT_ACTIVATIONS,
  KERNEL_INITIALIZERS,
} from './spec/block-schema';
export type {
  Block,
  BlockInput,
  BlockType,
  Conv1dBlock,
  PoolingBlock,
  LstmBlock,
  DenseBlock,
  BatchNormalizationBlock,
  DropoutBlock,
  LeakyReluBlock,
  HiddenActivation,
  PoolingKind,
} from './spec/block-schema';
export { OPTIMIZER_NAMES, MONITORED_METRICS } from './spec/training-schema';
export type { TrainingSpec, OptimizerSpec, EarlyStoppingSpec } from './spec/training-schema';
export {
  CONV1D_DEFAULTS,
  POOLING_DEFAULTS,
  LSTM_DEFAULTS,
  DENSE_DEFAULTS,
  BATCH_NORMALIZATION_DEFAULTS,
  OPTIMIZER_DEFAULTS,
  TRAINING_DEFAULTS,
  EARLY_STOPPING_DEFAULTS,
  DEFAULT_LEAKY_RELU_ALPHA,
} from './spec/spec-defaults';
export { DEFAULT_SPEC, defaultSpec } from './spec/default-spec';
export { parseSpec } from './spec/parse-spec';
export type { ParseSpecOptions } from './spec/parse-spec';
export { mergeSpec } from './spec/merge-spec';
export type { SpecOverrides, DeepPartial } from './spec/merge-spec';
export { checkSpecRules } from './spec/check-spec';
export { computeShapes, totalParamCount } from './spec/shapes';
export type { LayerShape } from './spec/shapes';
export { INPUT_LAYER_NAME, FLATTEN_LAYER_NAME, OUTPUT_LAYER_NAME } from './spec/layer-names';
export { describeSpec } from './spec/describe-spec';
export { buildModel, MODEL_NAME } from './model/build-model';
export { MinPooling1D, DEFAULT_MIN_POOL_SIZE } from './layers/min-pooling-1d';
export type { MinPooling1DArgs, MinPoolingPadding } from './layers/min-pooling-1d';
export { CausalPadding1D } from './layers/causal-padding-1d';
export type { CausalPadding1DArgs } from './layers/causal-padding-1d';
export { registerCustomLayers, CUSTOM_LAYER_CLASSES } from './layers/register-custom-layers';

// The classifier, and the training loop underneath it.
export { EcgClassifier, DEFAULT_PREDICT_BATCH_SIZE } from './classifier/ecg-classifier';
export type { InferencePath, Predictions, TrainingDataSummary } from './classifier/ecg-classifier';
export { trainModel } from './train/train-model';
export type {
  BatchProgress,
  EpochProgress,
  TrainCallbacks,
  TrainingHistory,
} from './train/train-model';
export type { TrainingPath } from './train/step-runner';
export type {
  TrainingConfig,
  EarlyStoppingConfig,
  MonitoredMetric as TrainingMonitoredMetric,
} from './train/training-config';
export { createOptimizer } from './train/optimizer';
export type { OptimizerConfig } from './train/optimizer';
export { categoricalCrossEntropy } from './train/loss';
export { releaseDropoutMasks } from './train/release-dropout-masks';
export { manifestOf } from './classifier/classifier-manifest';
export {
  saveClassifierToIndexedDb,
  loadClassifierFromIndexedDb,
} from './classifier/classifier-indexed-db';
