/** @module The line-by-line core of the CSV/TSV signal-column reader. */
import { decimalOrNaN } from '../wfdb/header-fields';
import * as problems from './signal-column-errors';
import type { ColumnDelimiter, ResolvedColumnOptions } from './signal-column-options';

/** Rows whose time stamps are used to work the sampling rate out. */
export const RATE_ESTIMATE_ROWS = 256;

/** A worked-out rate this close to a whole number of hertz (relatively) is rounded to it. */
export const RATE_ROUNDING_TOLERANCE = 2e-3;

interface Layout {
  delimiter: ColumnDelimiter;
  signalField: number;
  timeField: number | undefined;
  names: string[] | undefined;
}

/** Reads one line at a time; samples accumulate until taken. */
export class SignalColumnParser {
  private layout: Layout | undefined;
  private lineNumber = 0;
  private rows = 0;
  private samples: number[] = [];
  private readonly times: number[] = [];
  private lastTime = -Infinity;
  private rate: number | undefined;

  constructor(private readonly options: ResolvedColumnOptions) {
    this.rate = options.sampleRateHz;
  }

  /** The sampling rate, once given or worked out. */
  get sampleRateHz(): number | undefined {
    return this.rate;
  }

  /** The signal column's header name, when the file has a header. */
  get columnName(): string | undefined {
    return this.layout?.names?.[this.layout.signalField];
  }

  /** Whether the rate and the columns are known, so samples can flow. */
  get ready(): boolean {
    return this.rate !== undefined && this.layout !== undefined;
  }

  /**
   * Reads the next line. Blank lines and lines starting with `#` are skipped.
   *
   * @throws DataError with the line (and field) for a bad cell, short row or unknown column.
   */
  pushLine(line: string): void {
    this.lineNumber += 1;
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    if (this.layout === undefined && this.readLayout(text)) return;
    this.readRow(text);
  }

  /** The samples read since the last call. */
  take(): Float32Array {
    const taken = Float32Array.from(this.samples);
    this.samples = [];
    return taken;
  }

  /**
   * Ends the input.
   *
   * @throws DataError when there were no rows, or too few to work the rate out.
   */
  finish(): void {
    if (this.rows === 0) throw problems.noRowsError(this.options.file);
    if (this.rate !== undefined) return;
    if (this.times.length < 2) throw problems.tooFewTimesError(this.options.file, this.rows);
    this.rate = rateFromTimes(this.times, this.options.millisecondsPerTimeUnit);
  }

  /** Works out the columns from the first line; true when that line is a header. */
  private readLayout(text: string): boolean {
    const delimiter =
      this.options.delimiter === 'auto' ? detectDelimiter(text) : this.options.delimiter;
    const cells = splitCells(text, delimiter);
    const { header } = this.options;
    const isHeader = header === 'auto' ? cells.some(isWordCell) : header;
    const names = isHeader ? cells : undefined;
    const timeField = this.field(this.options.timeColumn, names);
    const signalField = this.field(this.options.column, names) ?? (timeField === 0 ? 1 : 0);
    this.layout = { delimiter, signalField, timeField, names };
    return isHeader;
  }

  private field(selector: string | number | undefined, names: string[] | undefined) {
    if (typeof selector !== 'string') return selector;
    const at = { file: this.options.file, line: this.lineNumber };
    if (names === undefined) throw problems.noHeaderError(at, selector);
    const index = names.findIndex((name) => name.toLowerCase() === selector.toLowerCase());
    if (index < 0) throw problems.unknownColumnError(at, selector, names);
    return index;
  }

  private readRow(text: string): void {
    const { delimiter, signalField, timeField } = this.layout!;
    const cells = splitCells(text, delimiter);
    const at = { file: this.options.file, line: this.lineNumber };
    const needed = Math.max(signalField, timeField ?? 0) + 1;
    if (cells.length < needed) throw problems.shortRowError(at, needed, cells.length);
    const cell = cells[signalField]!;
    const value = sampleValue(cell);
    if (value === undefined) {
      throw problems.badSampleError(
        { ...at, column: signalField + 1 },
        cell,
        this.label(signalField),
      );
    }
    if (timeField !== undefined) this.readTime(cells[timeField]!, { ...at, column: timeField + 1 });
    this.samples.push(value);
    this.rows += 1;
  }

  private readTime(cell: string, at: problems.RowLocation): void {
    const time = decimalOrNaN(cell);
    if (!Number.isFinite(time)) throw problems.badTimeError(at, cell, this.label(at.column! - 1));
    if (!(time > this.lastTime)) throw problems.timeNotIncreasingError(at, cell, this.lastTime);
    this.lastTime = time;
    if (this.rate !== undefined) return;
    this.times.push(time);
    if (this.times.length === RATE_ESTIMATE_ROWS) {
      this.rate = rateFromTimes(this.times, this.options.millisecondsPerTimeUnit);
    }
  }

  private label(field: number): string {
    const name = this.layout?.names?.[field];
    return name === undefined ? `(field ${field + 1})` : JSON.stringify(name);
  }
}

function rateFromTimes(times: number[], millisecondsPerUnit: number): number {
  const spanMs = (times[times.length - 1]! - times[0]!) * millisecondsPerUnit;
  const rate = ((times.length - 1) * 1000) / spanMs;
  const whole = Math.round(rate);
  return Math.abs(rate - whole) <= RATE_ROUNDING_TOLERANCE * rate ? whole : rate;
}

function detectDelimiter(line: string): ColumnDelimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return line.includes(',') ? ',' : ' ';
}

function splitCells(line: string, delimiter: ColumnDelimiter): string[] {
  const cells = delimiter === ' ' ? line.split(/[ \t]+/) : line.split(delimiter);
  return cells.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/** A sample cell's value: a decimal, or NaN when it says NaN; undefined for anything else. */
function sampleValue(cell: string): number | undefined {
  if (/^nan$/i.test(cell)) return NaN;
  const value = decimalOrNaN(cell);
  return Number.isNaN(value) ? undefined : value;
}

/** A cell that only a header would hold: neither empty nor a number. */
function isWordCell(cell: string): boolean {
  return cell !== '' && sampleValue(cell) === undefined;
}
