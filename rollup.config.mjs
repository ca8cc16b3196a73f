// Builds every package to ESM, CommonJS and bundled type declarations.
//
// tfjs packages stay external peer dependencies. The one exception is tfjs-core's
// gradient and chained-op registration modules: they exist only as extensionless ESM
// files that Node cannot load, so they are inlined here, as tfjs's own Node bundle does.
// They register into tfjs-core's global registries, so the external core sees them.
import { builtinModules } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const INLINED_TFJS = /^@tensorflow\/tfjs-core\/dist\//;
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function isExternal(id) {
  if (INLINED_TFJS.test(id)) return false;
  if (builtins.has(id)) return true;
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
}

const packages = [
  { dir: 'packages/core', entries: ['index', 'node', 'cli'] },
  { dir: 'packages/stream', entries: ['index'] },
];

function codeBuild({ dir, entries }) {
  const input = Object.fromEntries(entries.map((name) => [name, `${dir}/src/${name}.ts`]));
  return {
    input,
    external: isExternal,
    plugins: [
      nodeResolve({ preferBuiltins: true }),
      typescript({
        tsconfig: './tsconfig.json',
        include: [`${dir}/src/**/*.ts`],
        compilerOptions: { declaration: false, sourceMap: true, paths: {} },
        outputToFilesystem: false,
      }),
    ],
    output: [
      {
        dir: `${dir}/dist`,
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
        sourcemap: true,
      },
      {
        dir: `${dir}/dist`,
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
        sourcemap: true,
        exports: 'named',
      },
    ],
    onwarn(warning, warn) {
      // tfjs-core's own ESM files use `this` at the top level in a few helpers.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  };
}

function typesBuild({ dir, entries }) {
  const publicEntries = entries.filter((name) => name !== 'cli');
  return {
    input: Object.fromEntries(publicEntries.map((name) => [name, `${dir}/src/${name}.ts`])),
    external: isExternal,
    plugins: [dts({ tsconfig: './tsconfig.json', compilerOptions: { paths: {} } })],
    output: {
      dir: `${dir}/dist`,
      format: 'es',
      entryFileNames: '[name].d.ts',
      chunkFileNames: 'chunks/[name]-[hash].d.ts',
    },
  };
}

export default packages.flatMap((pkg) => [codeBuild(pkg), typesBuild(pkg)]);
