/** @module Starts TensorFlow.js's WebAssembly backend, explicitly and loudly. */
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BackendError, reasonOf } from '../errors';
import { compileForwardModule } from '../infer/forward-module';
import { DEFAULT_FAST_KERNELS, setFastKernels } from './fast-kernels';
import { registerTrainingSupport } from './register-training-support';

/** Which of tfjs-backend-wasm's three binaries runs. */
export type WasmBinary = 'plain' | 'simd' | 'threaded-simd';

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /**
   * Where the `.wasm` binaries are: a folder URL or path (a `/` is added if it lacks one), or a
   * map from each binary's file name to its URL. Needed in browsers; in Node the package's own
   * are found.
   */
  wasmPaths?: string | Record<string, string>;
  /** Threads for the threaded binary (browsers on cross-origin-isolated pages only). */
  threads?: number;
  /**
   * Use the SDK's faster wasm kernels (fused LSTM, matrix-product convolution gradients). Set
   * `false` to run tfjs-backend-wasm's own kernels, e.g. to compare speed or results; unlike
   * the other options it takes effect on every call.
   * @defaultValue true ({@link DEFAULT_FAST_KERNELS})
   */
  fastKernels?: boolean;
}

/** What {@link initBackend} started. */
export interface BackendInfo {
  backend: 'wasm';
  wasmBinary: WasmBinary;
  threads: number;
  /** The binary's path or URL, as far as it is known. */
  wasmPath: string;
}

const BINARY_FILES: Record<WasmBinary, string> = {
  plain: 'tfjs-backend-wasm.wasm',
  simd: 'tfjs-backend-wasm-simd.wasm',
  'threaded-simd': 'tfjs-backend-wasm-threaded-simd.wasm',
};

let started: BackendInfo | undefined;

function isNode(): boolean {
  return typeof process !== 'undefined' && process.versions?.node != null;
}

/** The folder of tfjs-backend-wasm's binaries in Node, or undefined where it cannot be found. */
function nodeWasmFolder(): string | undefined {
  if (!isNode()) return undefined;
  try {
    const nodeModule = process.getBuiltinModule('node:module');
    const path = process.getBuiltinModule('node:path');
    const resolveFrom =
      typeof require === 'function' ? require : nodeModule.createRequire(`${process.cwd()}/`);
    return path.dirname(resolveFrom.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
  } catch {
    return undefined;
  }
}

/** A folder prefix ends in `/`: tfjs joins it to the file name as it is. */
function asFolder(paths: InitBackendOptions['wasmPaths']): InitBackendOptions['wasmPaths'] {
  if (typeof paths !== 'string' || paths.endsWith('/') || paths.endsWith('\\')) return paths;
  return `${paths}/`;
}

async function detectBinary(): Promise<WasmBinary> {
  const [simd, threads] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  if (simd && threads) return 'threaded-simd';
  return simd ? 'simd' : 'plain';
}

function binaryPath(paths: InitBackendOptions['wasmPaths'], binary: WasmBinary): string {
  const file = BINARY_FILES[binary];
  if (typeof paths === 'object') return paths[file] ?? file;
  return `${paths ?? ''}${file}`;
}

/** Creates the wasm backend itself, so that a failure rejects instead of logging a warning. */
async function createWasmBackend(path: string): Promise<tf.KernelBackend> {
  const factory = tf.findBackendFactory('wasm');
  if (factory == null) {
    throw new BackendError(
      'The wasm backend is not registered: @tensorflow/tfjs-backend-wasm did not load. ' +
        'Install @tensorflow/tfjs-backend-wasm@4.22.0 next to @tensorflow/tfjs-core.',
    );
  }
  try {
    return await factory();
  } catch (error) {
    throw new BackendError(
      `The WebAssembly backend failed to start from ${path}: ${reasonOf(error)}. ` +
        'Serve the .wasm files and pass their folder as `wasmPaths` (it must end in "/").',
      { cause: error },
    );
  }
}

/**
 * Starts the SIMD WebAssembly backend and registers every kernel and gradient that training
 * the classifier needs. Call it once before anything else; later calls return the same info
 * (and only apply `fastKernels`).
 *
 * @throws {BackendError} when WebAssembly cannot start; it never falls back to another backend.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  if (started) {
    setFastKernels(options.fastKernels ?? DEFAULT_FAST_KERNELS);
    await tf.setBackend('wasm');
    return started;
  }
  await Promise.all([registerTrainingSupport(), compileForwardModule()]);
  setFastKernels(options.fastKernels ?? DEFAULT_FAST_KERNELS);
  const wasmPaths = asFolder(options.wasmPaths) ?? nodeWasmFolder();
  if (wasmPaths !== undefined) setWasmPaths(wasmPaths);
  if (options.threads !== undefined) setThreadsCount(options.threads);
  const wasmBinary = await detectBinary();
  const wasmPath = binaryPath(wasmPaths, wasmBinary);
  const backend = await createWasmBackend(wasmPath);
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => backend, 2);
  if (!(await tf.setBackend('wasm'))) {
    throw new BackendError(
      `The WebAssembly backend started from ${wasmPath} but could not be selected.`,
    );
  }
  started = { backend: 'wasm', wasmBinary, threads: getThreadsCount(), wasmPath };
  return started;
}

/** The info of the running backend, or undefined before {@link initBackend} succeeded. */
export function backendInfo(): BackendInfo | undefined {
  return started;
}
