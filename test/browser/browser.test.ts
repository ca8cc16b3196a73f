/**
 * @module The built `@edge-ecg/core` in real Chromium: bundled for the page by rollup, served by
 * Express on 127.0.0.1, it starts the wasm backend (simd on a plain page, threaded SIMD on a
 * cross-origin-isolated one), trains and predicts, and round-trips through IndexedDB.
 * Needs `npm run build` first (as `npm test` does) and Debian's Chromium at /usr/bin/chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { bundlePage } from './bundle-page';
import {
  ISOLATED_PAGE_PATH,
  PLAIN_PAGE_PATH,
  startCheckServer,
  type CheckServer,
} from './check-server';
import {
  launchChromium,
  runCheckPage,
  type CheckPageOptions,
  type CheckRun,
  type ConsoleEntry,
} from './run-check-page';

/** Ceilings, not expectations: alone the setup (mostly bundling) takes ~15 s and each page ~2 s. */
const SETUP_TIMEOUT_MS = 90_000;
const PAGE_TIMEOUT_MS = 45_000;
const TRAINED_EPOCHS = 2;
const PREDICTED_BEATS = 80;
const CLASS_COUNT = 2;
/** The most threads tfjs-backend-wasm 4.22 runs (its pool of 8 pre-created workers). */
const MAX_WASM_THREADS = 8;

let tempDir: string | undefined;
let bundleWarnings: string[] = [];
let server: CheckServer | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'edge-ecg-browser-'));
  context = await launchChromium(join(tempDir, 'chromium-profile'));
  bundleWarnings = await bundlePage(join(tempDir, 'bundle'));
  server = await startCheckServer(join(tempDir, 'bundle'));
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
});

function runPage(
  pagePath: string,
  modelName: string,
  options: CheckPageOptions = {},
): Promise<CheckRun> {
  if (context === undefined || server === undefined) throw new Error('The setup did not finish.');
  return runCheckPage(context, `${server.origin}${pagePath}`, modelName, options);
}

/** tfjs-backend-wasm's default threads: half the logical cores, from 1 to 8. */
function defaultThreads(hardwareConcurrency: number): number {
  return Math.min(Math.max(Math.floor(hardwareConcurrency / 2), 1), MAX_WASM_THREADS);
}

/** The page's result, once its `beforeAll` has run it. */
function ranPage(result: CheckRun | undefined): CheckRun {
  if (result === undefined) throw new Error('The page did not run: see the beforeAll error.');
  return result;
}

function wasmRequests(): string[] {
  return (server?.requestedPaths ?? []).filter((path) => path.endsWith('.wasm'));
}

function isLoud({ type }: ConsoleEntry): boolean {
  return type === 'warning' || type === 'error';
}

function expectTrainedAndRoundTripped(run: () => CheckRun): void {
  it('trains for the spec’s epochs, with finite losses', () => {
    expect(run().trained.epochsRun).toBe(TRAINED_EPOCHS);
    expect(run().trained.epochLosses.every(Number.isFinite)).toBe(true);
  });

  it('predicts every beat', () => {
    const { probabilities, classIndices } = run().trained.predictions;
    expect(classIndices).toHaveLength(PREDICTED_BEATS);
    expect(probabilities).toHaveLength(PREDICTED_BEATS * CLASS_COUNT);
  });

  it('predicts exactly the same after saving to IndexedDB and loading in a fresh page', () => {
    expect(run().loaded.classNames).toEqual(['normal', 'abnormal']);
    expect(run().loaded.predictions).toEqual(run().trained.predictions);
  });

  it('logs no SDK warning or error to the console', () => {
    expect(run().sdkMessages.filter(isLoud)).toEqual([]);
  });

  it('has no warning or error on the console from TensorFlow.js or Chromium either', () => {
    expect(run().otherMessages.filter(isLoud)).toEqual([]);
  });

  it('raises no page error', () => {
    expect(run().pageErrors).toEqual([]);
  });
}

describe('@edge-ecg/core in Chromium', () => {
  describe('when bundled by rollup for the browser', () => {
    it('resolves every import without a warning', () => {
      expect(bundleWarnings).toEqual([]);
    });
  });

  describe('on a page that is not cross-origin isolated', () => {
    let result: CheckRun | undefined;
    const run = () => ranPage(result);

    beforeAll(async () => {
      result = await runPage(PLAIN_PAGE_PATH, 'browser-check-plain');
    }, PAGE_TIMEOUT_MS);

    it('starts the single-threaded SIMD wasm binary from the served folder', () => {
      expect(run().trained.environment.crossOriginIsolated).toBe(false);
      expect(run().trained.info).toEqual({
        backend: 'wasm',
        wasmBinary: 'simd',
        threads: 1,
        wasmPath: '/wasm/tfjs-backend-wasm-simd.wasm',
      });
      expect(wasmRequests()).toContain('/wasm/tfjs-backend-wasm-simd.wasm');
    });

    expectTrainedAndRoundTripped(run);
  });

  describe('on a cross-origin-isolated page (COOP same-origin, COEP require-corp)', () => {
    let result: CheckRun | undefined;
    const run = () => ranPage(result);

    beforeAll(async () => {
      result = await runPage(ISOLATED_PAGE_PATH, 'browser-check-isolated');
    }, PAGE_TIMEOUT_MS);

    it('starts the threaded SIMD wasm binary on half the logical cores (at least one)', () => {
      const { info, environment } = run().trained;
      expect(environment.crossOriginIsolated).toBe(true);
      expect(info).toEqual({
        backend: 'wasm',
        wasmBinary: 'threaded-simd',
        threads: defaultThreads(environment.hardwareConcurrency),
        wasmPath: '/wasm/tfjs-backend-wasm-threaded-simd.wasm',
      });
      expect(wasmRequests()).toContain('/wasm/tfjs-backend-wasm-threaded-simd.wasm');
    });

    expectTrainedAndRoundTripped(run);
  });

  describe(
    'on a cross-origin-isolated page with four logical cores ' + 'that passes `threads: 2`',
    () => {
      let result: CheckRun | undefined;
      const run = () => ranPage(result);

      beforeAll(async () => {
        result = await runPage(`${ISOLATED_PAGE_PATH}?threads=2`, 'browser-check-two-threads', {
          hardwareConcurrency: 4,
        });
      }, PAGE_TIMEOUT_MS);

      it('runs the threaded SIMD binary on the two threads asked for', () => {
        expect(run().trained.info).toEqual({
          backend: 'wasm',
          wasmBinary: 'threaded-simd',
          threads: 2,
          wasmPath: '/wasm/tfjs-backend-wasm-threaded-simd.wasm',
        });
      });

      expectTrainedAndRoundTripped(run);
    },
  );
});
