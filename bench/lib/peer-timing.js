/** @module What every Node peer shares: the recipe's sizes, synthetic beats, timing, output. */
'use strict';

const { performance } = require('node:perf_hooks');
const { median } = require('./bench-report');

/** The reference recipe's sizes (the PyTorch script has the same constants). */
const RECIPE = {
  beatLength: 187,
  classCount: 2,
  trainBeats: 4800,
  validationBeats: 1200,
  batchSize: 128,
  learningRate: 0.01,
  inferBatchBeats: 2000,
};

/** A small seeded generator of floats in [0, 1) (mulberry32); speed does not depend on values. */
function createUniform(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` beats of uniform noise in [0, 1] and random labels, from `seed`.
 *
 * @returns {{ samples: Float32Array, labels: Int32Array, count: number }}
 */
function syntheticBeats(count, seed) {
  const uniform = createUniform(seed);
  const samples = Float32Array.from({ length: count * RECIPE.beatLength }, uniform);
  const labels = Int32Array.from({ length: count }, () =>
    Math.floor(uniform() * RECIPE.classCount),
  );
  return { samples, labels, count };
}

/** Seconds one (possibly async) call takes. */
async function timeSeconds(action) {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}

/** Runs `action(i)` `warmup` times untimed, then `runs` times; the median seconds. */
async function medianSeconds(action, warmup, runs) {
  for (let index = 0; index < warmup; index++) await action(index);
  const seconds = [];
  for (let index = 0; index < runs; index++)
    seconds.push(await timeSeconds(() => action(warmup + index)));
  return median(seconds);
}

/**
 * Inference throughput: median over `inferRuns` calls on one batch of 2,000 beats.
 *
 * @param {(beats: Float32Array, count: number) => unknown} predict returns once the output is read
 */
async function medianBeatsPerSecond(predict, counts, beats) {
  const seconds = await medianSeconds(
    () => predict(beats.samples, beats.count),
    counts.inferWarmup,
    counts.inferRuns,
  );
  return beats.count / seconds;
}

/** Single-beat latency in ms: median over `singleBeats` one-beat calls, each a different beat. */
async function medianSingleBeatMs(predict, counts, beats) {
  const { beatLength } = RECIPE;
  const beatAt = (index) =>
    beats.samples.subarray(
      (index % beats.count) * beatLength,
      ((index % beats.count) + 1) * beatLength,
    );
  const seconds = await medianSeconds(
    (index) => predict(beatAt(index), 1),
    counts.singleWarmup,
    counts.singleBeats,
  );
  return seconds * 1000;
}

/** The process's peak resident set so far, in MB (maxRSS is in kilobytes). */
function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

/** Measures inference on the 2,000 beats, then returns the full line of a peer. */
async function measureInference(predict, counts, seed) {
  const beats = syntheticBeats(RECIPE.inferBatchBeats, seed + 2);
  return {
    inferBeatsPerSecond: await medianBeatsPerSecond(predict, counts, beats),
    singleBeatMs: await medianSingleBeatMs(predict, counts, beats),
  };
}

/** Prints a peer's result: the JSON line the runner reads, or readable lines without --json. */
function printPeerResult(result, json) {
  const line = { ...result, peakRssMb: peakRssMb() };
  if (json) process.stdout.write(`${JSON.stringify(line)}\n`);
  else
    for (const [key, value] of Object.entries(line))
      process.stdout.write(`${key}: ${JSON.stringify(value)}\n`);
}

/** Runs a peer's main, printing any failure's message on stderr and exiting with status 1. */
function runPeer(main) {
  main().catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}

module.exports = {
  RECIPE,
  syntheticBeats,
  medianSeconds,
  measureInference,
  peakRssMb,
  printPeerResult,
  runPeer,
};
