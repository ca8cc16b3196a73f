/** @module Specification of how one bench page run becomes a row of the Chromium table. */
import { buildRow, type PageRun, type PageSteps } from '../../bench/browser/row-result';

const VERSIONS = { chromium: '156.0' };

function steps(info: Partial<PageSteps['info']> = {}): PageSteps {
  return {
    info: {
      crossOriginIsolated: true,
      hardwareConcurrency: 4,
      wasmBinary: 'threaded-simd',
      threads: 2,
      ...info,
    },
    epochSeconds: 2.5,
    inferBeatsPerSecond: 15000,
    singleBeatMs: 0.07,
    peakRssMb: 270,
    jsHeapMb: 10.2,
    cpuPerWall: { train: 1.9, infer: 1.75 },
    inferencePath: { kind: 'wasm-forward' },
    trainingPath: { kind: 'own-kernels' },
  };
}

function oursRun(pageSteps: PageSteps, messages: string[] = []): PageRun {
  const row = { system: 'ours' as const, threads: 2 };
  return { row, steps: pageSteps, messages, reportedCores: 4, machineCores: 2 };
}

describe('buildRow', () => {
  describe('for ours on threaded SIMD at the 2 threads asked for', () => {
    const row = buildRow(oursRun(steps()), VERSIONS);

    it('keeps the measures and what ran', () => {
      expect(row).toMatchObject({
        epochSeconds: 2.5,
        inferBeatsPerSecond: 15000,
        singleBeatMs: 0.07,
        peakRssMb: 270,
        isolation: {
          crossOriginIsolated: true,
          wasmBinary: 'threaded-simd',
          threads: 2,
          requestedThreads: 2,
          hardwareConcurrency: 4,
        },
        versions: VERSIONS,
        failed: false,
      });
    });

    it('says how it ran, what the memory figure is, and that the cores were reported', () => {
      expect(row.notes).toEqual([
        'ran threaded-simd on 2 thread(s), crossOriginIsolated true',
        'trained with SDK trainModel, training path {"kind":"own-kernels"}',
        'inference path {"kind":"wasm-forward"}',
        'renderer CPU s per wall s: training 1.90, inference 1.75',
        'peak RSS: VmHWM of the page renderer (pid from CDP SystemInfo.getProcessInfo); ' +
          'JS heap 10 MB at the end (CDP Performance.getMetrics)',
        'navigator.hardwareConcurrency reported as 4 (machine: 2), ' +
          'as tfjs-backend-wasm runs at most half of it',
      ]);
    });
  });

  describe('for ours on a dist without inferencePath', () => {
    it('notes model.predict as the inference path, as the Node peer does', () => {
      const run = oursRun({ ...steps(), inferencePath: null });
      expect(buildRow(run, VERSIONS).notes[2]).toBe('inference path "model.predict"');
    });
  });

  describe('for a page that was not cross-origin isolated', () => {
    it('starts its notes with a loud warning naming what ran instead', () => {
      const info = { crossOriginIsolated: false, wasmBinary: 'simd', threads: 1 };
      const [first] = buildRow(oursRun(steps(info)), VERSIONS).notes;
      expect(first).toBe(
        'WARNING: NOT THREADED SIMD ON 2 THREAD(S): asked for threaded-simd on 2, ran simd on 1 ' +
          '(crossOriginIsolated false); these are not the figures this row names',
      );
    });
  });

  describe('for ortWeb, which ran no training', () => {
    it('takes the ONNX Runtime version from the page and notes inference only', () => {
      const info = { wasmBinary: 'ort-wasm-simd-threaded', ortVersion: '1.30.0' };
      const ortSteps = {
        ...steps(info),
        epochSeconds: null,
        cpuPerWall: { train: null, infer: 1 },
      };
      const run = { ...oursRun(ortSteps), row: { system: 'ortWeb' as const, threads: 2 } };
      const row = buildRow({ ...run, reportedCores: undefined }, VERSIONS);
      expect(row.versions).toEqual({ chromium: '156.0', 'onnxruntime-web': '1.30.0' });
      expect(row.notes.slice(0, 3)).toEqual([
        'ran ort-wasm-simd-threaded on 2 thread(s), crossOriginIsolated true',
        'inference only',
        'renderer CPU s per wall s: inference 1.00',
      ]);
    });
  });

  describe('for a page that logged more than three warnings', () => {
    it('keeps the first three and counts the rest', () => {
      const messages = ['a', 'b', 'c', 'd', 'e'].map((text) => `console warning: ${text}`);
      const notes = buildRow(oursRun(steps(), messages), VERSIONS).notes.slice(-4);
      expect(notes).toEqual([
        'console warning: a',
        'console warning: b',
        'console warning: c',
        '2 more page messages',
      ]);
    });
  });
});
