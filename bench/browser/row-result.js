/**
 * @module Turns what one bench page ran into its row: the measures, what ran (isolation, binary,
 * threads), the versions, and notes that say loudly when a run was not threaded SIMD.
 */
'use strict';

/** The binary each system must run for its figures to be threaded-SIMD figures. */
const THREADED_SIMD_BINARY = { ours: 'threaded-simd', ortWeb: 'ort-wasm-simd-threaded' };

/** Page console messages kept in a row's notes; the rest are counted. */
const MAX_MESSAGE_NOTES = 3;

function formatRatio(value) {
  return value === null || !Number.isFinite(value) ? '-' : value.toFixed(2);
}

/** An empty list when the page ran threaded SIMD on the threads asked for, else a loud note. */
function threadedSimdWarnings(row, info) {
  const ran =
    info.crossOriginIsolated &&
    info.wasmBinary === THREADED_SIMD_BINARY[row.system] &&
    info.threads === row.threads;
  if (ran) return [];
  return [
    `WARNING: NOT THREADED SIMD ON ${row.threads} THREAD(S): asked for ` +
      `${THREADED_SIMD_BINARY[row.system]} on ${row.threads}, ran ${info.wasmBinary} on ` +
      `${info.threads} (crossOriginIsolated ${info.crossOriginIsolated}); these are not the ` +
      'figures this row names',
  ];
}

function messageNotes(messages) {
  const kept = messages.slice(0, MAX_MESSAGE_NOTES);
  const left = messages.length - kept.length;
  return left > 0 ? [...kept, `${left} more page messages`] : kept;
}

/** CPU seconds per wall second of each step that ran, e.g. "training 1.92, inference 1.85". */
function cpuNote(cpuPerWall) {
  const training = cpuPerWall.train === null ? [] : [`training ${formatRatio(cpuPerWall.train)}`];
  return [...training, `inference ${formatRatio(cpuPerWall.infer)}`].join(', ');
}

/** Which loop trained and which code predicted, as the Node `ours` peer notes them. */
function oursPathNotes({ inferencePath, trainingPath }) {
  return [
    `trained with SDK trainModel, training path ${JSON.stringify(trainingPath ?? null)}`,
    `inference path ${JSON.stringify(inferencePath ?? 'model.predict')}`,
  ];
}

/** How the row ran, in a few notes. */
function ranNotes({ row, steps, reportedCores, machineCores }) {
  const { info, cpuPerWall, jsHeapMb } = steps;
  const notes = [
    `ran ${info.wasmBinary} on ${info.threads} thread(s), crossOriginIsolated ` +
      `${info.crossOriginIsolated}`,
    ...(row.system === 'ours' ? oursPathNotes(steps) : ['inference only']),
    `renderer CPU s per wall s: ${cpuNote(cpuPerWall)}`,
    'peak RSS: VmHWM of the page renderer (pid from CDP SystemInfo.getProcessInfo); JS heap ' +
      `${jsHeapMb === null ? '-' : jsHeapMb.toFixed(0)} MB at the end (CDP Performance.getMetrics)`,
  ];
  if (reportedCores !== undefined) {
    notes.push(
      `navigator.hardwareConcurrency reported as ${reportedCores} (machine: ${machineCores}), ` +
        `as tfjs-backend-wasm runs at most half of it`,
    );
  }
  return notes;
}

/**
 * The row of one page run.
 *
 * @param {{ row: { system: 'ours' | 'ortWeb', threads: number }, steps: object,
 *   messages: string[], reportedCores: number | undefined, machineCores: number }} context
 * @param {Record<string, string>} versions the versions known outside the page
 * @returns {import('./browser-report').BrowserRow}
 */
function buildRow(context, versions) {
  const { row, steps, messages } = context;
  const { info } = steps;
  const pageVersions = row.system === 'ours' ? {} : { 'onnxruntime-web': info.ortVersion };
  return {
    epochSeconds: steps.epochSeconds,
    inferBeatsPerSecond: steps.inferBeatsPerSecond,
    singleBeatMs: steps.singleBeatMs,
    peakRssMb: steps.peakRssMb,
    isolation: {
      crossOriginIsolated: info.crossOriginIsolated,
      wasmBinary: info.wasmBinary,
      threads: info.threads,
      requestedThreads: row.threads,
      hardwareConcurrency: info.hardwareConcurrency,
    },
    cpuPerWall: steps.cpuPerWall,
    jsHeapMb: steps.jsHeapMb,
    versions: { ...versions, ...pageVersions },
    notes: [...threadedSimdWarnings(row, info), ...ranNotes(context), ...messageNotes(messages)],
    failed: false,
  };
}

module.exports = { buildRow, THREADED_SIMD_BINARY };
