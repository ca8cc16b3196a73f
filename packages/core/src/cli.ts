/** @module The `edge-ecg` command line's entry, loaded by the package's bin. */
export { runCli, EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT } from './cli/run-cli';
