/** @module @edge-ecg/core: every public name of the universal entry (Node and browsers). */

export { initBackend, backendInfo } from './backend/init-backend';
export type { BackendInfo, InitBackendOptions, WasmBinary } from './backend/init-backend';

export { EdgeEcgError, SpecError, DataError, BackendError, ModelIoError, UsageError } from './errors';
export type { DataLocation, EdgeEcgErrorOptions } from './errors';

export { createConsoleLogger, silentLogger, DEFAULT_LOG_LEVEL } from './logger';
export type { Logger, LogLevel } from './logger';

export { beatCount, classCounts, selectBeats, concatBeats } from './data/beat-dataset';
export type { BeatDataset } from './data/beat-dataset';
