/**
 * @module The bench's Chromium part, run for real with the smallest counts in its own process, as
 * `npm run bench` runs it: the shape of its rows, and that they ran cross-origin isolated on
 * threaded SIMD at 1 and 2 threads. Never a speed. Needs `npm run build` first (as `npm test`
 * does) and Debian's Chromium at /usr/bin/chromium, as test/browser does.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { browserArgs, runBrowserPart } from '../../bench/browser/browser-part';
import type { BrowserRow, BrowserRowKey } from '../../bench/browser/browser-report';
import { parseBenchArgs } from '../../bench/lib/bench-args';

const BENCH_DIR = join(__dirname, '..', '..', 'bench');
const BROWSER_SCRIPT = join(BENCH_DIR, 'browser', 'run-browser-bench.js');

/** onnxruntime-web (installed by `npm run bench`) and the model the PyTorch peer exports. */
const ORT_WEB_DIST = join(BENCH_DIR, 'node_modules', 'onnxruntime-web', 'dist');
const ONNX_MODEL = join(BENCH_DIR, '.cache', 'recipe.onnx');
const ORT_WEB_READY = existsSync(ORT_WEB_DIST) && existsSync(ONNX_MODEL);

/** --quick with the fewest one-beat calls: one epoch, one batch of 2,000, two single beats. */
const SMALLEST_FLAGS = [
  '--quick',
  '--infer-warmup',
  '0',
  '--single-beats',
  '2',
  '--single-warmup',
  '1',
];

/** A ceiling, not an expectation: alone it takes ~30 s on two cores (bundling ~5 s). */
const RUN_TIMEOUT_MS = 150_000;

const MEASURES = ['epochSeconds', 'inferBeatsPerSecond', 'singleBeatMs', 'peakRssMb'] as const;

let rows: Record<BrowserRowKey, BrowserRow> | undefined;

beforeAll(async () => {
  const args = browserArgs(parseBenchArgs(SMALLEST_FLAGS));
  const { stdout } = await promisify(execFile)(process.execPath, [BROWSER_SCRIPT, ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = stdout.trim().split('\n');
  rows = JSON.parse(lines[lines.length - 1]!).rows;
}, RUN_TIMEOUT_MS);

function ran(): Record<BrowserRowKey, BrowserRow> {
  if (rows === undefined)
    throw new Error('The Chromium part did not run: see the beforeAll error.');
  return rows;
}

function isolationOf(key: BrowserRowKey) {
  return ran()[key].isolation;
}

describe('run-browser-bench.js', () => {
  describe('with the smallest counts', () => {
    it('prints the four rows, each with the four measures as numbers or null', () => {
      expect(Object.keys(ran())).toEqual(['ours1', 'ours2', 'ortWeb1', 'ortWeb2']);
      for (const row of Object.values(ran())) {
        for (const measure of MEASURES) expect(typeof row[measure]).toMatch(/^(number|object)$/);
      }
    });

    it('fails no row and warns of no run that missed threaded SIMD', () => {
      const rowsRun = Object.values(ran());
      expect(rowsRun.map(({ failed }) => failed)).toEqual([false, false, false, false]);
      expect(
        rowsRun.flatMap(({ notes }) => notes.filter((note) => note.startsWith('WARNING'))),
      ).toEqual([]);
    });

    it('runs ours cross-origin isolated on threaded SIMD at 1 and then 2 threads', () => {
      expect(isolationOf('ours1')).toMatchObject({
        crossOriginIsolated: true,
        wasmBinary: 'threaded-simd',
        threads: 1,
        requestedThreads: 1,
      });
      expect(isolationOf('ours2')).toMatchObject({
        crossOriginIsolated: true,
        wasmBinary: 'threaded-simd',
        threads: 2,
        requestedThreads: 2,
      });
    });

    it('measures every one of ours’ measures, training included', () => {
      for (const key of ['ours1', 'ours2'] as const) {
        expect(MEASURES.map((measure) => Number.isFinite(ran()[key][measure]))).toEqual([
          true,
          true,
          true,
          true,
        ]);
      }
    });

    it('runs ortWeb isolated at 1 and 2 threads, inference only, or says what it lacks', () => {
      if (ORT_WEB_READY) {
        for (const [key, threads] of [
          ['ortWeb1', 1],
          ['ortWeb2', 2],
        ] as const) {
          expect(isolationOf(key)).toMatchObject({
            crossOriginIsolated: true,
            wasmBinary: 'ort-wasm-simd-threaded',
            threads,
          });
          expect(ran()[key].epochSeconds).toBeNull();
          expect(Number.isFinite(ran()[key].inferBeatsPerSecond)).toBe(true);
        }
      } else {
        const lacking = existsSync(ORT_WEB_DIST)
          ? `not run: ${ONNX_MODEL} is missing; the PyTorch peer exports it (needs torch)`
          : `not run: ${ORT_WEB_DIST} is missing; ` +
            'npm run bench installs it (npm ci --prefix bench)';
        expect([ran().ortWeb1.notes, ran().ortWeb2.notes]).toEqual([[lacking], [lacking]]);
      }
    });
  });
});

describe('runBrowserPart', () => {
  describe('with --no-browser', () => {
    it('runs nothing and says so in every row', () => {
      const rowsSkipped = runBrowserPart(parseBenchArgs(['--no-browser']));
      expect(Object.values(rowsSkipped).map(({ notes, failed }) => [notes, failed])).toEqual(
        Array(4).fill([['not run (--no-browser)'], false]),
      );
    });
  });
});

describe('browserArgs', () => {
  describe('for --quick --peers ortWeb', () => {
    it('passes the peers’ flags and the systems chosen', () => {
      const args = browserArgs(parseBenchArgs(['--quick', '--peers', 'ortWeb', '--seed', '7']));
      expect(args.slice(0, 1)).toEqual(['--json']);
      expect(args.slice(-4)).toEqual(['--seed', '7', '--peers', 'ortWeb']);
      expect(parseBenchArgs(args).systems).toEqual(['ortWeb']);
    });
  });
});
