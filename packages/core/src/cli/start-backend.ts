/** @module Starts the wasm backend for a CLI command, honouring `EDGE_ECG_WASM_PATHS`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { initBackend, type BackendInfo } from '../backend/init-backend';
import { UsageError } from '../errors';

/** The environment variable that points the CLI at another folder of `.wasm` binaries. */
export const WASM_PATHS_VARIABLE = 'EDGE_ECG_WASM_PATHS';

/** The binary the CLI runs: Node has SIMD but no wasm threads in tfjs. */
const NODE_BINARY = 'tfjs-backend-wasm-simd.wasm';

/**
 * `initBackend()`, with the `.wasm` folder from the environment when it is set.
 *
 * @throws {UsageError} when that folder has no tfjs-backend-wasm binary, before tfjs tries it.
 */
export function startBackend(): Promise<BackendInfo> {
  const wasmPaths = process.env[WASM_PATHS_VARIABLE];
  if (wasmPaths && !existsSync(join(wasmPaths, NODE_BINARY))) {
    throw new UsageError(
      `${WASM_PATHS_VARIABLE}=${wasmPaths}: there is no ${NODE_BINARY} in that folder. Point it ` +
        "at @tensorflow/tfjs-backend-wasm's dist folder (or a copy of its .wasm files), " +
        'or unset it.',
    );
  }
  return initBackend(wasmPaths ? { wasmPaths } : {});
}
