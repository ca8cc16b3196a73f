/**
 * @module Peer `tfjsWasm`: plain tfjs 4.22 on wasm/simd, as a tfjs user would set it up, with
 * only the kernel it lacks for training (a naive Conv2DBackpropFilter), trained with `fit`.
 *
 * tfjs-core's gradients and chained ops, which `@tensorflow/tfjs` users get, come from the
 * SDK's built chunks that register them (rollup inlines tfjs-core's ESM-only modules there).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseBenchArgs } = require('../lib/bench-args');
const { measureInference, printPeerResult, runPeer } = require('../lib/peer-timing');
const {
  buildRecipeModel,
  createPredict,
  tfjsVersions,
  trainWithFit,
} = require('../lib/tfjs-recipe');
const { naiveConv2DBackpropFilterConfig } = require('./naive-conv2d-backprop-filter');

const CORE_CHUNKS = path.join(__dirname, '..', '..', 'packages', 'core', 'dist', 'chunks');
const REGISTRATION_CHUNKS = ['register_all_gradients', 'register_all_chained_ops'];

/** The newest built chunk whose name starts with `prefix` (old builds leave stale ones). */
function newestChunk(prefix) {
  const files = fs.existsSync(CORE_CHUNKS) ? fs.readdirSync(CORE_CHUNKS) : [];
  const chunks = files
    .filter((file) => file.startsWith(`${prefix}-`) && file.endsWith('.cjs'))
    .map((file) => path.join(CORE_CHUNKS, file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (chunks.length === 0) {
    throw new Error(`No ${prefix}-*.cjs chunk in ${CORE_CHUNKS}. Run \`npm run build\` first.`);
  }
  return chunks[0];
}

/** tfjs-core + tfjs-backend-wasm (simd, one thread), gradients, chained ops, the naive kernel. */
async function setUpPlainTfjs() {
  const tf = require('@tensorflow/tfjs-core');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep);
  wasm.setThreadsCount(1);
  for (const prefix of REGISTRATION_CHUNKS) require(newestChunk(prefix));
  tf.registerKernel(naiveConv2DBackpropFilterConfig);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs could not start its wasm backend.');
  return tf;
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const tf = await setUpPlainTfjs();
  const model = buildRecipeModel(require('@tensorflow/tfjs-layers'));
  const epochSeconds =
    options.counts.epochs > 0 ? await trainWithFit(tf, model, options.counts, options.seed) : null;
  const inference = await measureInference(createPredict(tf, model), options.counts, options.seed);
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  printPeerResult(
    {
      epochSeconds,
      ...inference,
      versions: {
        ...tfjsVersions(),
        node: process.versions.node,
        wasmBinary: simd ? 'simd' : 'plain',
      },
      notes: ['tfjs-layers model.fit with a naive JavaScript Conv2DBackpropFilter'],
    },
    options.json,
  );
}

runPeer(main);
