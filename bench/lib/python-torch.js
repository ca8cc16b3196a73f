/** @module Finds a Python with torch, and exports the recipe to ONNX with it for the ORT peers. */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** The PyTorch peer's script, which is also the ONNX exporter. */
const PYTORCH_SCRIPT = path.join(__dirname, '..', 'peers', 'pytorch_recipe.py');

/** Where the exported model goes; bench/.cache/ is not tracked. */
const ONNX_MODEL_PATH = path.join(__dirname, '..', '.cache', 'recipe.onnx');

/**
 * Why the torch peers did not run, and how to install torch.
 *
 * @param {string | undefined} explicit the Python given with --python, if any
 */
function torchMissingNote(explicit) {
  const tried = explicit === undefined ? '$BENCH_PYTHON, python3, /usr/bin/python3' : explicit;
  return (
    `no Python with torch found (tried ${tried}); install it with ` +
    '`apt-get install python3-torch` (Debian) or `pip install torch`, or pass --python PATH'
  );
}

/** Candidates in order: the flag, $BENCH_PYTHON, python3 on PATH, the system Python. */
function pythonCandidates(explicit) {
  const candidates = [explicit, process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'];
  return [
    ...new Set(candidates.filter((candidate) => candidate !== undefined && candidate !== '')),
  ];
}

/**
 * The first Python that can import torch, with torch's version, or undefined.
 *
 * @param {string | undefined} explicit a Python given with --python; only it is tried if given
 * @returns {{ python: string, torchVersion: string } | undefined}
 */
function findPythonWithTorch(explicit) {
  const candidates = explicit === undefined ? pythonCandidates(undefined) : [explicit];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) return { python, torchVersion: probe.stdout.trim() };
  }
  return undefined;
}

/**
 * Writes the recipe model as ONNX to {@link ONNX_MODEL_PATH}, unless it is newer than the
 * script that defines it.
 *
 * @returns {string} the model's path
 * @throws {Error} when the export fails, with Python's error output
 */
function exportOnnxModel(python) {
  const exported = fs.existsSync(ONNX_MODEL_PATH) ? fs.statSync(ONNX_MODEL_PATH).mtimeMs : 0;
  if (exported > fs.statSync(PYTORCH_SCRIPT).mtimeMs) return ONNX_MODEL_PATH;
  fs.mkdirSync(path.dirname(ONNX_MODEL_PATH), { recursive: true });
  const run = spawnSync(python, [PYTORCH_SCRIPT, '--export-onnx', ONNX_MODEL_PATH], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(
      `Exporting the recipe to ONNX with ${python} failed (status ${run.status}):\n${run.stderr}`,
    );
  }
  return ONNX_MODEL_PATH;
}

module.exports = {
  PYTORCH_SCRIPT,
  ONNX_MODEL_PATH,
  torchMissingNote,
  findPythonWithTorch,
  exportOnnxModel,
};
