import { DataError, UsageError } from '@edge-ecg/core';
import {
  fromSignalColumns,
  parseSignalColumns,
  parseSignalColumnsText,
} from '../../src/sources/parse-signal-columns';
import type { SignalColumnOptions } from '../../src/sources/signal-column-options';

/** Float32 storage of short decimals: within 1e-6. */
const FLOAT32_DIGITS = 6;

function errorOf(text: string, options: SignalColumnOptions): Error {
  try {
    parseSignalColumnsText(text, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseSignalColumnsText to throw');
}

/** Rows of `time,MLII` at `rateHz`, times printed to `decimals` places. */
function timedRows(count: number, rateHz: number, decimals: number): string {
  const rows = Array.from({ length: count }, (_, i) => `${(i / rateHz).toFixed(decimals)},${i}`);
  return `time,MLII\n${rows.join('\n')}\n`;
}

describe('parseSignalColumnsText', () => {
  describe('with a CSV file with a header', () => {
    const text = 'time,MLII,V5\r\n0,0.1,1\r\n0.5,-0.25,2\r\n\r\n# a note\r\n1,NaN,3\r\n';

    it('reads the column named, in any case', () => {
      const column = parseSignalColumnsText(text, { column: 'mlii', sampleRateHz: 2 });
      expect(column.columnName).toBe('MLII');
      expect(column.sampleRateHz).toBe(2);
      expect(column.samples[0]).toBeCloseTo(0.1, FLOAT32_DIGITS);
      expect(Array.from(column.samples.subarray(1))).toEqual([-0.25, NaN]);
    });

    it('reads a column by 0-based index', () => {
      expect(
        Array.from(parseSignalColumnsText(text, { column: 2, sampleRateHz: 2 }).samples),
      ).toEqual([1, 2, 3]);
    });
  });

  describe('with each delimiter', () => {
    it.each([
      ['tabs', 'a\tb\n1\t2\n3\t4'],
      ['semicolons', 'a;b\n1;2\n3;4'],
      ['commas', 'a,b\n1,2\n3,4'],
      ['spaces', 'a   b\n1 2\n  3 \t 4  '],
      ['quoted cells', '"a","b"\n"1","2"\n3,"4"'],
    ])('detects %s', (_, text) => {
      const column = parseSignalColumnsText(text, { column: 'b', sampleRateHz: 1 });
      expect(Array.from(column.samples)).toEqual([2, 4]);
    });

    it('uses the delimiter given over the detected one', () => {
      const text = 'a;b,c\n1;2,5\n3;4,6';
      const column = parseSignalColumnsText(text, { delimiter: ',', column: 1, sampleRateHz: 1 });
      expect(column.columnName).toBe('c');
      expect(Array.from(column.samples)).toEqual([5, 6]);
    });
  });

  describe('without a header', () => {
    it('detects the numeric first row and reads column 0', () => {
      const column = parseSignalColumnsText('1.5e-1 9\n-2 8\n', { sampleRateHz: 125 });
      expect(column).not.toHaveProperty('columnName');
      expect(column.samples[0]).toBeCloseTo(0.15, FLOAT32_DIGITS);
      expect(column.samples[1]).toBe(-2);
    });

    it('takes a numeric first row as names when header is true', () => {
      const column = parseSignalColumnsText('1,2\n3,4', {
        header: true,
        column: '2',
        sampleRateHz: 1,
      });
      expect(Array.from(column.samples)).toEqual([4]);
    });
  });

  describe('with a time column', () => {
    it('works a whole-hertz rate out from times rounded to milliseconds', () => {
      const column = parseSignalColumnsText(timedRows(400, 360, 3), { timeColumn: 'time' });
      expect(column.sampleRateHz).toBe(360);
      expect(column.columnName).toBe('MLII');
      expect(column.samples).toHaveLength(400);
    });

    it('keeps a rate that is not near a whole number (times to 1e-9 s, rate to 1e-4 Hz)', () => {
      const rows = timedRows(10, 128.5, 9);
      expect(parseSignalColumnsText(rows, { timeColumn: 0 }).sampleRateHz).toBeCloseTo(128.5, 4);
    });

    it('reads times in milliseconds', () => {
      const column = parseSignalColumnsText('t_ms,x\n0,1\n4,2\n8,3', {
        timeColumn: 't_ms',
        timeUnit: 'ms',
      });
      expect(column.sampleRateHz).toBe(250);
    });
  });

  describe('with bad cells and rows', () => {
    const options = { column: 'MLII', sampleRateHz: 360, file: 'ecg.csv' };
    const cases: [string, string, SignalColumnOptions, string][] = [
      [
        'a word',
        'time,MLII\n0,0.1\n1,abc',
        options,
        'ecg.csv:3:2: expected a number in the signal column "MLII", found "abc". ' +
          'Write samples as plain decimals such as -0.145 or 1.2e-3, ' +
          'and NaN for a missing sample.',
      ],
      [
        'an empty cell',
        '0.1,\n0.2,',
        { column: 1, sampleRateHz: 1 },
        'signal.csv:1:2: expected a number in the signal column (field 2), found an empty field. ' +
          'Write samples as plain decimals such as -0.145 or 1.2e-3, ' +
          'and NaN for a missing sample.',
      ],
      [
        'a short row',
        'time,MLII\n0,1\n2',
        options,
        'ecg.csv:3: expected at least 2 fields, found 1. ' +
          'Every row needs a value in the signal column ' +
          '(and the time column); fix or remove the row.',
      ],
      [
        'an unknown column',
        'time,V5\n0,1',
        options,
        'ecg.csv:1: expected a column named "MLII" in the header, ' +
          'found the columns "time", "V5". ' +
          'Pass one of these names (in any case), or a 0-based column index.',
      ],
      [
        'a name without a header',
        '0,1\n1,2',
        options,
        'ecg.csv:1: expected a header row naming the column "MLII", ' +
          'found a row of numbers. ' +
          'Pass the column as a 0-based index instead, or add a header row.',
      ],
      [
        'no rows',
        'time,MLII\r\n\r\n',
        options,
        'ecg.csv: expected rows of samples, found none. ' +
          'Check the path, and that the file was completely downloaded or written.',
      ],
      [
        'one timed row',
        'time,MLII\n0,1',
        { timeColumn: 'time' },
        'signal.csv: expected at least 2 rows to work the sampling rate out from the time ' +
          'column, found 1. ' +
          'Pass sampleRateHz instead of timeColumn.',
      ],
      [
        'a repeated time',
        't,x\n0,1\n0.1,1\n0.1,2',
        { timeColumn: 't' },
        'signal.csv:4:1: expected a time after 0.1, as times must increase, found "0.1". ' +
          'Remove the repeated row, or sort the rows by time.',
      ],
      [
        'a bad time',
        't,x\n0,1\nsoon,1',
        { timeColumn: 't' },
        'signal.csv:3:1: expected a time in the time column "t", found "soon". ' +
          'Write times as plain decimals such as 0.0125.',
      ],
    ];

    it.each(cases)('throws a DataError for %s', (_, text, caseOptions, message) => {
      const error = errorOf(text, caseOptions);
      expect(error).toBeInstanceOf(DataError);
      expect(error.message).toBe(message);
    });

    it('records the line and field in the location', () => {
      expect((errorOf('1\n2\nx', { sampleRateHz: 1 }) as DataError).location).toEqual({
        file: 'signal.csv',
        line: 3,
        column: 1,
      });
    });
  });

  describe('with inconsistent options', () => {
    it.each([
      [{}, 'neither'],
      [{ sampleRateHz: 1, timeColumn: 0 }, 'both'],
    ])('throws a UsageError for %p', (options, found) => {
      expect(() => parseSignalColumnsText('1', options)).toThrow(
        new UsageError(
          `parseSignalColumns: expected one of sampleRateHz and timeColumn, found ${found}. ` +
            "Pass sampleRateHz (such as 360), or timeColumn (such as 'time') to work the rate out.",
        ),
      );
    });

    it('throws a UsageError when the signal column is the time column', () => {
      expect(() => parseSignalColumnsText('1', { column: 'Time', timeColumn: 'time' })).toThrow(
        'parseSignalColumns: expected the signal column to differ from the time column, found ' +
          `"Time" for both. Pass the signal column's name or index.`,
      );
    });
  });
});

describe('parseSignalColumns', () => {
  describe('with byte chunks split mid-line and mid-character', () => {
    it('reads the same column as the whole text', async () => {
      const bytes = new TextEncoder().encode('µV,x\n1,2\n3,4\n');
      const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 8), bytes.subarray(8)];
      const column = await parseSignalColumns(chunks, { column: 'µv', sampleRateHz: 1 });
      expect(column).toMatchObject({ columnName: 'µV', sampleRateHz: 1 });
      expect(Array.from(column.samples)).toEqual([1, 3]);
    });
  });
});

describe('fromSignalColumns', () => {
  describe('with a time column longer than the rate estimate', () => {
    it('knows the rate before the end and streams every sample', async () => {
      const text = timedRows(1000, 500, 4);
      let delivered = 0;
      async function* lines() {
        for (const line of text.split(/(?<=\n)/)) {
          delivered += 1;
          yield line;
        }
      }
      const source = await fromSignalColumns(lines(), { timeColumn: 'time' });
      expect(source).toMatchObject({ sampleRateHz: 500, lead: 'MLII' });
      expect(delivered).toBeLessThan(300);
      const samples: number[] = [];
      for await (const chunk of source.chunks) samples.push(...chunk);
      expect(samples).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    });
  });

  describe('with a bad cell after the rate is known', () => {
    it('throws the DataError while iterating', async () => {
      const source = await fromSignalColumns(['x\n1\n', '2\n', 'bad\n'], { sampleRateHz: 100 });
      expect(source).toMatchObject({ sampleRateHz: 100, lead: 'x' });
      const iterate = async () => {
        for await (const chunk of source.chunks) expect(chunk.length).toBeGreaterThan(0);
      };
      await expect(iterate()).rejects.toThrow('signal.csv:4:1: expected a number');
    });
  });

  describe('with a short file', () => {
    it('reads it all before returning', async () => {
      const source = await fromSignalColumns(['t,x\n0,1\n0.25,2'], { timeColumn: 't' });
      expect(source.sampleRateHz).toBe(4);
      const samples: number[] = [];
      for await (const chunk of source.chunks) samples.push(...chunk);
      expect(samples).toEqual([1, 2]);
    });
  });
});
