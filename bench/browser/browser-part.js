/**
 * @module Runs the Chromium part for `bench/run-bench.js`: run-browser-bench.js in a child
 * process with the bench's counts, or rows of nulls that say why it did not run.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { peerArgs } = require('../lib/bench-args');
const { lastJsonLine } = require('../lib/peer-processes');
const { unavailableRows } = require('./browser-report');
const { CHROMIUM_PATH, chromiumMissingNote } = require('./chromium-process');

const BROWSER_SCRIPT = path.join(__dirname, 'run-browser-bench.js');

/** Bytes of child output kept; it prints one JSON line. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/**
 * The child's flags: the peers' counts, seed and `--json`, and the systems chosen.
 *
 * @param {import('../lib/bench-args').BenchOptions} options
 * @returns {string[]}
 */
function browserArgs(options) {
  return [...peerArgs(options), '--peers', options.systems.join(',')];
}

/**
 * Runs the Chromium part, its progress going to this process's stderr.
 *
 * @param {import('../lib/bench-args').BenchOptions} options
 * @returns {Record<string, import('./browser-report').BrowserRow>} the four rows by key
 */
function runBrowserPart(options) {
  if (!options.browser) return unavailableRows('not run (--no-browser)', false);
  if (!fs.existsSync(CHROMIUM_PATH)) return unavailableRows(chromiumMissingNote(), false);
  const run = spawnSync(process.execPath, [BROWSER_SCRIPT, ...browserArgs(options)], {
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output = run.status === 0 ? lastJsonLine(run.stdout) : undefined;
  if (output?.rows === undefined) {
    const reason = run.error?.message ?? `exit status ${run.status}`;
    return unavailableRows(`failed (${reason}); its error is on stderr above`, true);
  }
  return output.rows;
}

module.exports = { browserArgs, runBrowserPart };
