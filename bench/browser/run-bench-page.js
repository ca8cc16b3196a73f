/**
 * @module Runs one row of the Chromium part: a fresh headless Chromium, one bench page on the
 * bench server, `start` on the row's threads, `train`, `infer`, and what Chromium tells about
 * the renderer meanwhile (CPU seconds per wall second, peak resident set, JS heap).
 */
'use strict';

const { performance } = require('node:perf_hooks');
const { launchBenchChromium, rendererStats } = require('./chromium-process');
const { BENCH_GLOBAL, ORT_WEB_PAGE, OURS_PAGE } = require('./page-contract');
const { buildRow } = require('./row-result');

/** How long a page's script may take to load and put its functions on `window`. */
const SCRIPT_START_TIMEOUT_MS = 20_000;

/** Bytes in a MB, for the JS heap. */
const BYTES_PER_MIB = 1024 ** 2;

/** Calls one of the page's bench functions; arguments and result cross by structured clone. */
function callPage(page, method, ...args) {
  const call = ({ global, name, values }) => globalThis[global][name](...values);
  return page.evaluate(call, { global: BENCH_GLOBAL, name: method, values: args });
}

/** Collects the page's console warnings and errors and its uncaught errors. */
function collectMessages(page) {
  const messages = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') {
      messages.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => messages.push(`page error: ${error.message}`));
  return messages;
}

/**
 * tfjs-backend-wasm runs at most half of `navigator.hardwareConcurrency` threads, so a
 * machine with fewer than 2 x `threads` logical cores must report more for the page to run
 * `threads`; returns the count reported, or undefined when the machine's own is enough.
 */
async function reportEnoughCores(page, threads, machineCores) {
  const needed = 2 * threads;
  if (machineCores >= needed) return undefined;
  await page.addInitScript((count) => {
    Object.defineProperty(globalThis.Navigator.prototype, 'hardwareConcurrency', {
      get: () => count,
    });
  }, needed);
  return needed;
}

async function openPage(page, url, messages) {
  await page.goto(url);
  try {
    const wait = { timeout: SCRIPT_START_TIMEOUT_MS };
    await page.waitForFunction((global) => global in globalThis, BENCH_GLOBAL, wait);
  } catch (error) {
    const errors = messages.length > 0 ? messages.join('\n') : 'none';
    throw new Error(`${url} did not start its script in ${SCRIPT_START_TIMEOUT_MS} ms: ${errors}`, {
      cause: error,
    });
  }
}

/** Runs `action` and returns its value with the renderer's CPU seconds per wall second. */
async function sampled(browserSession, action) {
  const before = await rendererStats(browserSession);
  const started = performance.now();
  const value = await action();
  const wallSeconds = (performance.now() - started) / 1000;
  const after = await rendererStats(browserSession);
  return { value, cpuPerWall: (after.cpuSeconds - before.cpuSeconds) / wallSeconds };
}

async function jsHeapMb(pageSession) {
  const { metrics } = await pageSession.send('Performance.getMetrics');
  const used = metrics.find(({ name }) => name === 'JSHeapUsedSize');
  return used === undefined ? null : used.value / BYTES_PER_MIB;
}

/** The page's three steps, each sampled; the renderer's peak at the end. */
async function runSteps(browser, page, row, run) {
  const browserSession = await browser.newBrowserCDPSession();
  const pageSession = await page.context().newCDPSession(page);
  await pageSession.send('Performance.enable');
  const info = await callPage(page, 'start', row.threads);
  const train = await sampled(browserSession, () => callPage(page, 'train', run.counts, run.seed));
  const infer = await sampled(browserSession, () => callPage(page, 'infer', run.counts, run.seed));
  const { peakRssMb } = await rendererStats(browserSession);
  return {
    info,
    epochSeconds: train.value,
    ...infer.value,
    peakRssMb,
    jsHeapMb: await jsHeapMb(pageSession),
    cpuPerWall: { train: train.value === null ? null : train.cpuPerWall, infer: infer.cpuPerWall },
  };
}

/**
 * Runs one row in its own Chromium.
 *
 * @param {{ key: string, system: 'ours' | 'ortWeb', threads: number }} row
 * @param {{ origin: string, counts: import('../lib/bench-args').RunCounts, seed: number,
 *   machineCores: number, versions: Record<string, string> }} run
 * @returns {Promise<import('./browser-report').BrowserRow>}
 * @throws {Error} when Chromium cannot start or the page fails
 */
async function runBenchPage(row, run) {
  const browser = await launchBenchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const messages = collectMessages(page);
    const reportedCores =
      row.system === 'ours'
        ? await reportEnoughCores(page, row.threads, run.machineCores)
        : undefined;
    const pagePath = row.system === 'ours' ? OURS_PAGE.path : ORT_WEB_PAGE.path;
    await openPage(page, `${run.origin}${pagePath}`, messages);
    const steps = await runSteps(browser, page, row, run);
    const context = { row, steps, messages, reportedCores, machineCores: run.machineCores };
    return buildRow(context, { ...run.versions, chromium: browser.version() });
  } finally {
    await browser.close();
  }
}

module.exports = { runBenchPage };
