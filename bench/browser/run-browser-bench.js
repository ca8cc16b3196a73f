#!/usr/bin/env node
/**
 * @module The Chromium part of `npm run bench`, in its own process as each Node peer is: bundles
 * the pages, serves them cross-origin isolated on 127.0.0.1, and runs ours and ortWeb at 1 and 2
 * threads, each row in a fresh Chromium, one after another. Takes the peers' flags (and
 * `--peers`); with --json prints one line `{ rows }`. Never asserts on speed.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseBenchArgs } = require('../lib/bench-args');
const { ONNX_MODEL_PATH } = require('../lib/python-torch');
const { runPeer } = require('../lib/peer-timing');
const { tfjsVersions } = require('../lib/tfjs-recipe');
const { BROWSER_ROWS, unavailableRow } = require('./browser-report');
const { ORT_WEB_DIST, startBenchServer } = require('./bench-server');
const { bundlePages } = require('./bundle-pages');
const { runBenchPage } = require('./run-bench-page');

function progress(message) {
  process.stderr.write(`[bench] chromium: ${message}\n`);
}

/** Why a row cannot run here, or undefined when it can. */
function reasonNotToRun(row, options) {
  if (!options.systems.includes(row.system)) return 'not run (left out of --peers)';
  if (row.system !== 'ortWeb') return undefined;
  if (!fs.existsSync(ORT_WEB_DIST)) {
    return `not run: ${ORT_WEB_DIST} is missing; npm run bench installs it (npm ci --prefix bench)`;
  }
  if (!fs.existsSync(ONNX_MODEL_PATH)) {
    return `not run: ${ONNX_MODEL_PATH} is missing; the PyTorch peer exports it (needs torch)`;
  }
  return undefined;
}

/** Runs one row, turning a failure into a row of nulls that says why. */
async function runRow(row, run) {
  progress(`running ${row.label}`);
  try {
    return await runBenchPage(row, run);
  } catch (error) {
    return unavailableRow(`failed: ${error?.message ?? error}`, true);
  }
}

/** Bundles the pages in a temporary folder, serves them, runs `action`, and cleans up. */
async function withServedPages(action) {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edge-ecg-bench-browser-'));
  try {
    progress('bundling the pages');
    const bundleDir = path.join(tempDir, 'bundle');
    const warnings = await bundlePages(bundleDir);
    const server = await startBenchServer({ bundleDir, onnxModelPath: ONNX_MODEL_PATH });
    try {
      return await action(server.origin, warnings);
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Runs `rows` one after another, each in its own Chromium; the rollup warnings go in notes. */
async function runRows(rows, options, origin, warnings) {
  const run = { origin, counts: options.counts, seed: options.seed };
  const machineCores = os.availableParallelism();
  const results = {};
  for (const row of rows) {
    const versions = row.system === 'ours' ? tfjsVersions() : {};
    const result = await runRow(row, { ...run, machineCores, versions });
    result.notes.push(...warnings.map((warning) => `rollup warned: ${warning}`));
    results[row.key] = result;
  }
  return results;
}

/** The rows to run, and the others with why not. */
function planRows(options) {
  const skipped = {};
  const toRun = [];
  for (const row of BROWSER_ROWS) {
    const reason = reasonNotToRun(row, options);
    if (reason === undefined) toRun.push(row);
    else skipped[row.key] = unavailableRow(reason, false);
  }
  return { toRun, skipped };
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const { toRun, skipped } = planRows(options);
  const ran =
    toRun.length === 0
      ? {}
      : await withServedPages((origin, warnings) => runRows(toRun, options, origin, warnings));
  const rows = Object.fromEntries(BROWSER_ROWS.map(({ key }) => [key, ran[key] ?? skipped[key]]));
  if (options.json) process.stdout.write(`${JSON.stringify({ rows })}\n`);
  else
    for (const [key, row] of Object.entries(rows))
      process.stdout.write(`${key}: ${JSON.stringify(row)}\n`);
}

runPeer(main);
