/** @module Parsing a WFDB header (`.hea`): the record line, signal lines and comments. */
import { UsageError, type DataLocation } from '@edge-ecg/core';
import { dataProblem, quote, where } from './data-problem';
import { decimalOrNaN, splitFields, wholeNumber, type FieldRule } from './header-fields';
import { DEFAULT_WFDB_SAMPLE_RATE_HZ, type WfdbHeader } from './header-types';
import { parseSignalLine } from './parse-signal-line';

/** The file name used in error messages when the caller gives none. */
export const DEFAULT_HEADER_FILE = 'header.hea';

const RECORD_FORM =
  'The record line reads "name signals [frequency [samples [time [date]]]]", ' +
  'such as "100 2 360 650000".';

/** `frequency[/counterFrequency[(baseCounter)]]`. */
const FREQUENCY_FIELD = /^([^/(]+)(?:\/([^(]+)(?:\(([^)]*)\))?)?$/;

/** Options of {@link parseWfdbHeader}. */
export interface ParseWfdbHeaderOptions {
  /** The header's file name, for error messages. @defaultValue DEFAULT_HEADER_FILE */
  file?: string;
}

interface NumberedLine {
  text: string;
  line: number;
}

/**
 * Parses the text of a WFDB header. Lines may end in `\n` or `\r\n`; `#` lines are comments.
 *
 * @throws DataError with the file and line when the record line or a signal line is malformed,
 *   or when the number of signal lines differs from the record line's count.
 * @throws UsageError for multi-segment records, which are not supported yet.
 */
export function parseWfdbHeader(text: string, options: ParseWfdbHeaderOptions = {}): WfdbHeader {
  const file = options.file ?? DEFAULT_HEADER_FILE;
  const { lines, comments } = splitHeaderLines(text);
  const [recordLine, ...signalLines] = lines;
  if (recordLine === undefined) {
    throw dataProblem(
      { file },
      'a record line such as "100 2 360 650000"',
      'no record line',
      'Check that the path names a WFDB header (.hea) file.',
    );
  }
  const header: WfdbHeader = { file, ...parseRecordLine(recordLine, file), signals: [], comments };
  checkSignalLineCount(header, signalLines);
  header.signals = signalLines.map(({ text: line, line: number }) =>
    parseSignalLine(line, { file, line: number }),
  );
  return header;
}

function splitHeaderLines(text: string): { lines: NumberedLine[]; comments: string[] } {
  const lines: NumberedLine[] = [];
  const comments: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) comments.push(trimmed.slice(1).trim());
    else if (trimmed !== '') lines.push({ text: trimmed, line: index + 1 });
  });
  return { lines, comments };
}

type RecordFields = Omit<WfdbHeader, 'file' | 'signals' | 'comments'>;

function parseRecordLine({ text, line }: NumberedLine, file: string): RecordFields {
  const at = { file, line };
  const [name, signals, frequency, samples, baseTime, baseDate] = splitFields(text);
  const [recordName, segments] = name!.text.split('/');
  if (segments !== undefined) throw multiSegmentError(at, recordName!, segments);
  if (signals === undefined) {
    throw dataProblem(at, 'the number of signals after the record name', 'nothing', RECORD_FORM);
  }
  const rule = (ruleName: string): FieldRule => ({ name: ruleName, advice: RECORD_FORM });
  const fields: RecordFields = {
    recordName: recordName!,
    signalCount: wholeNumber(signals.text, at, rule('the number of signals'), 0),
    ...parseFrequency(frequency?.text, at),
  };
  const sampleCount =
    samples === undefined ? 0 : wholeNumber(samples.text, at, rule('the number of samples'), 0);
  if (sampleCount > 0) fields.sampleCount = sampleCount;
  if (baseTime !== undefined) fields.baseTime = baseTime.text;
  if (baseDate !== undefined) fields.baseDate = baseDate.text;
  return fields;
}

type FrequencyFields = Pick<WfdbHeader, 'sampleRateHz' | 'counterFrequencyHz' | 'baseCounter'>;

function parseFrequency(text: string | undefined, at: DataLocation): FrequencyFields {
  if (text === undefined) return { sampleRateHz: DEFAULT_WFDB_SAMPLE_RATE_HZ };
  const match = FREQUENCY_FIELD.exec(text);
  const [sampleRateHz, counter, base] = [match?.[1], match?.[2], match?.[3]].map((part) =>
    part === undefined ? undefined : decimalOrNaN(part),
  );
  const positive = [sampleRateHz, counter].every((value) => value === undefined || value > 0);
  if (sampleRateHz === undefined || !positive || Number.isNaN(base)) {
    const expected = 'a sampling frequency such as 360, 360/1.5 or 360/1.5(100)';
    throw dataProblem(at, expected, quote(text), RECORD_FORM);
  }
  const fields: FrequencyFields = { sampleRateHz };
  if (counter !== undefined) fields.counterFrequencyHz = counter;
  if (base !== undefined) fields.baseCounter = base;
  return fields;
}

function checkSignalLineCount(header: WfdbHeader, signalLines: NumberedLine[]): void {
  const expected = `${header.signalCount} signal line${header.signalCount === 1 ? '' : 's'}`;
  const extra = signalLines[header.signalCount];
  if (extra !== undefined) {
    throw dataProblem(
      { file: header.file, line: extra.line },
      `${expected} after the record line`,
      `another line, ${quote(extra.text)}`,
      'Correct the number of signals in the record line, ' +
        'or start this line with # to make it a comment.',
    );
  }
  if (signalLines.length < header.signalCount) {
    throw dataProblem(
      { file: header.file },
      `${expected} after the record line`,
      String(signalLines.length),
      'Add the missing signal lines, or correct the number of signals in the record line.',
    );
  }
}

function multiSegmentError(at: DataLocation, recordName: string, segments: string): UsageError {
  // TODO(#3): read multi-segment records by joining their segments' headers and signals.
  return new UsageError(
    `${where(at)}: record ${quote(recordName)} has ${segments} segments, and multi-segment ` +
      'records are not supported yet. Read each segment as a record of its own.',
  );
}
