/** @module Specification of the bench runner's flags and the flags it gives each peer. */
import {
  DEFAULT_COUNTS,
  DEFAULT_SEED,
  QUICK_COUNTS,
  parseBenchArgs,
  peerArgs,
} from '../../bench/lib/bench-args';

describe('parseBenchArgs', () => {
  describe('with no flags', () => {
    it('runs every system with the full counts and the default seed', () => {
      expect(parseBenchArgs([])).toEqual({
        help: false,
        json: false,
        quick: false,
        browser: true,
        systems: ['ours', 'pytorch', 'tfjsWasm', 'ortWeb', 'ortNode'],
        counts: {
          epochs: 3,
          warmupEpochs: 1,
          inferRuns: 5,
          inferWarmup: 1,
          singleBeats: 200,
          singleWarmup: 20,
        },
        seed: 42,
        python: undefined,
      });
    });
  });

  describe('with --quick and count flags', () => {
    it('starts from the quick counts and lets each flag override one', () => {
      const options = parseBenchArgs([
        '--quick',
        '--single-beats',
        '50',
        '--epochs',
        '0',
        '--json',
      ]);
      expect(options.counts).toEqual({ ...QUICK_COUNTS, singleBeats: 50, epochs: 0 });
      expect(options.json).toBe(true);
    });
  });

  describe('with --peers', () => {
    it('keeps the table order whatever order the list has', () => {
      expect(parseBenchArgs(['--peers', 'ortNode, ours']).systems).toEqual(['ours', 'ortNode']);
    });

    it('names the unknown system and the known ones', () => {
      expect(() => parseBenchArgs(['--peers', 'ours,onnx'])).toThrow(
        '--peers expected a comma-separated list of ours, pytorch, tfjsWasm, ortWeb, ortNode, ' +
          'received "ours,onnx". Leave --peers out to run them all.',
      );
    });
  });

  describe('with a bad count', () => {
    it('rejects a count that is not a whole number', () => {
      expect(() => parseBenchArgs(['--epochs', '2.5'])).toThrow(
        '--epochs expected a whole number >= 0, received "2.5".',
      );
    });

    it('rejects zero for a count whose median is reported', () => {
      expect(() => parseBenchArgs(['--infer-runs', '0'])).toThrow(
        '--infer-runs expected a whole number >= 1, received "0".',
      );
    });
  });

  describe('with an unknown flag', () => {
    it('points to --help', () => {
      expect(() => parseBenchArgs(['--fast'])).toThrow(
        /Unknown option '--fast'.*Run with --help to see the options\./,
      );
    });
  });
});

describe('peerArgs', () => {
  describe('for the default options', () => {
    it('passes --json, every count and the seed to the child', () => {
      expect(peerArgs(parseBenchArgs([]))).toEqual([
        '--json',
        ...[
          '--epochs',
          `${DEFAULT_COUNTS.epochs}`,
          '--warmup-epochs',
          `${DEFAULT_COUNTS.warmupEpochs}`,
        ],
        ...[
          '--infer-runs',
          `${DEFAULT_COUNTS.inferRuns}`,
          '--infer-warmup',
          `${DEFAULT_COUNTS.inferWarmup}`,
        ],
        ...[
          '--single-beats',
          `${DEFAULT_COUNTS.singleBeats}`,
          '--single-warmup',
          `${DEFAULT_COUNTS.singleWarmup}`,
        ],
        ...['--seed', `${DEFAULT_SEED}`],
      ]);
    });
  });

  describe('round-tripped through parseBenchArgs', () => {
    it('gives the child the same counts and seed', () => {
      const options = parseBenchArgs(['--quick', '--seed', '7']);
      const child = parseBenchArgs(peerArgs(options));
      expect([child.counts, child.seed, child.json]).toEqual([options.counts, 7, true]);
    });
  });
});
