/** @module `edge-ecg stream`: classifies a record or a simulated ECG beat by beat, as NDJSON. */
import type { CommandOutput, Flags } from '@edge-ecg/core/node';
import { BeatStream } from '../predict/beat-stream';
import type { BeatStreamEvent } from '../predict/beat-stream-types';
import {
  coreNode,
  percentile,
  setFlagNames,
  writeStdoutLine,
  type CoreNode,
  type LineWriter,
} from './cli-support';
import { streamSource } from './stream-source';

/** The flags of `edge-ecg stream`. */
const STREAM_FLAGS = {
  model: { type: 'string' },
  record: { type: 'string' },
  simulate: { type: 'boolean', default: false },
  'duration-s': { type: 'string' },
  seed: { type: 'string' },
  realtime: { type: 'boolean', default: false },
  lead: { type: 'string' },
  'batch-size': { type: 'string' },
  'max-latency-ms': { type: 'string' },
  json: { type: 'boolean', default: true },
} as const;

/** An event as one JSON line: set flags as a list, probabilities as plain numbers. */
export function eventLine(event: BeatStreamEvent): string {
  if (event.type !== 'beat') return JSON.stringify(event);
  const { flags, probabilities, ...rest } = event;
  const plain =
    probabilities === null ? null : Array.from(probabilities, (p) => Number(p.toFixed(6)));
  return JSON.stringify({ ...rest, flags: setFlagNames(flags), probabilities: plain });
}

/**
 * Runs `edge-ecg stream --model DIR (--record PATH | --simulate [--duration-s N] [--seed N])
 * [--realtime] [--lead X] [--batch-size N] [--max-latency-ms N]`: one JSON line per beat,
 * summary and quality report (each with a `type`), written as they come; the returned result
 * is the closing line, `type: "end"`, with counts, speed and latency percentiles.
 *
 * @throws {UsageError} on bad flags.
 * @throws {ModelIoError} when the model cannot be loaded.
 */
export async function streamCommand(
  argv: string[],
  write: LineWriter = writeStdoutLine,
): Promise<CommandOutput> {
  const core = await coreNode();
  const flags = core.parseFlags('stream', argv, STREAM_FLAGS);
  const modelDir = core.requiredFlag(flags, 'stream', 'model');
  const source = await streamSource(core, flags);
  await core.startBackend();
  const classifier = await core.loadClassifier(modelDir);
  const stream = await BeatStream.create({
    classifier,
    source,
    ...batchOptions(core, flags),
    disposeClassifier: true,
  });
  const startMs = performance.now();
  const latenciesMs: number[] = [];
  let lastTimeS = 0;
  await stream.forEach(async (event) => {
    if (event.type === 'beat') {
      latenciesMs.push(event.latencyMs);
      lastTimeS = event.rPeakTimeS;
    }
    await write(eventLine(event));
  });
  const elapsedS = (performance.now() - startMs) / 1000;
  const streamS = stream.stats.samples / source.sampleRateHz;
  const result = {
    type: 'end',
    command: 'stream',
    ...stream.stats,
    streamSeconds: streamS,
    lastBeatTimeS: lastTimeS,
    elapsedSeconds: elapsedS,
    realTimeFactor: streamS / elapsedS,
    latencyMs: {
      p50: percentile(latenciesMs, 50),
      p99: percentile(latenciesMs, 99),
      max: percentile(latenciesMs, 100),
    },
  };
  return { json: true, text: JSON.stringify(result), result };
}

function batchOptions(core: CoreNode, flags: Flags) {
  const batchSize = core.integerFlag(flags, 'batch-size');
  const maxLatencyMs = core.integerFlag(flags, 'max-latency-ms', 0);
  return {
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(maxLatencyMs === undefined ? {} : { maxLatencyMs }),
  };
}
