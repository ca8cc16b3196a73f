/**
 * @module The SDK's error hierarchy: one base class with a `code`, subclasses callers branch on.
 */

/** Options shared by every edge-ecg error. */
export interface EdgeEcgErrorOptions {
  /** The error that caused this one, kept for debugging. */
  cause?: unknown;
}

/** Base class of every error the SDK throws on purpose. */
export class EdgeEcgError extends Error {
  /** A stable machine-readable code, such as `SPEC_INVALID`. */
  readonly code: string;

  constructor(code: string, message: string, options: EdgeEcgErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** A model spec that is malformed, or whose shapes cannot work. */
export class SpecError extends EdgeEcgError {
  /** Where in the spec the problem is, such as `blocks[3].poolSize`. */
  readonly path: string;

  constructor(path: string, message: string, options: EdgeEcgErrorOptions = {}) {
    super('SPEC_INVALID', message, options);
    this.path = path;
  }
}

/** Where in an input file a problem is. Lines and columns count from 1. */
export interface DataLocation {
  file: string;
  line?: number;
  column?: number;
}

/** Input data that cannot be used: a bad CSV row, an empty file, a wrong label. */
export class DataError extends EdgeEcgError {
  readonly location: DataLocation;

  constructor(location: DataLocation, message: string, options: EdgeEcgErrorOptions = {}) {
    super('DATA_INVALID', message, options);
    this.location = location;
  }
}

/** The WebAssembly backend could not start, or a kernel is missing. */
export class BackendError extends EdgeEcgError {
  constructor(message: string, options: EdgeEcgErrorOptions = {}) {
    super('BACKEND_UNAVAILABLE', message, options);
  }
}

/** A saved model directory that is missing, corrupt or incompatible. */
export class ModelIoError extends EdgeEcgError {
  /** The file (or IndexedDB key) that is at fault. */
  readonly file: string;

  constructor(file: string, message: string, options: EdgeEcgErrorOptions = {}) {
    super('MODEL_IO', message, options);
    this.file = file;
  }
}

/** Bad command-line usage or a bad option passed to an API call. */
export class UsageError extends EdgeEcgError {
  constructor(message: string, options: EdgeEcgErrorOptions = {}) {
    super('USAGE', message, options);
  }
}

/** The message of anything thrown or rejected: an Error, an `{ message }` object, or a value. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}
