#!/usr/bin/env node
/**
 * @module `npm run bench`: the reference recipe's training epoch, inference throughput,
 * single-beat latency and peak RSS on the SDK and its peers, each system in its own child
 * process, one after another, single-threaded; then ours and ortWeb in headless Chromium on a
 * cross-origin-isolated page at 1 and 2 threads (unless --no-browser). Prints the medians, the
 * ratios ours/peer next to issue #4's goals, the Chromium table, and with --json one JSON
 * object as the last line. Never asserts on speed.
 */
'use strict';

const { SYSTEMS, USAGE, parseBenchArgs } = require('./lib/bench-args');
const { runBrowserPart } = require('./browser/browser-part');
const {
  buildBrowserResult,
  formatBrowserDetails,
  formatBrowserTable,
} = require('./browser/browser-report');
const {
  buildResult,
  emptyMeasures,
  formatDetails,
  formatGoals,
  formatTable,
  toJsonLine,
} = require('./lib/bench-report');
const { formatMachine, machineInfo } = require('./lib/machine-info');
const { NEEDS_TORCH, runSystem } = require('./lib/peer-processes');
const { exportOnnxModel, findPythonWithTorch } = require('./lib/python-torch');

function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The Python with torch, with the ONNX model exported, or undefined when either is missing. */
function prepareTorch(options) {
  if (!options.systems.some((system) => NEEDS_TORCH.has(system))) return undefined;
  const torch = findPythonWithTorch(options.python);
  if (torch === undefined) return undefined;
  if (options.systems.includes('ortNode') || options.systems.includes('ortWeb')) {
    progress(`exporting the recipe to ONNX with ${torch.python}`);
    exportOnnxModel(torch.python);
  }
  return torch;
}

/** Runs the chosen systems one by one; the others are listed as not run. */
function runSystems(options, torch) {
  const runs = {};
  for (const system of SYSTEMS) {
    if (!options.systems.includes(system)) {
      runs[system] = {
        measures: emptyMeasures(),
        versions: {},
        notes: ['not run (left out of --peers)'],
        failed: false,
      };
      continue;
    }
    progress(`running ${system}`);
    runs[system] = runSystem(system, options, torch);
  }
  return runs;
}

/** The Chromium part, after the Node peers; its rows by key. */
function runBrowser(options) {
  progress(options.browser ? 'running the Chromium part' : 'skipping the Chromium part');
  return runBrowserPart(options);
}

function report(options, runs, browserRows) {
  const { ours, ...peers } = Object.fromEntries(
    Object.entries(runs).map(([name, run]) => [name, run.measures]),
  );
  const result = buildResult(ours, peers);
  const details = Object.fromEntries(
    Object.entries(runs).map(([name, { versions, notes }]) => [name, { versions, notes }]),
  );
  const browser = buildBrowserResult(browserRows);
  const lines = [formatTable(result), '', formatGoals(result), '', formatDetails(details)];
  lines.push('', formatBrowserTable(browser), '', formatBrowserDetails(browserRows));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.json) process.stdout.write(`${toJsonLine({ ...result, browser })}\n`);
}

function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const machine = machineInfo();
  process.stdout.write(`${formatMachine(machine)}\n`);
  process.stdout.write(
    `counts: ${JSON.stringify(options.counts)}` +
      `${options.quick ? ' (--quick: a smoke test)' : ''}\n\n`,
  );
  const runs = runSystems(options, prepareTorch(options));
  const browserRows = runBrowser(options);
  report(options, runs, browserRows);
  const failed = [...Object.values(runs), ...Object.values(browserRows)].some((run) => run.failed);
  return failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 2;
}
