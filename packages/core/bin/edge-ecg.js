#!/usr/bin/env node
// The `edge-ecg` command: a shim so the bin exists before the package is built.
require('../dist/cli.cjs')
  .runCli(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`edge-ecg: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
