/** @module @edge-ecg/stream: every public name. */

// Simulation: continuous synthetic ECG with ground-truth R-peaks, at once or chunk by chunk.
export { simulateEcg, simulateEcgChunks, EcgSimulator } from './simulate/ecg-simulator';
export type { SimulatedEcg, SimulatedEcgChunk } from './simulate/ecg-simulator';
export {
  DEFAULT_HRV_STD_FRACTION,
  HEART_RATE_RANGE_BPM,
  MIN_SAMPLE_RATE_HZ,
  PVC_COUPLING_RANGE,
} from './simulate/simulate-options';
export type { SimulateEcgOptions } from './simulate/simulate-options';
export { NORMAL_LABEL, PVC_LABEL } from './simulate/simulated-rhythm';

// WFDB records: headers, signal files (formats 16, 24, 32, 61, 80, 160, 212, 310, 311) and
// MIT-format annotations, parsed from strings and bytes.
export { parseWfdbHeader, DEFAULT_HEADER_FILE } from './wfdb/parse-header';
export type { ParseWfdbHeaderOptions } from './wfdb/parse-header';
export {
  DEFAULT_WFDB_ADC_GAIN,
  DEFAULT_WFDB_SAMPLE_RATE_HZ,
  DEFAULT_WFDB_UNITS,
} from './wfdb/header-types';
export type { WfdbHeader, WfdbSignalSpec } from './wfdb/header-types';
export { decodeWfdbSignals } from './wfdb/decode-signals';
export type { DecodeWfdbSignalsOptions, WfdbSignalFiles } from './wfdb/decode-signals';
export type { WfdbRecord, WfdbSignal } from './wfdb/record-types';
export type { LeadSelector } from './wfdb/select-leads';
export { SUPPORTED_WFDB_FORMATS } from './wfdb/sample-formats';
export { parseWfdbAnnotations, DEFAULT_ANNOTATION_FILE } from './wfdb/parse-annotations';
export type { ParseWfdbAnnotationsOptions, WfdbAnnotation } from './wfdb/parse-annotations';
export {
  AAMI_CLASSES,
  AAMI_CLASS_MNEMONICS,
  aamiClassOf,
  annotationCode,
  annotationSymbol,
  isBeatAnnotation,
} from './wfdb/annotation-codes';
export type { AamiClass } from './wfdb/annotation-codes';

// WFDB records from disk (Node only; node:fs is imported lazily, when first called).
// TODO(#3): move these to a `./node` subpath so browser bundlers never see node:fs.
export { readWfdbRecord } from './wfdb/read-record-node';
export type { ReadWfdbRecordOptions } from './wfdb/read-record-node';
export { readWfdbAnnotations } from './wfdb/read-annotations-node';

// Sources: one lead in Float32Array chunks at a known rate, from any input.
export type { EcgSource, SampleChunk, SourceOptions } from './sources/ecg-source';
export { fromFloat32Chunks } from './sources/from-chunks';
export { fromNodeReadable } from './sources/from-node-readable';
export type { NodeReadableLike } from './sources/from-node-readable';
export { fromReadableStream } from './sources/from-readable-stream';
export { fromWfdbRecord, DEFAULT_CHUNK_SAMPLES } from './sources/from-wfdb-record';
export type { FromWfdbRecordOptions } from './sources/from-wfdb-record';
export {
  parseSignalColumns,
  parseSignalColumnsText,
  fromSignalColumns,
} from './sources/parse-signal-columns';
export type { SignalColumn } from './sources/parse-signal-columns';
export { DEFAULT_SIGNAL_FILE } from './sources/signal-column-options';
export type {
  ColumnDelimiter,
  SignalColumnOptions,
  TimeUnit,
} from './sources/signal-column-options';
export { RATE_ESTIMATE_ROWS, RATE_ROUNDING_TOLERANCE } from './sources/signal-column-parser';

// Signal: streaming anti-aliased resampling (polyphase Kaiser-windowed sinc), to 125 Hz by default.
export {
  Resampler,
  DEFAULT_OUTPUT_RATE_HZ,
  PASSBAND_FRACTION,
  STOPBAND_ATTENUATION_DB,
} from './signal/resampler';
export type { ResamplerOptions } from './signal/resampler';
export { rationalRatio, MAX_RATIO_TERM } from './signal/rational-ratio';
export type { RationalRatio } from './signal/rational-ratio';

// Beats: online R-peak detection, the streaming Kachuee beat cut, and signal-quality events.
export {
  RPeakDetector,
  REFRACTORY_MS,
  T_WAVE_WINDOW_MS,
  WARM_UP_MS,
  MAX_PENDING_MS,
} from './beats/r-peak-detector';
export type { RPeakDetectorOptions } from './beats/r-peak-detector';
export { BeatCutter, WINDOW_DURATION_MS, FALLBACK_RR_MS } from './beats/beat-cutter';
export type { BeatCutterOptions } from './beats/beat-cutter';
export { BeatExtractor } from './beats/beat-extractor';
export type { BeatExtractorOptions } from './beats/beat-extractor';
export { GAP_INTERPOLATION_MAX_MS } from './beats/beat-types';
export type {
  Beat,
  BeatFlags,
  BeatOutput,
  QualityEvent,
  QualityEventKind,
} from './beats/beat-types';
export {
  FLAT_TOLERANCE_MV,
  FLAT_MIN_DURATION_MS,
  SATURATION_MIN_DURATION_MS,
  PLAUSIBLE_HEART_RATE_BPM,
} from './beats/signal-quality';

// Kaggle heartbeat rows (one beat per row): the core package's loader, re-exported for sources.
export { parseKaggleCsv, parseKaggleCsvText } from '@edge-ecg/core';
export type { KaggleCsvOptions, KaggleCsvResult, TextChunks } from '@edge-ecg/core';

// Prediction: a source through the beat stage into a classifier, micro-batched, as events.
export { BeatStream } from './predict/beat-stream';
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_LATENCY_MS,
  DEFAULT_SUMMARY_INTERVAL_S,
  DEFAULT_SUMMARY_WINDOW_S,
  UNUSABLE_BEAT_FLAGS,
} from './predict/beat-stream-types';
export type {
  BeatPrediction,
  BeatStreamEvent,
  BeatStreamOptions,
  BeatStreamStats,
  QualityReport,
  RollingSummary,
} from './predict/beat-stream-types';
export { isUnusableBeat } from './predict/micro-batch';
export { realtimeSource } from './predict/realtime-source';
export type { RealtimeSourceOptions } from './predict/realtime-source';

// Datasets: annotated records to labelled Kaggle-format beats (AAMI or binary), split by record
// (Node only where the name says records are read or files written).
export { LABEL_SCHEMES, PACED_BEAT_SYMBOL, labelClassNames, labelOf } from './dataset/label-scheme';
export type { LabelScheme } from './dataset/label-scheme';
export { matchBeats, MATCH_TOLERANCE_MS } from './dataset/match-beats';
export type { BeatMatch } from './dataset/match-beats';
export {
  PREFERRED_LEAD,
  chooseSignal,
  extractBeats,
  labelRecordBeats,
  readRecordBeats,
} from './dataset/record-beats';
export type { RecordBeats } from './dataset/record-beats';
export { listRecords } from './dataset/record-paths';
export type { RecordEntry, RecordListing } from './dataset/record-paths';
export { readRecordSet, joinRecordBeats } from './dataset/record-dataset';
export type {
  ExcludedRecord,
  ReadRecordSetOptions,
  RecordBeatsSet,
} from './dataset/record-dataset';
export {
  chooseTestRecords,
  ABNORMAL_RECORD_FRACTION,
  DEFAULT_TEST_RECORD_FRACTION,
  TEST_RECORD_RULE,
} from './dataset/choose-test-records';
export type { RecordForSplit } from './dataset/choose-test-records';
export { buildRecordSplit } from './dataset/record-split';
export { writeKaggleCsv, float32Text } from './dataset/kaggle-csv-writer';

// The CLI commands this package adds to `edge-ecg` (detect, beats, stream); core loads them
// lazily, and they load core's Node entry only when run.
export { streamCommands } from './cli/stream-commands';
