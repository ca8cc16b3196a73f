/** @module Specification of the bench's report on canned numbers (no timing). */
import { SYSTEMS } from '../../bench/lib/bench-args';
import {
  buildResult,
  emptyMeasures,
  evaluateGoals,
  formatDetails,
  formatGoals,
  formatTable,
  median,
  pickMeasures,
  toJsonLine,
  type Measures,
} from '../../bench/lib/bench-report';

const OURS: Measures = {
  epochSeconds: 2,
  inferBeatsPerSecond: 10000,
  singleBeatMs: 0.2,
  peakRssMb: 300,
};
const PYTORCH: Measures = {
  epochSeconds: 5,
  inferBeatsPerSecond: 2500,
  singleBeatMs: 0.8,
  peakRssMb: 400,
};
const ORT_NODE: Measures = {
  epochSeconds: null,
  inferBeatsPerSecond: 8000,
  singleBeatMs: 0.25,
  peakRssMb: 200,
};
const ORT_WEB: Measures = {
  epochSeconds: null,
  inferBeatsPerSecond: 4000,
  singleBeatMs: 1,
  peakRssMb: 250,
};

function cannedResult() {
  return buildResult(OURS, {
    pytorch: PYTORCH,
    tfjsWasm: emptyMeasures(),
    ortWeb: ORT_WEB,
    ortNode: ORT_NODE,
  });
}

describe('median', () => {
  describe('of an odd count', () => {
    it('is the middle value', () => expect(median([3, 1, 2])).toBe(2));
  });

  describe('of an even count', () => {
    it('is the mean of the middle two', () => expect(median([4, 1, 3, 2])).toBe(2.5));
  });

  describe('of no values', () => {
    it('throws', () =>
      expect(() => median([])).toThrow('median expected at least one value, received none.'));
  });
});

describe('pickMeasures', () => {
  describe('on a peer line with extra fields and a non-number', () => {
    it('keeps the four measures and turns the rest into null', () => {
      const line = { epochSeconds: 1.5, inferBeatsPerSecond: 'fast', peakRssMb: 90, versions: {} };
      expect(pickMeasures(line)).toEqual({
        epochSeconds: 1.5,
        inferBeatsPerSecond: null,
        singleBeatMs: null,
        peakRssMb: 90,
      });
    });
  });
});

describe('buildResult', () => {
  describe('on canned medians', () => {
    it('divides ours by each peer, null where a side is unknown', () => {
      const { ratios } = cannedResult();
      expect(ratios.pytorch).toEqual({
        epochSeconds: 0.4,
        inferBeatsPerSecond: 4,
        singleBeatMs: 0.25,
        peakRssMb: 0.75,
      });
      expect(ratios.ortNode).toEqual({
        epochSeconds: null,
        inferBeatsPerSecond: 1.25,
        singleBeatMs: 0.8,
        peakRssMb: 1.5,
      });
      expect(ratios.tfjsWasm).toEqual(emptyMeasures());
    });
  });

  describe('as JSON', () => {
    it('has exactly ours, peers and ratios, with the peers in table order', () => {
      const parsed = JSON.parse(toJsonLine(cannedResult()));
      expect(Object.keys(parsed)).toEqual(['ours', 'peers', 'ratios']);
      expect(Object.keys(parsed.peers)).toEqual(SYSTEMS.slice(1));
      expect(parsed.peers.tfjsWasm).toEqual({
        epochSeconds: null,
        inferBeatsPerSecond: null,
        singleBeatMs: null,
        peakRssMb: null,
      });
    });
  });
});

describe('evaluateGoals', () => {
  describe('on canned medians', () => {
    it('checks each bound on its ratio', () => {
      const outcomes = evaluateGoals(cannedResult()).map(({ peer, measure, value, met }) => [
        peer,
        measure,
        value,
        met,
      ]);
      expect(outcomes).toEqual([
        ['pytorch', 'epochSeconds', 0.4, true],
        ['ortNode', 'inferBeatsPerSecond', 1.25, true],
        ['ortWeb', 'inferBeatsPerSecond', 2.5, true],
        ['ortNode', 'singleBeatMs', 0.8, true],
      ]);
    });
  });

  describe('when a peer did not run', () => {
    it('reports its goals as unknown', () => {
      const result = buildResult(OURS, {
        pytorch: emptyMeasures(),
        ortNode: { ...ORT_NODE, singleBeatMs: 0.1 },
      });
      expect(evaluateGoals(result).map(({ met }) => met)).toEqual([null, true, null, false]);
    });
  });
});

describe('formatTable', () => {
  describe('on canned medians', () => {
    it('prints the medians, then the ratios ours/peer, with - for unknowns', () => {
      expect(formatTable(cannedResult())).toBe(
        [
          'median    epoch s  infer beats/s  single beat ms  peak RSS MB',
          'ours         2.00          10000           0.200          300',
          'pytorch      5.00           2500           0.800          400',
          'tfjsWasm        -              -               -            -',
          'ortWeb          -           4000           1.000          250',
          'ortNode         -           8000           0.250          200',
          '',
          'ours/peer  epoch s  infer beats/s  single beat ms  peak RSS MB',
          'pytorch       0.40           4.00            0.25         0.75',
          'tfjsWasm         -              -               -            -',
          'ortWeb           -           2.50            0.20         1.20',
          'ortNode          -           1.25            0.80         1.50',
        ].join('\n'),
      );
    });
  });
});

describe('formatGoals', () => {
  describe('on canned medians with one goal missed and one unknown', () => {
    it('prints each goal with its ratio and verdict', () => {
      const result = buildResult(OURS, {
        pytorch: { ...PYTORCH, epochSeconds: 3 },
        ortWeb: ORT_WEB,
      });
      expect(formatGoals(result).split('\n')).toEqual([
        'goal: training epoch <= 0.5 x PyTorch            ours/peer   0.67  not met',
        'goal: inference throughput >= 1.0 x ORT Node     ours/peer      -  ' +
          'unknown (a side is missing)',
        'goal: inference throughput >= 2 x ORT Web        ours/peer   2.50  met',
        'goal: single-beat latency <= 1.0 x ORT Node      ours/peer      -  ' +
          'unknown (a side is missing)',
      ]);
    });
  });
});

describe('formatDetails', () => {
  describe('for a system that ran and one that did not', () => {
    it('prints versions then notes, one line each', () => {
      const details = {
        pytorch: { versions: { torch: '1.13.0', python: '3.11.2' }, notes: [] },
        ortNode: { versions: {}, notes: ['no Python with torch found'] },
      };
      expect(formatDetails(details)).toBe(
        'pytorch: torch 1.13.0, python 3.11.2\nortNode: no versions; no Python with torch found',
      );
    });
  });
});
