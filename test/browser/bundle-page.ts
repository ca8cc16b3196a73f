/**
 * @module Bundles the browser check page's script with rollup, as an app would: the built ESM of
 * `@edge-ecg/core` plus the browser builds of tfjs-core, tfjs-layers and tfjs-backend-wasm.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from '@swc/core';
import { rollup, type Plugin } from 'rollup';

/** The page script's entry, in TypeScript. */
export const PAGE_ENTRY = join(__dirname, 'page', 'browser-check.ts');

/** The built ESM entry of `@edge-ecg/core` that the page imports. */
const CORE_ESM_BUILD = join(__dirname, '..', '..', 'packages', 'core', 'dist', 'index.mjs');

/** The bundle's file name, as the page's `<script>` asks for it. */
export const PAGE_BUNDLE_FILE = 'browser-check.js';

/** Strips the page's TypeScript types with swc (jest's own transformer), keeping ES modules. */
function stripTypes(): Plugin {
  return {
    name: 'strip-types',
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const output = await transform(code, {
        filename: id,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      });
      return { code: output.code, map: null };
    },
  };
}

/**
 * Rollup warnings that the dependencies' own sources always raise (tfjs: top-level `this`,
 * circular imports; zod: misplaced `@__PURE__` comments), and that say nothing about the SDK.
 */
const DEPENDENCY_WARNING_CODES = new Set([
  'THIS_IS_UNDEFINED',
  'CIRCULAR_DEPENDENCY',
  'INVALID_ANNOTATION',
]);

/**
 * Bundles the page script into `outDir` (the entry, {@link PAGE_BUNDLE_FILE}, and the chunks of
 * the SDK's dynamic imports) and returns the rollup warnings worth reading, such as an import
 * left unresolved.
 *
 * @throws when `@edge-ecg/core` is not built, or rollup cannot parse a module.
 */
export async function bundlePage(outDir: string): Promise<string[]> {
  if (!existsSync(CORE_ESM_BUILD)) {
    throw new Error(
      `The page imports the built ${CORE_ESM_BUILD}, which is missing: run npm run build.`,
    );
  }
  const warnings: string[] = [];
  const bundle = await rollup({
    input: PAGE_ENTRY,
    plugins: [
      stripTypes(),
      nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.json', '.ts'] }),
      commonjs(),
    ],
    onwarn(log) {
      if (!DEPENDENCY_WARNING_CODES.has(log.code ?? '')) warnings.push(log.message);
    },
  });
  try {
    await bundle.write({ dir: outDir, entryFileNames: PAGE_BUNDLE_FILE, format: 'es' });
  } finally {
    await bundle.close();
  }
  return warnings;
}
