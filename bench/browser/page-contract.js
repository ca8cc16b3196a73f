/**
 * @module What the bench pages and their server agree on: the pages' paths, where the server
 * puts each file, and the name of the `window` property through which the runner calls a page.
 * Plain CommonJS, so that Node requires it and rollup bundles it into the pages.
 */
'use strict';

/** The `window` property that holds a page's bench functions, once its script has loaded. */
const BENCH_GLOBAL = 'edgeEcgBench';

/** The page of the SDK (`ours`), and the file of its bundled script. */
const OURS_PAGE = { path: '/ours/', script: 'ours-page.js' };

/** The page of onnxruntime-web (`ortWeb`), and the file of its bundled script. */
const ORT_WEB_PAGE = { path: '/ort-web/', script: 'ort-web-page.js' };

/** Where the server serves tfjs-backend-wasm's `.wasm` binaries. */
const TFJS_WASM_FOLDER_URL = '/wasm/';

/** Where the server serves onnxruntime-web's wasm build: its ES module, glue and binary. */
const ORT_FOLDER_URL = '/ort/';

/** onnxruntime-web's wasm-only ES module, loaded by the page as it is published (not bundled). */
const ORT_MODULE_URL = `${ORT_FOLDER_URL}ort.wasm.min.mjs`;

/** The exported recipe model, the same file the Node ortWeb peer loads. */
const ONNX_MODEL_URL = '/model/recipe.onnx';

module.exports = {
  BENCH_GLOBAL,
  OURS_PAGE,
  ORT_WEB_PAGE,
  TFJS_WASM_FOLDER_URL,
  ORT_FOLDER_URL,
  ORT_MODULE_URL,
  ONNX_MODEL_URL,
};
