/** @module The bench's command-line flags: run counts, peers, output mode. */
'use strict';

const { parseArgs } = require('node:util');

/** Every system the bench can run, in table order; `ours` is the SDK. */
const SYSTEMS = ['ours', 'pytorch', 'tfjsWasm', 'ortWeb', 'ortNode'];

/** Run counts of a full run: medians over these, after the warm-ups. */
const DEFAULT_COUNTS = {
  epochs: 3,
  warmupEpochs: 1,
  inferRuns: 5,
  inferWarmup: 1,
  singleBeats: 200,
  singleWarmup: 20,
};

/** Run counts of `--quick`, a smoke test that still runs every measure once. */
const QUICK_COUNTS = {
  epochs: 1,
  warmupEpochs: 0,
  inferRuns: 1,
  inferWarmup: 1,
  singleBeats: 20,
  // The first one-beat calls are several times slower, until V8 and the wasm code warm up.
  singleWarmup: 10,
};

/** The seed of the synthetic beats and of the models' initial weights. */
const DEFAULT_SEED = 42;

/** Flag name (kebab-case, as typed) of each count. */
const COUNT_FLAGS = {
  epochs: 'epochs',
  warmupEpochs: 'warmup-epochs',
  inferRuns: 'infer-runs',
  inferWarmup: 'infer-warmup',
  singleBeats: 'single-beats',
  singleWarmup: 'single-warmup',
};

/** Counts that must be at least 1, since their median is reported. */
const POSITIVE_COUNTS = new Set(['inferRuns', 'singleBeats']);

const USAGE = `Usage: npm run bench -- [options]

Trains and runs the reference recipe on each system, each in its own child process, and
prints medians: seconds per training epoch, inference beats per second, single-beat ms,
peak RSS, and the ratios ours/peer next to the goals; then the same for ours and ortWeb in
headless Chromium at 1 and 2 threads.

Options:
  --quick                one run of each measure (a smoke test, not a measurement)
  --json                 make the last stdout line one JSON object
  --peers LIST           comma-separated subset of: ${SYSTEMS.join(', ')}
  --no-browser           skip the Chromium part (ours and ortWeb at 1 and 2 threads)
  --epochs N             timed training epochs (default ${DEFAULT_COUNTS.epochs}; 0 skips training)
  --warmup-epochs N      untimed epochs first (default ${DEFAULT_COUNTS.warmupEpochs})
  --infer-runs N         timed batches of 2,000 beats (default ${DEFAULT_COUNTS.inferRuns})
  --infer-warmup N       untimed batches first (default ${DEFAULT_COUNTS.inferWarmup})
  --single-beats N       timed one-beat calls (default ${DEFAULT_COUNTS.singleBeats})
  --single-warmup N      untimed one-beat calls first (default ${DEFAULT_COUNTS.singleWarmup})
  --seed N               seed of the synthetic beats (default ${DEFAULT_SEED})
  --python PATH          the Python with torch (default: $BENCH_PYTHON, python3, /usr/bin/python3)
  --help                 print this and exit`;

const OPTIONS = {
  quick: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  'no-browser': { type: 'boolean', default: false },
  peers: { type: 'string' },
  seed: { type: 'string' },
  python: { type: 'string' },
  ...Object.fromEntries(Object.values(COUNT_FLAGS).map((flag) => [flag, { type: 'string' }])),
};

/** Reads a whole non-negative number from a flag's text, or throws naming the flag. */
function parseCount(flag, text, minimum) {
  if (!/^\d+$/.test(text) || Number(text) < minimum) {
    const expected = minimum === 0 ? 'a whole number >= 0' : `a whole number >= ${minimum}`;
    throw new Error(`--${flag} expected ${expected}, received "${text}".`);
  }
  return Number(text);
}

/** Splits `--peers` into known system names, or throws naming the unknown one. */
function parsePeers(text) {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.find((name) => !SYSTEMS.includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw new Error(
      `--peers expected a comma-separated list of ${SYSTEMS.join(', ')}, ` +
        `received "${text}". Leave --peers out to run them all.`,
    );
  }
  return SYSTEMS.filter((name) => names.includes(name));
}

/** The counts: the mode's defaults, overridden by any count flag given. */
function parseCounts(values) {
  const counts = { ...(values.quick ? QUICK_COUNTS : DEFAULT_COUNTS) };
  for (const [key, flag] of Object.entries(COUNT_FLAGS)) {
    if (values[flag] !== undefined) {
      counts[key] = parseCount(flag, values[flag], POSITIVE_COUNTS.has(key) ? 1 : 0);
    }
  }
  return counts;
}

/**
 * Parses the bench's flags.
 *
 * @param {string[]} argv the arguments after the script name
 * @returns {import('./bench-args').BenchOptions}
 * @throws {Error} on an unknown flag or a value that is not what the flag expects
 */
function parseBenchArgs(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${error.message}. Run with --help to see the options.`);
  }
  return {
    help: values.help,
    json: values.json,
    quick: values.quick,
    browser: !values['no-browser'],
    systems: values.peers === undefined ? [...SYSTEMS] : parsePeers(values.peers),
    counts: parseCounts(values),
    seed: values.seed === undefined ? DEFAULT_SEED : parseCount('seed', values.seed, 0),
    python: values.python,
  };
}

/**
 * The flags a peer's child process takes: the counts and seed, and `--json`.
 *
 * @param {import('./bench-args').BenchOptions} options
 * @returns {string[]}
 */
function peerArgs(options) {
  const flags = Object.entries(COUNT_FLAGS).flatMap(([key, flag]) => [
    `--${flag}`,
    String(options.counts[key]),
  ]);
  return ['--json', ...flags, '--seed', String(options.seed)];
}

module.exports = {
  SYSTEMS,
  DEFAULT_COUNTS,
  QUICK_COUNTS,
  DEFAULT_SEED,
  USAGE,
  parseBenchArgs,
  peerArgs,
};
