import { ModelIoError } from '../../src/errors';
import { locateJsonError, parseJsonFile } from '../../src/io/json-position';

describe('locateJsonError', () => {
  describe('when the text is valid JSON', () => {
    it.each(['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', ' 0 ', '[]', '{}'])(
      'returns undefined for %s',
      (text) => {
        expect(locateJsonError(text)).toBeUndefined();
      },
    );
  });

  describe('when the text is invalid', () => {
    it('finds a misplaced character', () => {
      expect(locateJsonError('{"a": }')).toEqual({ offset: 6, line: 1, column: 7 });
    });

    it('counts lines and columns from 1', () => {
      expect(locateJsonError('{\n  "a": 1,\n  "b": tru\n}')).toEqual({
        offset: 22,
        line: 3,
        column: 11,
      });
    });

    it('points past the end of a truncated text', () => {
      expect(locateJsonError('{"a": [1, 2')).toEqual({ offset: 11, line: 1, column: 12 });
    });

    it('finds a trailing comma', () => {
      expect(locateJsonError('[1, 2,]')).toEqual({ offset: 6, line: 1, column: 7 });
    });

    it('finds text after the value', () => {
      expect(locateJsonError('{} x')).toEqual({ offset: 3, line: 1, column: 4 });
    });

    it('finds a leading zero', () => {
      expect(locateJsonError('[01]')).toEqual({ offset: 2, line: 1, column: 3 });
    });

    it('finds a raw control character in a string', () => {
      expect(locateJsonError('"a\tb"')).toEqual({ offset: 2, line: 1, column: 3 });
    });
  });
});

describe('parseJsonFile', () => {
  it('returns the parsed value', () => {
    expect(parseJsonFile('{"a": 1}', 'x.json')).toEqual({ a: 1 });
  });

  it('throws ModelIoError naming the file and the position', () => {
    const parse = () => parseJsonFile('{\n  "a": }', '/models/m/manifest.json');
    expect(parse).toThrow(ModelIoError);
    expect(parse).toThrow(
      '/models/m/manifest.json is not valid JSON: it goes wrong at line 2, column 8 (offset 9). ' +
        'Restore it from the same save, or save the model again.',
    );
  });
});
