/** @module The bench's result: ratios ours/peer, the goals, the table and the JSON line. */
'use strict';

/** The four measures of every system, in column order. */
const MEASURES = ['epochSeconds', 'inferBeatsPerSecond', 'singleBeatMs', 'peakRssMb'];

/** Column heading and decimals of each measure. */
const MEASURE_COLUMNS = {
  epochSeconds: { heading: 'epoch s', decimals: 2 },
  inferBeatsPerSecond: { heading: 'infer beats/s', decimals: 0 },
  singleBeatMs: { heading: 'single beat ms', decimals: 3 },
  peakRssMb: { heading: 'peak RSS MB', decimals: 0 },
};

/** Decimals of a ratio ours/peer. */
const RATIO_DECIMALS = 2;

/** What issue #4 asks of the SDK, each as a bound on one ratio ours/peer. */
const GOALS = [
  {
    measure: 'epochSeconds',
    peer: 'pytorch',
    bound: 'max',
    ratio: 0.5,
    text: 'training epoch <= 0.5 x PyTorch',
  },
  {
    measure: 'inferBeatsPerSecond',
    peer: 'ortNode',
    bound: 'min',
    ratio: 1,
    text: 'inference throughput >= 1.0 x ORT Node',
  },
  {
    measure: 'inferBeatsPerSecond',
    peer: 'ortWeb',
    bound: 'min',
    ratio: 2,
    text: 'inference throughput >= 2 x ORT Web',
  },
  {
    measure: 'singleBeatMs',
    peer: 'ortNode',
    bound: 'max',
    ratio: 1,
    text: 'single-beat latency <= 1.0 x ORT Node',
  },
];

/** A system's measures with every one unknown: a peer that cannot run or cannot train. */
function emptyMeasures() {
  return Object.fromEntries(MEASURES.map((measure) => [measure, null]));
}

/** Keeps only the four measures of a peer's output, as numbers or null. */
function pickMeasures(output) {
  return Object.fromEntries(
    MEASURES.map((measure) => {
      const value = output?.[measure];
      return [measure, typeof value === 'number' && Number.isFinite(value) ? value : null];
    }),
  );
}

/** The middle value (mean of the middle two for an even count); throws on no values. */
function median(values) {
  if (values.length === 0) throw new Error('median expected at least one value, received none.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ratio(ours, peer) {
  return ours === null || peer === null || peer === 0 ? null : ours / peer;
}

/** ours/peer for every measure of every peer; null where either side is unknown. */
function computeRatios(ours, peers) {
  return Object.fromEntries(
    Object.entries(peers).map(([name, measures]) => [
      name,
      Object.fromEntries(
        MEASURES.map((measure) => [measure, ratio(ours[measure], measures[measure])]),
      ),
    ]),
  );
}

/**
 * The bench's result object, which `--json` prints as its last line.
 *
 * @param {import('./bench-report').Measures} ours
 * @param {Record<string, import('./bench-report').Measures>} peers
 * @returns {import('./bench-report').BenchResult}
 */
function buildResult(ours, peers) {
  return { ours, peers, ratios: computeRatios(ours, peers) };
}

/** Each goal with its ratio and whether it is met (null when a side is unknown). */
function evaluateGoals(result) {
  return GOALS.map((goal) => {
    const value = result.ratios[goal.peer]?.[goal.measure] ?? null;
    const met =
      value === null ? null : goal.bound === 'max' ? value <= goal.ratio : value >= goal.ratio;
    return { ...goal, value, met };
  });
}

function formatNumber(value, decimals) {
  return value === null ? '-' : value.toFixed(decimals);
}

function formatRows(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]),
      )
      .join('  '),
  );
}

function measureRow(name, measures, decimalsOf) {
  return [name, ...MEASURES.map((measure) => formatNumber(measures[measure], decimalsOf(measure)))];
}

function headingRow(first) {
  return [first, ...MEASURES.map((measure) => MEASURE_COLUMNS[measure].heading)];
}

/**
 * Named rows of measures under a heading row, aligned in columns: medians with each measure's
 * decimals, ratios with {@link RATIO_DECIMALS}.
 *
 * @param {string} heading the first column's heading, e.g. 'median' or 'ours/peer'
 * @param {Array<[string, import('./bench-report').Measures]>} rows
 * @param {'median' | 'ratio'} kind
 * @returns {string[]} one line per row, the heading first
 */
function formatMeasureRows(heading, rows, kind) {
  const decimals =
    kind === 'ratio' ? () => RATIO_DECIMALS : (measure) => MEASURE_COLUMNS[measure].decimals;
  const cells = rows.map(([name, measures]) => measureRow(name, measures, decimals));
  return formatRows([headingRow(heading), ...cells]);
}

/**
 * The table of medians, one row per system, then the table of ratios ours/peer.
 *
 * @param {import('./bench-report').BenchResult} result
 * @returns {string}
 */
function formatTable(result) {
  const systems = [['ours', result.ours], ...Object.entries(result.peers)];
  const lines = formatMeasureRows('median', systems, 'median');
  const ratios = Object.entries(result.ratios);
  if (ratios.length > 0) lines.push('', ...formatMeasureRows('ours/peer', ratios, 'ratio'));
  return lines.join('\n');
}

/**
 * One line per goal: the goal, the measured ratio, and whether it is met.
 *
 * @param {import('./bench-report').BenchResult} result
 * @returns {string}
 */
function formatGoals(result) {
  return evaluateGoals(result)
    .map(({ text, value, met }) => {
      const verdict = met === null ? 'unknown (a side is missing)' : met ? 'met' : 'not met';
      const ratio = formatNumber(value, RATIO_DECIMALS).padStart(6);
      return `goal: ${text.padEnd(42)} ours/peer ${ratio}  ${verdict}`;
    })
    .join('\n');
}

/**
 * One line per system: its versions, then its notes (how it ran, or why it did not).
 *
 * @param {Record<string, { versions: Record<string, string | number>, notes: string[] }>} details
 * @returns {string}
 */
function formatDetails(details) {
  return Object.entries(details)
    .map(([system, { versions, notes }]) => {
      const versionText = Object.entries(versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ');
      return `${system}: ${[versionText || 'no versions', ...notes].join('; ')}`;
    })
    .join('\n');
}

/** The result as the single JSON line `--json` prints last. */
function toJsonLine(result) {
  return JSON.stringify(result);
}

module.exports = {
  MEASURES,
  GOALS,
  emptyMeasures,
  pickMeasures,
  median,
  buildResult,
  evaluateGoals,
  formatMeasureRows,
  formatTable,
  formatGoals,
  formatDetails,
  toJsonLine,
};
