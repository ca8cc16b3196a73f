/**
 * @module The bench page of `ortWeb`: the exported recipe on onnxruntime-web's wasm backend in
 * Chromium, loaded as published from the server's `/ort/` folder, timed with the Node peers' own
 * code (bench/lib/peer-timing.js, bundled in). Inference only, as in Node.
 */
import { RECIPE, measureInference } from '../../lib/peer-timing.js';
import { BENCH_GLOBAL, ONNX_MODEL_URL, ORT_FOLDER_URL, ORT_MODULE_URL } from '../page-contract.js';

/** The loaded ONNX Runtime module and the session on the recipe model. */
let ort;
let session;

/**
 * Loads onnxruntime-web with `threads` threads and the model. ONNX Runtime sets
 * `env.wasm.numThreads` back to 1 (with a console warning) when the page cannot run threads,
 * so the threads reported are the ones that run.
 */
async function start(threads) {
  ort = await import(ORT_MODULE_URL);
  Object.assign(ort.env.wasm, { numThreads: threads, proxy: false, wasmPaths: ORT_FOLDER_URL });
  session = await ort.InferenceSession.create(ONNX_MODEL_URL, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: globalThis.navigator.hardwareConcurrency,
    userAgent: globalThis.navigator.userAgent,
    wasmBinary: 'ort-wasm-simd-threaded',
    threads: ort.env.wasm.numThreads,
    ortVersion: ort.env.versions.web,
  };
}

/** ONNX Runtime cannot train this model here: no epoch. */
function train() {
  return null;
}

/** The same predict as bench/lib/ort-inference.js: a tensor of the beats, run, output read. */
async function predict(samples, count) {
  const input = new ort.Tensor('float32', samples, [count, RECIPE.beatLength, 1]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  return outputs[session.outputNames[0]].data;
}

function infer(counts, seed) {
  return measureInference(predict, counts, seed);
}

Object.assign(globalThis, { [BENCH_GLOBAL]: { start, train, infer } });
