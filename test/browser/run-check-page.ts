/**
 * @module Drives the browser check page in Chromium: trains and saves in one page load, then
 * loads the saved classifier in a fresh load of the same page, collecting what the page logged.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  BROWSER_CHECK_GLOBAL,
  type BrowserCheck,
  type LoadedResult,
  type TrainedResult,
} from './page/check-results';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/browser/chromium-options';

export { CHROMIUM_PATH } from '../../bench/browser/chromium-options';

/** The prefix of every message the SDK's console logger writes. */
const SDK_LOG_PREFIX = '[edge-ecg]';

/** One console message of the page. */
export interface ConsoleEntry {
  type: string;
  text: string;
}

/** What one run of the check page produced. */
export interface CheckRun {
  trained: TrainedResult;
  loaded: LoadedResult;
  /** Console messages written by the SDK's logger. */
  sdkMessages: ConsoleEntry[];
  /** Every other console message (TensorFlow.js's own, Chromium's). */
  otherMessages: ConsoleEntry[];
  /** Uncaught errors of the page. */
  pageErrors: string[];
}

/**
 * Starts Chromium with a fresh profile in `userDataDir`.
 *
 * @throws when Chromium is not installed, with the command that installs it.
 */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is missing: ` +
        'install chromium: apt-get install -y chromium',
    );
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

interface CheckCall {
  global: string;
  method: keyof BrowserCheck;
  modelName: string;
}

/** Calls one of the page's check functions; its result crosses over by structured clone. */
function callCheck(page: Page, method: keyof BrowserCheck, modelName: string): Promise<unknown> {
  const call = ({ global, method: name, modelName: model }: CheckCall): Promise<unknown> =>
    (window as unknown as Record<string, BrowserCheck>)[global]![name](model);
  return page.evaluate(call, { global: BROWSER_CHECK_GLOBAL, method, modelName });
}

/** How long the page's script may take to load and put the check on `window`. */
const SCRIPT_START_TIMEOUT_MS = 10_000;

/**
 * Loads `url` and waits until its script has put the check on `window`.
 *
 * @throws naming the page's errors so far when the script does not start in time.
 */
async function openCheck(page: Page, url: string, pageErrors: string[]): Promise<void> {
  await page.goto(url);
  try {
    const options = { timeout: SCRIPT_START_TIMEOUT_MS };
    await page.waitForFunction((global) => global in window, BROWSER_CHECK_GLOBAL, options);
  } catch (error) {
    const errors = pageErrors.length > 0 ? pageErrors.join('\n') : 'none';
    throw new Error(
      `${url} did not start its script within ${SCRIPT_START_TIMEOUT_MS} ms; ` +
        `page errors: ${errors}`,
      { cause: error },
    );
  }
}

function collectLogs(page: Page): Pick<CheckRun, 'sdkMessages' | 'otherMessages' | 'pageErrors'> {
  const logs = { sdkMessages: [] as ConsoleEntry[], otherMessages: [] as ConsoleEntry[] };
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    const entry = { type: message.type(), text: message.text() };
    const sdk = entry.text.startsWith(SDK_LOG_PREFIX);
    (sdk ? logs.sdkMessages : logs.otherMessages).push(entry);
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  return { ...logs, pageErrors };
}

/** Options of {@link runCheckPage}. */
export interface CheckPageOptions {
  /**
   * What the page's `navigator.hardwareConcurrency` reports instead of the machine's cores.
   * tfjs-backend-wasm caps its threads at half of it, so a two-core machine can run two threads
   * only with a value of 4 or more.
   */
  hardwareConcurrency?: number;
}

/** Makes the page's main thread report `cores` logical cores, before any of its scripts run. */
async function reportCores(page: Page, cores: number): Promise<void> {
  await page.addInitScript((count) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => count });
  }, cores);
}

/**
 * Opens `url` in a new tab, trains and saves the classifier under `modelName`, reloads the page,
 * and loads the classifier back.
 */
export async function runCheckPage(
  context: BrowserContext,
  url: string,
  modelName: string,
  options: CheckPageOptions = {},
): Promise<CheckRun> {
  const page = await context.newPage();
  const logs = collectLogs(page);
  if (options.hardwareConcurrency !== undefined) {
    await reportCores(page, options.hardwareConcurrency);
  }
  try {
    await openCheck(page, url, logs.pageErrors);
    const trained = (await callCheck(page, 'trainAndSave', modelName)) as TrainedResult;
    await openCheck(page, url, logs.pageErrors);
    const loaded = (await callCheck(page, 'loadAndPredict', modelName)) as LoadedResult;
    return { trained, loaded, ...logs };
  } finally {
    await page.close();
  }
}
