/** @module Starts the wasm backend for a CLI command, honouring `EDGE_ECG_WASM_PATHS`. */
import { initBackend, type BackendInfo } from '../backend/init-backend';

/** The environment variable that points the CLI at another folder of `.wasm` binaries. */
export const WASM_PATHS_VARIABLE = 'EDGE_ECG_WASM_PATHS';

/** `initBackend()`, with the `.wasm` folder from the environment when it is set. */
export function startBackend(): Promise<BackendInfo> {
  const wasmPaths = process.env[WASM_PATHS_VARIABLE];
  return initBackend(wasmPaths ? { wasmPaths } : {});
}
