/**
 * @module Bundles the two bench pages with rollup, as an app would: `ours` with the built ESM of
 * `@edge-ecg/core` and the browser builds of tfjs, `ortWeb` with only the timing code (it loads
 * onnxruntime-web itself, from the server). Both bundle the Node peers' timing module.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { default: commonjs } = require('@rollup/plugin-commonjs');
const { nodeResolve } = require('@rollup/plugin-node-resolve');
const { rollup } = require('rollup');
const { OURS_PAGE, ORT_WEB_PAGE } = require('./page-contract');

const PAGE_DIR = path.join(__dirname, 'page');

/** The built ESM entry of `@edge-ecg/core` that the `ours` page imports. */
const CORE_ESM_BUILD = path.join(__dirname, '..', '..', 'packages', 'core', 'dist', 'index.mjs');

/** Each page script's entry, by the bundle's file name (without `.js`). */
const PAGE_ENTRIES = {
  [path.basename(OURS_PAGE.script, '.js')]: path.join(PAGE_DIR, 'ours-page.mjs'),
  [path.basename(ORT_WEB_PAGE.script, '.js')]: path.join(PAGE_DIR, 'ort-web-page.mjs'),
};

/** Rollup warnings that tfjs's and zod's own sources always raise, and that say nothing. */
const DEPENDENCY_WARNING_CODES = new Set([
  'THIS_IS_UNDEFINED',
  'CIRCULAR_DEPENDENCY',
  'INVALID_ANNOTATION',
]);

const PERF_HOOKS_ID = '\0bench-perf-hooks';

/**
 * The timing module requires `node:perf_hooks` for `performance`; a page has the same clock
 * as a global, so the page bundle gets a module that hands over the global.
 */
function browserPerfHooks() {
  return {
    name: 'browser-perf-hooks',
    resolveId: (id) => (id === 'node:perf_hooks' ? PERF_HOOKS_ID : null),
    load: (id) =>
      id === PERF_HOOKS_ID ? 'export const performance = globalThis.performance;' : null,
  };
}

/**
 * Bundles both page scripts into `outDir` (the entries are named as in page-contract.js) and
 * returns the rollup warnings worth reading, such as an import left unresolved.
 *
 * @param {string} outDir
 * @returns {Promise<string[]>}
 * @throws {Error} when `@edge-ecg/core` is not built, or rollup cannot bundle a module
 */
async function bundlePages(outDir) {
  if (!fs.existsSync(CORE_ESM_BUILD)) {
    throw new Error(
      `The ours page imports the built ${CORE_ESM_BUILD}, which is missing: run npm run build.`,
    );
  }
  const warnings = [];
  const bundle = await rollup({
    input: PAGE_ENTRIES,
    plugins: [browserPerfHooks(), nodeResolve({ browser: true }), commonjs()],
    onwarn(log) {
      if (!DEPENDENCY_WARNING_CODES.has(log.code ?? '')) warnings.push(log.message);
    },
  });
  try {
    await bundle.write({ dir: outDir, entryFileNames: '[name].js', format: 'es' });
  } finally {
    await bundle.close();
  }
  return warnings;
}

module.exports = { bundlePages };
