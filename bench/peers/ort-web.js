/**
 * @module Peer `ortWeb`: the exported recipe on onnxruntime-web's wasm backend in Node, SIMD on,
 * one thread.
 *
 * In Node, onnxruntime-web 1.30's `dist/ort.node.min.js` imports `ort-wasm-simd-threaded.mjs`
 * from its own dist folder, which fetches the `.wasm` next to it; with one thread the threaded
 * build runs without workers. Pointing `wasmPaths` at that folder only makes this explicit.
 */
'use strict';

const path = require('node:path');
const { pathToFileURL } = require('node:url');
const ort = require('onnxruntime-web');
const { runOrtPeer } = require('../lib/ort-inference');
const { runPeer } = require('../lib/peer-timing');

const ORT_WEB_DIST = path.dirname(require.resolve('onnxruntime-web'));

ort.env.wasm.numThreads = 1;
ort.env.wasm.simd = true;
ort.env.wasm.proxy = false;
ort.env.wasm.wasmPaths = `${pathToFileURL(ORT_WEB_DIST).href}/`;

runPeer(() =>
  runOrtPeer({
    ort,
    sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all' },
    versions: { 'onnxruntime-web': ort.env.versions.web },
    notes: ['inference only, wasm backend in Node, SIMD, 1 thread'],
  }),
);
