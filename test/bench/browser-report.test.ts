/** @module Specification of the bench's Chromium table and `browser` JSON on canned rows. */
import {
  BROWSER_ROWS,
  buildBrowserResult,
  formatBrowserDetails,
  formatBrowserTable,
  unavailableRow,
  unavailableRows,
  type BrowserRow,
  type BrowserRowKey,
} from '../../bench/browser/browser-report';
import { emptyMeasures } from '../../bench/lib/bench-report';

function ranRow(measures: Partial<BrowserRow>, threads: number): BrowserRow {
  return {
    ...emptyMeasures(),
    ...measures,
    isolation: {
      crossOriginIsolated: true,
      wasmBinary: 'threaded-simd',
      threads,
      requestedThreads: threads,
      hardwareConcurrency: 4,
    },
    versions: { chromium: '156.0' },
    notes: [`ran on ${threads} thread(s)`],
    failed: false,
  };
}

function cannedRows(): Record<BrowserRowKey, BrowserRow> {
  return {
    ours1: ranRow({ epochSeconds: 3, inferBeatsPerSecond: 12000, singleBeatMs: 0.1 }, 1),
    ours2: ranRow({ epochSeconds: 2, inferBeatsPerSecond: 20000, singleBeatMs: 0.08 }, 2),
    ortWeb1: ranRow({ inferBeatsPerSecond: 8000, singleBeatMs: 0.25, peakRssMb: 250 }, 1),
    ortWeb2: unavailableRow('not run (left out of --peers)', false),
  };
}

describe('BROWSER_ROWS', () => {
  describe('in table order', () => {
    it('lists ours then ortWeb, each at 1 and 2 threads', () => {
      expect(BROWSER_ROWS.map(({ label }) => label)).toEqual([
        'ours·1t',
        'ours·2t',
        'ortWeb·1t',
        'ortWeb·2t',
      ]);
    });
  });
});

describe('buildBrowserResult', () => {
  describe('on canned rows with one row not run', () => {
    it('keeps only the four measures of each row', () => {
      const result = buildBrowserResult(cannedRows());
      expect(result.ours2).toEqual({
        epochSeconds: 2,
        inferBeatsPerSecond: 20000,
        singleBeatMs: 0.08,
        peakRssMb: null,
      });
      expect(result.ortWeb2).toEqual(emptyMeasures());
    });

    it('divides ours by ortWeb at the same thread count, null where a side is unknown', () => {
      expect(buildBrowserResult(cannedRows()).ratios).toEqual({
        ortWeb1: {
          epochSeconds: null,
          inferBeatsPerSecond: 1.5,
          singleBeatMs: 0.4,
          peakRssMb: null,
        },
        ortWeb2: emptyMeasures(),
      });
    });

    it('has exactly the four rows and the ratios as JSON keys', () => {
      const parsed = JSON.parse(JSON.stringify(buildBrowserResult(cannedRows())));
      expect(Object.keys(parsed)).toEqual(['ours1', 'ours2', 'ortWeb1', 'ortWeb2', 'ratios']);
    });
  });
});

describe('formatBrowserTable', () => {
  describe('on canned rows', () => {
    it('prints the title, the medians, then ours/ortWeb at the same threads', () => {
      expect(formatBrowserTable(buildBrowserResult(cannedRows()))).toBe(
        [
          'Chromium (headless, threaded SIMD, cross-origin isolated)',
          'median     epoch s  infer beats/s  single beat ms  peak RSS MB',
          'ours·1t       3.00          12000           0.100            -',
          'ours·2t       2.00          20000           0.080            -',
          'ortWeb·1t        -           8000           0.250          250',
          'ortWeb·2t        -              -               -            -',
          '',
          'ours/peer  epoch s  infer beats/s  single beat ms  peak RSS MB',
          'ortWeb·1t        -           1.50            0.40            -',
          'ortWeb·2t        -              -               -            -',
        ].join('\n'),
      );
    });
  });
});

describe('formatBrowserDetails', () => {
  describe('on canned rows', () => {
    it('prints one line per row: versions, then notes', () => {
      expect(formatBrowserDetails(cannedRows()).split('\n')).toEqual([
        'ours·1t: chromium 156.0; ran on 1 thread(s)',
        'ours·2t: chromium 156.0; ran on 2 thread(s)',
        'ortWeb·1t: chromium 156.0; ran on 1 thread(s)',
        'ortWeb·2t: no versions; not run (left out of --peers)',
      ]);
    });
  });

  describe('when no row ran, all for the same reason', () => {
    it('prints that reason once', () => {
      const rows = unavailableRows('not run (--no-browser)', false);
      expect(formatBrowserDetails(rows)).toBe('chromium: not run (--no-browser)');
    });
  });
});

describe('unavailableRows', () => {
  describe('for a reason shared by every row', () => {
    it('gives each row null measures, no isolation and the note', () => {
      const rows = unavailableRows('not run (--no-browser)', false);
      expect(Object.keys(rows)).toEqual(['ours1', 'ours2', 'ortWeb1', 'ortWeb2']);
      expect(rows.ortWeb1).toEqual({
        ...emptyMeasures(),
        isolation: null,
        versions: {},
        notes: ['not run (--no-browser)'],
        failed: false,
      });
    });
  });
});
