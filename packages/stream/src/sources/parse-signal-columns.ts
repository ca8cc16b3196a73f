/**
 * @module Reading one signal column of a plain numeric CSV or TSV file, whole or streamed.
 *
 * For files of Kaggle heartbeat rows, use the core package's Kaggle loader instead.
 */
import { LineSplitter, type TextChunks } from '@edge-ecg/core';
import { makeSource, type EcgSource } from './ecg-source';
import { SignalColumnParser } from './signal-column-parser';
import { resolveColumnOptions, type SignalColumnOptions } from './signal-column-options';

/** One signal column, read whole. */
export interface SignalColumn {
  /** The column's values; NaN where a cell says NaN. */
  samples: Float32Array;
  /** The given or worked-out sampling rate. */
  sampleRateHz: number;
  /** The column's name in the header, when the file has one. */
  columnName?: string;
}

/**
 * Reads one column of a delimited text file held in memory. Blank lines and `#` lines are
 * skipped. With `timeColumn`, the rate is worked out from the first rows' time stamps.
 *
 * @throws UsageError for inconsistent options (see {@link SignalColumnOptions}).
 * @throws DataError with the line and field of a bad cell, a short row, an unknown column,
 *   times that do not increase, or a file without rows.
 */
export function parseSignalColumnsText(text: string, options: SignalColumnOptions): SignalColumn {
  const parser = new SignalColumnParser(resolveColumnOptions(options));
  const lines = new LineSplitter();
  for (const line of [...lines.push(text), ...lines.end()]) parser.pushLine(line);
  return finishColumn(parser);
}

/**
 * Reads one column of a delimited text file arriving in chunks, to the end.
 *
 * @throws UsageError and DataError as {@link parseSignalColumnsText} does.
 */
export async function parseSignalColumns(
  chunks: TextChunks,
  options: SignalColumnOptions,
): Promise<SignalColumn> {
  const parser = new SignalColumnParser(resolveColumnOptions(options));
  for await (const batch of lineBatches(chunks)) batch.forEach((line) => parser.pushLine(line));
  return finishColumn(parser);
}

/**
 * A source from one column of a delimited text stream. It reads ahead only until the rate and
 * the columns are known (the header, or the first rows of a time column), then streams the
 * rest as the source is iterated, once.
 *
 * @throws UsageError for inconsistent options, and DataError for bad input found before the
 *   rate is known; later bad input makes the iteration throw the same DataErrors.
 */
export async function fromSignalColumns(
  chunks: TextChunks,
  options: SignalColumnOptions,
): Promise<EcgSource> {
  const parser = new SignalColumnParser(resolveColumnOptions(options));
  const batches = lineBatches(chunks);
  let ended = false;
  while (!parser.ready && !ended) {
    const next = await batches.next();
    if (next.done === true) parser.finish();
    else next.value.forEach((line) => parser.pushLine(line));
    ended = next.done === true;
  }
  const lead = parser.columnName;
  const sourceOptions = {
    sampleRateHz: parser.sampleRateHz!,
    ...(lead === undefined ? {} : { lead }),
  };
  return makeSource(sourceOptions, 'fromSignalColumns', rest(parser, batches, ended));
}

async function* rest(
  parser: SignalColumnParser,
  batches: AsyncGenerator<string[]>,
  ended: boolean,
): AsyncGenerator<Float32Array> {
  const first = parser.take();
  if (first.length > 0) yield first;
  if (ended) return;
  for await (const batch of batches) {
    batch.forEach((line) => parser.pushLine(line));
    const samples = parser.take();
    if (samples.length > 0) yield samples;
  }
  parser.finish();
}

async function* lineBatches(chunks: TextChunks): AsyncGenerator<string[]> {
  const lines = new LineSplitter();
  for await (const chunk of chunks) yield lines.push(chunk);
  yield lines.end();
}

function finishColumn(parser: SignalColumnParser): SignalColumn {
  parser.finish();
  const column: SignalColumn = { samples: parser.take(), sampleRateHz: parser.sampleRateHz! };
  if (parser.columnName !== undefined) column.columnName = parser.columnName;
  return column;
}
