/** @module The results the browser check page hands back to the jest test, shared by both sides. */
import type { BackendInfo } from '@edge-ecg/core';

/** What the page saw of its own environment. */
export interface PageEnvironment {
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  userAgent: string;
}

/** Predictions as plain arrays, so they cross `page.evaluate` without loss. */
export interface PlainPredictions {
  probabilities: number[];
  classIndices: number[];
}

/** The result of training a classifier in the page and saving it to IndexedDB. */
export interface TrainedResult {
  info: BackendInfo;
  environment: PageEnvironment;
  epochsRun: number;
  epochLosses: number[];
  predictions: PlainPredictions;
}

/** The result of loading the saved classifier back, in a freshly loaded page. */
export interface LoadedResult {
  info: BackendInfo;
  classNames: string[];
  predictions: PlainPredictions;
}

/** The functions the page puts on `window` for the test to call. */
export interface BrowserCheck {
  /** Starts wasm, trains the small classifier, predicts, and saves it under `modelName`. */
  trainAndSave(modelName: string): Promise<TrainedResult>;
  /** Starts wasm, loads the classifier saved under `modelName`, and predicts the same beats. */
  loadAndPredict(modelName: string): Promise<LoadedResult>;
}

/** The name of the `window` property that holds the {@link BrowserCheck}. */
export const BROWSER_CHECK_GLOBAL = 'edgeEcgBrowserCheck';
