import { LineSplitter } from '../../src/data/text-lines';

function splitAll(chunks: Array<string | Uint8Array>): string[] {
  const splitter = new LineSplitter();
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('LineSplitter', () => {
  describe('with whole lines in one chunk', () => {
    it('returns each line without its LF or CRLF', () => {
      expect(splitAll(['a\nb\r\nc\n'])).toEqual(['a', 'b', 'c']);
    });

    it('returns a last line that has no newline', () => {
      expect(splitAll(['a\nb'])).toEqual(['a', 'b']);
    });

    it('returns blank lines as empty strings, but no line after a final newline', () => {
      expect(splitAll(['a\n\n\r\nb\n'])).toEqual(['a', '', '', 'b']);
    });

    it('returns nothing for no text', () => {
      expect(splitAll([])).toEqual([]);
      expect(splitAll([''])).toEqual([]);
    });
  });

  describe('with lines spanning chunks', () => {
    it('joins the pieces of a line, and a CR and LF in different chunks', () => {
      expect(splitAll(['ab', 'c\r', '\nd', '', 'e'])).toEqual(['abc', 'de']);
    });

    it('decodes a multi-byte character split between byte chunks', () => {
      const bytes = new TextEncoder().encode('µ1\n€2');
      const chunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
      expect(splitAll(chunks)).toEqual(['µ1', '€2']);
    });

    it('accepts text chunks after byte chunks', () => {
      expect(splitAll([new TextEncoder().encode('a'), 'b\nc'])).toEqual(['ab', 'c']);
    });
  });

  describe('with a byte-order mark', () => {
    it('drops it from the start of text and of bytes', () => {
      expect(splitAll(['\uFEFFa\n'])).toEqual(['a']);
      expect(splitAll([Uint8Array.of(0xef, 0xbb, 0xbf, 0x61)])).toEqual(['a']);
    });

    it('keeps one that is not at the start', () => {
      expect(splitAll(['a\n\uFEFFb'])).toEqual(['a', '\uFEFFb']);
    });
  });
});
