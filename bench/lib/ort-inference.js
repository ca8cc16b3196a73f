/** @module Inference-only measures of the exported recipe on an ONNX Runtime (node or web). */
'use strict';

const fs = require('node:fs');
const { parseBenchArgs } = require('./bench-args');
const { RECIPE, measureInference, printPeerResult } = require('./peer-timing');
const { ONNX_MODEL_PATH } = require('./python-torch');

/** Throws unless the runner has exported the model. */
function checkModelExported() {
  if (!fs.existsSync(ONNX_MODEL_PATH)) {
    throw new Error(
      `${ONNX_MODEL_PATH} does not exist. Run the bench runner (node bench/run-bench.js), ` +
        'which exports it from bench/peers/pytorch_recipe.py first.',
    );
  }
}

/** A predict function over the session: a tensor from the samples, run, the output read. */
function createOrtPredict(ort, session) {
  const [inputName] = session.inputNames;
  const [outputName] = session.outputNames;
  return async (samples, count) => {
    const input = new ort.Tensor('float32', samples, [count, RECIPE.beatLength, 1]);
    const outputs = await session.run({ [inputName]: input });
    return outputs[outputName].data;
  };
}

/**
 * Runs one ORT peer: loads the exported model with `sessionOptions`, measures inference
 * (ONNX Runtime cannot train this model here, so epochSeconds is null), prints the result.
 *
 * @param {{ ort: any, sessionOptions: object, versions: Record<string, string>, notes: string[] }} peer
 */
async function runOrtPeer({ ort, sessionOptions, versions, notes }) {
  const options = parseBenchArgs(process.argv.slice(2));
  checkModelExported();
  const session = await ort.InferenceSession.create(ONNX_MODEL_PATH, sessionOptions);
  const inference = await measureInference(
    createOrtPredict(ort, session),
    options.counts,
    options.seed,
  );
  await session.release();
  const result = {
    epochSeconds: null,
    ...inference,
    versions: { ...versions, node: process.versions.node },
    notes,
  };
  printPeerResult(result, options.json);
}

module.exports = { runOrtPeer };
