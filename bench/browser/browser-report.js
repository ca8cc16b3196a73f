/**
 * @module The Chromium part's result: its four rows (ours and ortWeb at 1 and 2 threads), the
 * ratios ours/ortWeb at the same thread count, its table and its detail lines.
 */
'use strict';

const {
  MEASURES,
  emptyMeasures,
  formatDetails,
  formatMeasureRows,
  pickMeasures,
} = require('../lib/bench-report');

/** The rows of the Chromium table, in order: which page, on how many threads. */
const BROWSER_ROWS = [
  { key: 'ours1', system: 'ours', threads: 1, label: 'ours·1t' },
  { key: 'ours2', system: 'ours', threads: 2, label: 'ours·2t' },
  { key: 'ortWeb1', system: 'ortWeb', threads: 1, label: 'ortWeb·1t' },
  { key: 'ortWeb2', system: 'ortWeb', threads: 2, label: 'ortWeb·2t' },
];

/** The heading printed above the Chromium table. */
const BROWSER_TITLE = 'Chromium (headless, threaded SIMD, cross-origin isolated)';

/**
 * What a row that did not run reports: no measures, and why.
 *
 * @param {string} note why it did not run
 * @param {boolean} failed true when it should have run but failed
 * @returns {import('./browser-report').BrowserRow}
 */
function unavailableRow(note, failed) {
  return { ...emptyMeasures(), isolation: null, versions: {}, notes: [note], failed };
}

/** Every row unavailable for the same reason (no Chromium, --no-browser, a failed run). */
function unavailableRows(note, failed) {
  return Object.fromEntries(BROWSER_ROWS.map(({ key }) => [key, unavailableRow(note, failed)]));
}

function ratio(ours, peer) {
  return ours === null || peer === null || peer === 0 ? null : ours / peer;
}

/**
 * The `browser` key of `--json`: each row's measures, and ours/ortWeb at 1 and 2 threads.
 *
 * @param {Record<string, import('./browser-report').BrowserRow>} rows by key, as the page ran
 * @returns {import('./browser-report').BrowserResult}
 */
function buildBrowserResult(rows) {
  const measures = Object.fromEntries(
    BROWSER_ROWS.map(({ key }) => [key, pickMeasures(rows[key])]),
  );
  const versus = (ours, peer) =>
    Object.fromEntries(MEASURES.map((name) => [name, ratio(ours[name], peer[name])]));
  return {
    ...measures,
    ratios: {
      ortWeb1: versus(measures.ours1, measures.ortWeb1),
      ortWeb2: versus(measures.ours2, measures.ortWeb2),
    },
  };
}

/**
 * The title, the medians of the four rows, then ours/ortWeb at the same thread count.
 *
 * @param {import('./browser-report').BrowserResult} result
 * @returns {string}
 */
function formatBrowserTable(result) {
  const medians = BROWSER_ROWS.map(({ key, label }) => [label, result[key]]);
  const ratios = [
    ['ortWeb·1t', result.ratios.ortWeb1],
    ['ortWeb·2t', result.ratios.ortWeb2],
  ];
  return [
    BROWSER_TITLE,
    ...formatMeasureRows('median', medians, 'median'),
    '',
    ...formatMeasureRows('ours/peer', ratios, 'ratio'),
  ].join('\n');
}

/** The one note every row has when none ran for the same reason, or undefined. */
function sharedNote(rows) {
  const [first, ...others] = BROWSER_ROWS.map(({ key }) => rows[key]);
  const alone = (row) => row.notes.length === 1 && Object.keys(row.versions).length === 0;
  const shared =
    alone(first) && others.every((row) => alone(row) && row.notes[0] === first.notes[0]);
  return shared ? first.notes[0] : undefined;
}

/**
 * One line per row: its versions, then its notes (how it ran, or why it did not); a single
 * `chromium:` line when no row ran, all for the same reason (no Chromium, --no-browser).
 *
 * @param {Record<string, import('./browser-report').BrowserRow>} rows
 * @returns {string}
 */
function formatBrowserDetails(rows) {
  const note = sharedNote(rows);
  if (note !== undefined) return `chromium: ${note}`;
  return formatDetails(
    Object.fromEntries(BROWSER_ROWS.map(({ key, label }) => [label, rows[key]])),
  );
}

module.exports = {
  BROWSER_ROWS,
  BROWSER_TITLE,
  unavailableRow,
  unavailableRows,
  buildBrowserResult,
  formatBrowserTable,
  formatBrowserDetails,
};
