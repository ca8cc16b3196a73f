// Streaming speed of @edge-ecg/stream: one 360 Hz MIT-BIH record through detection, the beat
// cut and prediction with the reference recipe's model (untrained weights: speed does not
// depend on them), single thread, on the built packages.
//
//   npm run build && node packages/stream/bench/stream-bench.mjs [--record PATH] [--batch-size N]
//     [--max-latency-ms N] [--runs N] [--json]
//
// It prints the real-time factor (stream seconds per wall-clock second; goal >= 500) of the
// whole pipeline and of the beat stage alone, and the latency from a beat's availability (the
// beat stage released it) to its prediction, p50/p99/max (goal p99 <= 20 ms). Median of the
// runs. It never asserts: a slow run is a number, not a failure.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EcgClassifier, initBackend } from '@edge-ecg/core';
import { BeatExtractor, BeatStream, fromWfdbRecord, readWfdbRecord } from '@edge-ecg/stream';

const { values } = parseArgs({
  options: {
    record: {
      type: 'string',
      default: join(process.env.ECG_DATA_DIR ?? '../shared/data', 'mitdb', '101'),
    },
    'batch-size': { type: 'string', default: '32' },
    'max-latency-ms': { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rank = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

function beatStageSeconds(samples, sampleRateHz) {
  const start = performance.now();
  const extractor = new BeatExtractor({ sampleRateHz });
  for (let i = 0; i < samples.length; i += 1024) extractor.push(samples.subarray(i, i + 1024));
  extractor.flush();
  return (performance.now() - start) / 1000;
}

async function pipelineRun(classifier, record) {
  const source = fromWfdbRecord(record, { lead: 0 });
  const stream = await BeatStream.create({
    classifier,
    source,
    batchSize: Number(values['batch-size']),
    maxLatencyMs: Number(values['max-latency-ms']),
  });
  const latencies = [];
  const start = performance.now();
  for await (const event of stream)
    if (event.type === 'beat' && event.classified) latencies.push(event.latencyMs);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, latencies, batches: stream.stats.batches, beats: stream.stats.beats };
}

/** The record, or a one-line reason and exit code 2 when it cannot be read. */
async function readRecordOrExit(path) {
  try {
    return await readWfdbRecord(path);
  } catch (error) {
    process.stderr.write(
      `bench:stream needs a WFDB record: MIT-BIH 101 from ../shared/data or $ECG_DATA_DIR, or ` +
        `--record PATH. ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  }
}

// Read before initBackend, whose Emscripten handlers would turn an error into a stack trace.
const record = await readRecordOrExit(values.record);
const backend = await initBackend();
const signal = record.signals[0];
const streamSeconds = signal.samples.length / signal.sampleRateHz;
const classifier = EcgClassifier.create({});
const runs = [];
for (let i = 0; i < Number(values.runs); i++) runs.push(await pipelineRun(classifier, record));
const stage = [1, 2, 3].map(() => beatStageSeconds(signal.samples, signal.sampleRateHz));
classifier.dispose();

const latencies = runs.map((run) => run.latencies);
const result = {
  record: values.record,
  sampleRateHz: signal.sampleRateHz,
  streamSeconds,
  beats: runs[0].beats,
  batches: runs[0].batches,
  batchSize: Number(values['batch-size']),
  maxLatencyMs: Number(values['max-latency-ms']),
  backend: backend.backend,
  wasmBinary: backend.wasmBinary,
  threads: backend.threads,
  realTimeFactor: streamSeconds / median(runs.map((run) => run.seconds)),
  beatStageRealTimeFactor: streamSeconds / median(stage),
  latencyMs: {
    p50: median(latencies.map((l) => rank(l, 50))),
    p99: median(latencies.map((l) => rank(l, 99))),
    max: median(latencies.map((l) => rank(l, 100))),
  },
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const { p50, p99, max } = result.latencyMs;
  process.stdout.write(
    `${result.record}: ${result.streamSeconds.toFixed(0)} s at ${result.sampleRateHz} Hz, ` +
      `${result.beats} beats, ` +
      `${result.batches} batches (batch ${result.batchSize}, bound ${result.maxLatencyMs} ms), ` +
      `${result.backend} ${result.wasmBinary} ${result.threads} thread(s)\n` +
      `real-time factor: ${result.realTimeFactor.toFixed(0)}x (goal >= 500x); beat stage alone ` +
      `${result.beatStageRealTimeFactor.toFixed(0)}x\n` +
      `latency to prediction: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms ` +
      `(goal <= 20 ms), max ${max.toFixed(2)} ms\n`,
  );
}
