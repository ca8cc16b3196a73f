/** @module The source of `edge-ecg stream`: a record's lead, or the simulator, maybe paced. */
import { UsageError } from '@edge-ecg/core';
import type { Flags } from '@edge-ecg/core/node';
import { realtimeSource } from '../predict/realtime-source';
import { simulateEcgChunks } from '../simulate/ecg-simulator';
import type { EcgSource } from '../sources/ecg-source';
import { fromWfdbRecord } from '../sources/from-wfdb-record';
import { readWfdbRecord } from '../wfdb/read-record-node';
import { chooseSignal } from '../dataset/record-beats';
import { leadFlag, type CoreNode } from './cli-support';

/** The simulated recording of `--simulate`, unless `--duration-s` says otherwise. */
export const SIMULATED_DURATION_S = 60;
/** The simulated rhythm: MIT-BIH's rate, 72 bpm, a PVC after one sinus beat in ten. */
export const SIMULATED_RHYTHM = { sampleRateHz: 360, heartRateBpm: 72, pvcRate: 0.1 } as const;
/** Samples per chunk of the simulated source: 0.1 s at 360 Hz. */
const SIMULATED_CHUNK_SAMPLES = 36;

/**
 * The source the flags name: `--record PATH [--lead X]` or `--simulate [--duration-s N]
 * [--seed N]`, paced at real time with `--realtime`.
 *
 * @throws {UsageError} unless exactly one of `--record` and `--simulate` is given.
 */
export async function streamSource(core: CoreNode, flags: Flags): Promise<EcgSource> {
  const path = core.stringFlag(flags, 'record');
  const simulate = flags['simulate'] === true;
  if ((path === undefined) === !simulate) {
    throw new UsageError('stream: pass either --record PATH or --simulate, not both or neither.');
  }
  const source =
    path === undefined ? simulatedSource(core, flags) : await recordSource(path, flags);
  return flags['realtime'] === true ? realtimeSource(source) : source;
}

async function recordSource(path: string, flags: Flags): Promise<EcgSource> {
  const lead = leadFlag(flags);
  const record = await readWfdbRecord(path, lead === undefined ? {} : { leads: [lead] });
  return fromWfdbRecord(record, { lead: record.signals.indexOf(chooseSignal(record.signals)) });
}

function simulatedSource(core: CoreNode, flags: Flags): EcgSource {
  const durationS = core.integerFlag(flags, 'duration-s') ?? SIMULATED_DURATION_S;
  const seed = core.integerFlag(flags, 'seed', 0) ?? 1;
  const options = { ...SIMULATED_RHYTHM, durationS, seed, baselineWanderMv: 0.1, noiseMv: 0.02 };
  const chunks = simulateEcgChunks(options, SIMULATED_CHUNK_SAMPLES);
  return {
    sampleRateHz: SIMULATED_RHYTHM.sampleRateHz,
    lead: 'simulated',
    chunks: mapChunks(chunks),
  };
}

async function* mapChunks(chunks: AsyncIterable<{ signal: Float32Array }>) {
  for await (const chunk of chunks) yield chunk.signal;
}
