/** @module Runs each system in its own child process and reads its last JSON line. */
'use strict';

const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { peerArgs } = require('./bench-args');
const { emptyMeasures, pickMeasures } = require('./bench-report');
const { PYTORCH_SCRIPT, torchMissingNote } = require('./python-torch');

const PEERS_DIR = path.join(__dirname, '..', 'peers');

/**
 * What one system's child process gave.
 *
 * @typedef {object} SystemRun
 * @property {import('./bench-report').Measures} measures null where unknown
 * @property {Record<string, string | number>} versions
 * @property {string[]} notes how it ran, or why it did not
 * @property {boolean} failed true when it should have run but its process failed
 */

/** The Node script of each system; `pytorch` runs in Python instead. */
const NODE_SCRIPTS = {
  ours: 'ours.js',
  tfjsWasm: 'tfjs-wasm.js',
  ortNode: 'ort-node.js',
  ortWeb: 'ort-web.js',
};

/** Systems that need torch: to run, or for the ONNX model it exports. */
const NEEDS_TORCH = new Set(['pytorch', 'ortNode', 'ortWeb']);

/** Lines of a child's stderr kept in a failure note. */
const STDERR_TAIL_LINES = 8;

/** Bytes of child output kept; a peer prints a few lines only. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** The command line of a system's child process. */
function commandOf(system, options, python) {
  if (system === 'pytorch') return [python, [PYTORCH_SCRIPT, ...peerArgs(options)]];
  return [process.execPath, [path.join(PEERS_DIR, NODE_SCRIPTS[system]), ...peerArgs(options)]];
}

/** The last stdout line parsed as JSON, or undefined when there is none that parses. */
function lastJsonLine(stdout) {
  const lines = stdout.trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1]);
  } catch {
    return undefined;
  }
}

function tail(text) {
  return text.trim().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
}

/** What a system that did not run reports: no measures, and why. */
function unavailable(note, failed) {
  return { measures: emptyMeasures(), versions: {}, notes: [note], failed };
}

/**
 * Runs one system in a child process with the bench's counts.
 *
 * @param {string} system one of SYSTEMS
 * @param {import('./bench-args').BenchOptions} options
 * @param {{ python: string } | undefined} torch the Python with torch, if any
 * @returns {SystemRun}
 */
function runSystem(system, options, torch) {
  if (NEEDS_TORCH.has(system) && torch === undefined)
    return unavailable(torchMissingNote(options.python), false);
  const [command, args] = commandOf(system, options, torch?.python);
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES });
  const output = run.status === 0 ? lastJsonLine(run.stdout) : undefined;
  if (output === undefined) {
    const reason = run.error?.message ?? `exit status ${run.status}`;
    return unavailable(`failed (${reason}): ${tail(run.stderr ?? '')}`, true);
  }
  return {
    measures: pickMeasures(output),
    versions: output.versions ?? {},
    notes: output.notes ?? [],
    failed: false,
  };
}

module.exports = { runSystem, lastJsonLine, NEEDS_TORCH };
