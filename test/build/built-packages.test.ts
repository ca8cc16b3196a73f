/**
 * The built packages, as a user's Node loads them: the CommonJS build through `require` and the
 * ESM build through a real `import` in a child process (jest itself runs CommonJS). Each one
 * starts wasm, trains an LSTM model for a step (which needs the gradients and chained ops the
 * build registers) and predicts; importing prints nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CORE_DIST = join(ROOT, 'packages', 'core', 'dist');

const SCRIPT = `
  const core = await load();
  const info = await core.initBackend();
  const classifier = core.EcgClassifier.create({
    blocks: [{ type: 'conv1d', filters: 2, kernelSize: 3 }, { type: 'lstm', units: 2 }],
    training: { epochs: 1, batchSize: 8 },
  });
  const { dataset } = core.generateSyntheticBeats({ perClass: 8, seed: 1 });
  const history = await classifier.train(dataset);
  const { classIndices } = classifier.predict(dataset);
  const epochs = history.epochs.length;
  console.log(JSON.stringify({ info, epochs, predicted: classIndices.length }));
`;

function runNode(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectTrained(run: { code: number | null; stdout: string; stderr: string }): void {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({
    info: { backend: 'wasm', wasmBinary: 'simd' },
    epochs: 1,
    predicted: 16,
  });
}

describe('the built @edge-ecg/core', () => {
  describe('as CommonJS', () => {
    it('trains and predicts on wasm, and prints only its result', () => {
      const entry = JSON.stringify(join(CORE_DIST, 'index.cjs'));
      const load = `async function load() { return require(${entry}); }`;
      expectTrained(runNode(['-e', `${load} (async () => { ${SCRIPT} })()`]));
    });
  });

  describe('as ESM', () => {
    it('trains and predicts on wasm, and prints only its result', () => {
      const entry = JSON.stringify(join(CORE_DIST, 'index.mjs'));
      const load = `async function load() { return import(${entry}); }`;
      expectTrained(runNode(['--input-type=module', '-e', `${load}\n${SCRIPT}`]));
    });
  });

  describe('the node entry', () => {
    it('loads in both formats', () => {
      const cjsEntry = JSON.stringify(join(CORE_DIST, 'node.cjs'));
      const esmEntry = JSON.stringify(join(CORE_DIST, 'node.mjs'));
      const cjs = runNode(['-e', `console.log(typeof require(${cjsEntry}).loadClassifier)`]);
      const esm = runNode([
        '--input-type=module',
        '-e',
        `const m = await import(${esmEntry}); console.log(typeof m.loadClassifier)`,
      ]);
      expect([cjs.stdout, esm.stdout]).toEqual(['function\n', 'function\n']);
    });
  });
});
