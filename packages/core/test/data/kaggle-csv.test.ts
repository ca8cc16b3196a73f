import { DataError, UsageError } from '../../src/errors';
import {
  parseKaggleCsv,
  parseKaggleCsvText,
  type KaggleCsvOptions,
} from '../../src/data/kaggle-csv';
import { byteChunks, caught, generatedCsv, stringChunks } from './csv-helpers';

const FILE = 'beats.csv';
const ROW_0 = '0.1,0.2,0.3,0';
const ROW_1 = '0.4,0.5,0.6,1';

function parse(text: string, options: Partial<KaggleCsvOptions> = {}) {
  return parseKaggleCsvText(text, { file: FILE, ...options });
}

async function parseError(text: string, options: Partial<KaggleCsvOptions> = {}) {
  const error = await caught(() => parse(text, options));
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('parseKaggleCsvText', () => {
  describe('with valid rows', () => {
    it('reads each row as a beat of samples and its label', () => {
      const result = parse(`${ROW_0}\n${ROW_1}\n`);
      expect(Array.from(result.dataset.samples)).toEqual(
        Array.from(new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
      );
      expect(Array.from(result.dataset.labels)).toEqual([0, 1]);
      expect(result.dataset.beatLength).toBe(3);
      expect(result).toMatchObject({ file: FILE, rows: 2, rowsPerClass: [1, 1] });
    });

    it('reads the exponent style of the full Kaggle files and the short style alike', () => {
      const result = parse('9.003241658210754395e-01,0.9003,1.000000000000000000e+00,0.0\n');
      expect(Array.from(result.dataset.samples)).toEqual(
        Array.from(new Float32Array([0.9003241658210754395, 0.9003, 1])),
      );
      expect(Array.from(result.dataset.labels)).toEqual([0]);
    });

    it('reads integers, leading dots, signed zeros and spaces around a number', () => {
      const result = parse('0,.5, 1 ,-0.0,+1\n');
      expect(Array.from(result.dataset.samples)).toEqual([0, 0.5, 1, -0]);
      expect(Array.from(result.dataset.labels)).toEqual([1]);
    });

    it('reads CRLF line ends and a last line without a newline', () => {
      const result = parse(`${ROW_0}\r\n${ROW_1}`);
      expect(Array.from(result.dataset.labels)).toEqual([0, 1]);
      expect(result.dataset.samples[5]).toBeCloseTo(0.6, 6);
    });

    it('ignores blank lines after the last row', () => {
      expect(parse(`${ROW_0}\n\r\n  \n`).rows).toBe(1);
    });

    it('drops a leading byte-order mark', () => {
      expect(parse(`\uFEFF${ROW_0}\n`).rows).toBe(1);
    });

    it('takes the beat length from the first row, or checks it against beatLength', () => {
      expect(parse(`${ROW_0}\n`).dataset.beatLength).toBe(3);
      expect(parse(`${ROW_0}\n`, { beatLength: 3 }).dataset.beatLength).toBe(3);
    });
  });

  describe('without classNames', () => {
    it.each([
      [
        [0, 1],
        ['normal', 'abnormal'],
      ],
      [[1], ['normal', 'abnormal']],
      [
        [0, 4],
        ['N', 'S', 'V', 'F', 'Q'],
      ],
      [
        [0, 2],
        ['class 0', 'class 1', 'class 2'],
      ],
    ])('names the classes from the largest label (labels %j)', (labels, names) => {
      const text = labels.map((label) => `0.5,${label}\n`).join('');
      const result = parse(text);
      expect(result.dataset.classNames).toEqual(names);
      expect(result.rowsPerClass).toHaveLength(names.length);
    });

    it('counts the rows of every class, including classes with none', () => {
      const result = parse('0.5,1\n0.5,1\n0.5,4\n');
      expect(result.rowsPerClass).toEqual([0, 2, 0, 0, 1]);
    });
  });

  describe('with classNames', () => {
    it('uses them and counts rows for each, even classes absent from the file', () => {
      const result = parse(`${ROW_0}\n`, { classNames: ['normal', 'abnormal'] });
      expect(result.dataset.classNames).toEqual(['normal', 'abnormal']);
      expect(result.rowsPerClass).toEqual([1, 0]);
    });

    it('keeps its own copy of the names', () => {
      const names = ['normal', 'abnormal'];
      const result = parse(`${ROW_0}\n`, { classNames: names });
      names[0] = 'changed';
      expect(result.dataset.classNames).toEqual(['normal', 'abnormal']);
    });
  });

  describe('with a header row', () => {
    it('says the first row looks like a header, at its first text cell', async () => {
      const error = await parseError('sample1,sample2,sample3,label\n0.1,0.2,0.3,0\n');
      expect(error.message).toBe(
        'beats.csv:1:1: expected a number, found "sample1" in the first row, which looks like a ' +
          'header. Kaggle-format files have no header row; delete the first line.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 1 });
    });

    it('names the field when only the label column is titled', async () => {
      const error = await parseError('0,1,2,label\n');
      expect(error.location).toEqual({ file: FILE, line: 1, column: 4 });
    });
  });

  describe('with a header row of column numbers', () => {
    it('says the numbered first row looks like a header', async () => {
      const error = await parseError('0,1,2,3\n0.1,0.2,0.3,0\n');
      expect(error.message).toBe(
        'beats.csv:1:1: expected a row of samples and a label, found the column numbers 0 to 3 ' +
          'in the first row, which look like a header. Kaggle-format files have no header row; ' +
          'delete the first line.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 1 });
    });

    it('reads a short counting row as the valid beat it is', () => {
      expect(Array.from(parse('0,1,2\n').dataset.labels)).toEqual([2]);
    });
  });

  describe('with a ragged row', () => {
    it('reports a row with fewer fields than the first at the first missing field', async () => {
      const error = await parseError(`${ROW_0}\n0.1,0.2,0\n`);
      expect(error.message).toBe(
        'beats.csv:2:4: expected 4 fields like the first row (3 samples and a label), found 3. ' +
          'Every row must have the same number of fields; fix or remove this row.',
      );
      expect(error.location).toEqual({ file: FILE, line: 2, column: 4 });
    });

    it('reports a row with more fields than the first at the first extra field', async () => {
      const error = await parseError(`${ROW_0}\n${ROW_1}\n0.1,0.2,0.3,0.4,0\n`);
      expect(error.message).toBe(
        'beats.csv:3:5: expected 4 fields like the first row (3 samples and a label), found 5. ' +
          'Every row must have the same number of fields; fix or remove this row.',
      );
      expect(error.location).toEqual({ file: FILE, line: 3, column: 5 });
    });
  });

  describe('with a first row that does not match beatLength', () => {
    it('says how many fields were expected and found', async () => {
      const error = await parseError(`${ROW_0}\n`, { beatLength: 187 });
      expect(error.message).toBe(
        'beats.csv:1:5: expected 188 fields (187 samples and a label), found 4. ' +
          'Files loaded together must share one beat length; check the file or the beatLength ' +
          'option.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 5 });
    });
  });

  describe('with a row of a single field', () => {
    it('says a row needs samples and a label', async () => {
      const error = await parseError('0.5\n');
      expect(error.message).toBe(
        'beats.csv:1:2: expected at least 2 fields (the samples and a label), found 1. ' +
          "Each row holds one beat's samples followed by its class label, separated by commas.",
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 2 });
    });
  });

  describe('with an empty file', () => {
    it.each([
      ['no text', ''],
      ['only blank lines', '\n\r\n \n'],
    ])('reports the empty file (%s)', async (_, text) => {
      const error = await parseError(text);
      expect(error.message).toBe(
        'beats.csv: expected rows of samples and a label, found an empty file. ' +
          'Check the path, and that the file was completely downloaded or written.',
      );
      expect(error.location).toEqual({ file: FILE });
    });
  });

  describe('with a blank line between rows', () => {
    it('reports the blank line instead of skipping it', async () => {
      const error = await parseError(`${ROW_0}\n${ROW_1}\n \r\n${ROW_0}\n`);
      expect(error.message).toBe(
        'beats.csv:3: expected a row of 4 fields, found a blank line. ' +
          'Rows must not be separated by blank lines; remove the line.',
      );
      expect(error.location).toEqual({ file: FILE, line: 3 });
    });

    it('reports a blank line before the first row', async () => {
      const error = await parseError(`\n${ROW_0}\n`);
      expect(error.message).toBe(
        'beats.csv:1: expected a row of samples and a label, found a blank line. ' +
          'Rows must not be separated by blank lines; remove the line.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1 });
    });
  });

  describe('with a cell that is not a number', () => {
    it.each([['abc'], ['0x1'], ['1e'], ['0.5.1'], ['"0.5"']])(
      'reports %s with its line and field',
      async (cell) => {
        const error = await parseError(`${ROW_0}\n0.1,${cell},0.3,0\n`);
        expect(error.message).toBe(
          `beats.csv:2:2: expected a number, found ${JSON.stringify(cell)}. ` +
            'Write samples and labels as plain decimals such as 0.9003 or 9.003e-01.',
        );
        expect(error.location).toEqual({ file: FILE, line: 2, column: 2 });
      },
    );

    it('calls an empty cell an empty field, in the first row too', async () => {
      const error = await parseError('0.1,,0.3,0\n');
      expect(error.message).toBe(
        'beats.csv:1:2: expected a number, found an empty field. ' +
          'Write samples and labels as plain decimals such as 0.9003 or 9.003e-01.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 2 });
    });

    it('quotes at most 40 characters of a long cell', async () => {
      const error = await parseError(`${ROW_0}\n0.1,${'x'.repeat(50)},0.3,0\n`);
      expect(error.message).toBe(
        `beats.csv:2:2: expected a number, found "${'x'.repeat(40)}…". ` +
          'Write samples and labels as plain decimals such as 0.9003 or 9.003e-01.',
      );
    });
  });

  describe('with NaN', () => {
    it.each([['NaN'], ['nan'], ['-nan']])('reports %s as a missing sample', async (cell) => {
      const error = await parseError(`0.1,${cell},0.3,0\n`);
      expect(error.message).toBe(
        `beats.csv:1:2: expected a number, found "${cell}". ` +
          'A missing sample cannot be trained on; fill it in or remove the row.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 2 });
    });
  });

  describe('with Infinity', () => {
    it.each([['Infinity'], ['-inf'], ['1e999']])('reports %s as infinite', async (cell) => {
      const error = await parseError(`${ROW_0}\n0.1,0.2,${cell},0\n`);
      expect(error.message).toBe(
        `beats.csv:2:3: expected a finite number, found "${cell}". ` +
          'A beat cannot hold an infinite value; fix the cell or remove the row.',
      );
      expect(error.location).toEqual({ file: FILE, line: 2, column: 3 });
    });
  });

  describe('with a sample outside [0, 1]', () => {
    it.each([['1.7'], ['-0.01'], ['1.0000001']])('reports %s', async (cell) => {
      const error = await parseError(`${ROW_0}\n${ROW_1}\n0.1,0.2,${cell},0\n`);
      expect(error.message).toBe(
        `beats.csv:3:3: expected a number in [0, 1], found "${cell}". The Kaggle format scales ` +
          'each beat to [0, 1]; rescale the row or check the column order.',
      );
      expect(error.location).toEqual({ file: FILE, line: 3, column: 3 });
    });
  });

  describe('with a label that is not a class index', () => {
    it.each([['0.5'], ['-1'], ['2.0000001']])('reports %s', async (cell) => {
      const error = await parseError(`${ROW_0}\n0.1,0.2,0.3,${cell}\n`);
      expect(error.message).toBe(
        `beats.csv:2:4: expected a class label (a whole number of 0 or more) in the last field, ` +
          `found "${cell}". Labels are class indices such as 0 or 1.0; check that the last ` +
          'column is the label.',
      );
      expect(error.location).toEqual({ file: FILE, line: 2, column: 4 });
    });

    it('reports a label past the end of classNames', async () => {
      const error = await parseError(`${ROW_0}\n0.1,0.2,0.3,2.0\n`, {
        classNames: ['normal', 'abnormal'],
      });
      expect(error.message).toBe(
        'beats.csv:2:4: expected a class label from 0 to 1 (normal, abnormal), found "2.0". ' +
          'Check the label column (use 0 where a label is unknown), or pass classNames with a name ' +
          'for every label (in the API).',
      );
      expect(error.location).toEqual({ file: FILE, line: 2, column: 4 });
    });

    it('reports a label above 255 when no classNames are given', async () => {
      const error = await parseError('0.1,0.2,0.3,256\n');
      expect(error.message).toBe(
        'beats.csv:1:4: expected a class label from 0 to 255, found "256". Check that the last ' +
          'column is the label; pass classNames if there truly are more classes.',
      );
      expect(error.location).toEqual({ file: FILE, line: 1, column: 4 });
    });
  });

  describe('with malformed options', () => {
    it.each([[0], [2.5], [-187]])('rejects beatLength %p', async (beatLength) => {
      const error = await caught(() => parse(`${ROW_0}\n`, { beatLength }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        `beatLength: expected a whole number of samples, 1 or more, received ${beatLength}. ` +
          'Pass 187 for the Kaggle files, or leave it out to take it from the first row.',
      );
    });

    it('rejects an empty classNames', async () => {
      const error = await caught(() => parse(`${ROW_0}\n`, { classNames: [] }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        'classNames: expected a non-empty array of strings, received []. ' +
          "Pass one name per label, such as ['normal', 'abnormal'], or leave it out.",
      );
    });
  });
});

describe('parseKaggleCsv', () => {
  const text = generatedCsv({ rows: 40, beatLength: 187, classCount: 5, seed: 'chunks' });

  describe('with the same text cut into different chunks', () => {
    it('gives the same dataset for 1-byte, 7-byte, string and whole chunks', async () => {
      const whole = parse(text);
      const feeds = [byteChunks(text, 1), byteChunks(text, 7), stringChunks(text, 7), [text]];
      for (const chunks of feeds) {
        const result = await parseKaggleCsv(chunks, { file: FILE });
        expect(result.dataset).toEqual(whole.dataset);
        expect(result.rowsPerClass).toEqual([8, 8, 8, 8, 8]);
      }
    });

    it('decodes a character split between two byte chunks', async () => {
      const error = await caught(() =>
        parseKaggleCsv(byteChunks('amplitude µV,label\n', 1), { file: FILE }),
      );
      expect(error.message).toBe(
        'beats.csv:1:1: expected a number, found "amplitude µV" in the first row, which looks ' +
          'like a header. Kaggle-format files have no header row; delete the first line.',
      );
    });

    it('reports the same line and field whatever the chunking', async () => {
      const lines = text.split('\n');
      lines[29] = lines[29]!.replace(/^[^,]*,[^,]*/, (cells) => `${cells.split(',')[0]},7`);
      const broken = lines.join('\n');
      for (const size of [1, 7, broken.length]) {
        const error = await caught(() => parseKaggleCsv(byteChunks(broken, size), { file: FILE }));
        expect((error as DataError).location).toEqual({ file: FILE, line: 30, column: 2 });
      }
    });
  });

  describe('with no chunks', () => {
    it('reports an empty file', async () => {
      const error = await caught(() => parseKaggleCsv([], { file: FILE }));
      expect((error as DataError).location).toEqual({ file: FILE });
    });
  });
});
