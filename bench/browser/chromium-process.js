/**
 * @module Chromium for the bench: Debian's binary, headless, with a fresh profile per launch,
 * and what it tells about its renderer processes (CPU time, peak resident set).
 */
'use strict';

const fs = require('node:fs');
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS, CHROMIUM_PATH } = require('./chromium-options');

/** kB in a MB, for /proc's sizes. */
const KIB_PER_MIB = 1024;

/**
 * Starts headless Chromium. Playwright gives each launch a fresh temporary profile
 * (`--user-data-dir`) and removes it on close.
 *
 * @returns {Promise<import('playwright-core').Browser>}
 * @throws {Error} when Chromium is missing, with the command that installs it
 */
async function launchBenchChromium() {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(chromiumMissingNote());
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

/** Why the Chromium part did not run, and how to install Chromium. */
function chromiumMissingNote() {
  return `not run: no Chromium at ${CHROMIUM_PATH}; install it with apt-get install -y chromium`;
}

/** A process's peak resident set in MB (VmHWM of /proc/<pid>/status), or null off Linux. */
function peakRssMbOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match === null ? null : Number(match[1]) / KIB_PER_MIB;
  } catch {
    return null;
  }
}

/**
 * The renderer processes of `browser` right now, from CDP `SystemInfo.getProcessInfo`: their
 * CPU seconds so far, summed (a page's dedicated workers, wasm threads among them, are threads
 * of its renderer), and the largest peak resident set among them (the bench page's renderer;
 * the others are idle spares).
 *
 * @param {import('playwright-core').CDPSession} browserSession a browser-level CDP session
 * @returns {Promise<{ cpuSeconds: number, peakRssMb: number | null }>}
 */
async function rendererStats(browserSession) {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  const renderers = processInfo.filter(({ type }) => type === 'renderer');
  const cpuSeconds = renderers.reduce((sum, { cpuTime }) => sum + cpuTime, 0);
  const peaks = renderers.map(({ id }) => peakRssMbOf(id)).filter((peak) => peak !== null);
  return { cpuSeconds, peakRssMb: peaks.length === 0 ? null : Math.max(...peaks) };
}

module.exports = { CHROMIUM_PATH, chromiumMissingNote, launchBenchChromium, rendererStats };
