/**
 * @module The bench pages' static server: Express 5 on 127.0.0.1 at a port the system picks,
 * every response cross-origin isolating (COOP same-origin, COEP require-corp), so that the
 * pages may share memory with wasm threads. Serves the two pages, their bundles,
 * tfjs-backend-wasm's binaries, onnxruntime-web's wasm build and the exported ONNX model.
 */
'use strict';

const path = require('node:path');
const { createServer } = require('node:http');
const express = require('express');
const {
  ONNX_MODEL_URL,
  ORT_FOLDER_URL,
  ORT_WEB_PAGE,
  OURS_PAGE,
  TFJS_WASM_FOLDER_URL,
} = require('./page-contract');

const TFJS_WASM_DIR = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/index.js'));
/** All three binaries, so that a run that falls back from threaded SIMD still runs, and says so. */
const TFJS_WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/** onnxruntime-web's published dist folder, installed by `npm ci --prefix bench`. */
const ORT_WEB_DIST = path.join(__dirname, '..', 'node_modules', 'onnxruntime-web', 'dist');

/** The files of onnxruntime-web's wasm-only build: the module, its glue, its binary. */
const ORT_WEB_FILES = [
  'ort.wasm.min.mjs',
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
];

/** A minimal page whose one module script is `script`. */
function pageHtml(title, script) {
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8" /><title>${title}</title><link rel="icon" href="data:," />`,
    `<script type="module" src="/${script}"></script></head>`,
    `<body><p>${title}: the bench runner calls <code>window.edgeEcgBench</code>.</p></body>`,
    '</html>',
  ].join('\n');
}

function crossOriginIsolate(_request, response, next) {
  response.set('Cross-Origin-Opener-Policy', 'same-origin');
  response.set('Cross-Origin-Embedder-Policy', 'require-corp');
  response.set('Cache-Control', 'no-store');
  next();
}

/** Serves the files of `names` from `dir` under `urlFolder`, and nothing else from `dir`. */
function serveFiles(app, urlFolder, dir, names) {
  for (const name of names) {
    app.get(`${urlFolder}${name}`, (_request, response) => response.sendFile(path.join(dir, name)));
  }
}

/**
 * Builds the app.
 *
 * @param {{ bundleDir: string, onnxModelPath: string }} files where the bundles and model are
 * @returns {import('express').Express}
 */
function createBenchApp({ bundleDir, onnxModelPath }) {
  const app = express();
  app.use(crossOriginIsolate);
  app.get(OURS_PAGE.path, (_request, response) =>
    response.type('html').send(pageHtml('edge-ecg bench: ours', OURS_PAGE.script)),
  );
  app.get(ORT_WEB_PAGE.path, (_request, response) =>
    response.type('html').send(pageHtml('edge-ecg bench: ortWeb', ORT_WEB_PAGE.script)),
  );
  serveFiles(app, TFJS_WASM_FOLDER_URL, TFJS_WASM_DIR, TFJS_WASM_FILES);
  serveFiles(app, ORT_FOLDER_URL, ORT_WEB_DIST, ORT_WEB_FILES);
  // The model sits in bench/.cache/, which `send` would refuse as a dot folder.
  app.get(ONNX_MODEL_URL, (_request, response) =>
    response.sendFile(onnxModelPath, { dotfiles: 'allow' }),
  );
  app.use(express.static(bundleDir, { index: false }));
  return app;
}

/**
 * Starts the bench server on 127.0.0.1 at a port the system picks.
 *
 * @param {{ bundleDir: string, onnxModelPath: string }} files
 * @returns {Promise<{ origin: string, close(): Promise<void> }>} origin without a trailing slash
 * @throws {Error} when the server cannot listen
 */
async function startBenchServer(files) {
  const server = createServer(createBenchApp(files));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () =>
    new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return { origin: `http://127.0.0.1:${server.address().port}`, close };
}

module.exports = { ORT_WEB_DIST, createBenchApp, startBenchServer };
