import { DataError } from '@edge-ecg/core';
import { parseWfdbAnnotations } from '../../src/wfdb/parse-annotations';
import { encodeAnnotations } from './wfdb-encoders';

const word = (code: number, data: number) => [
  ((code << 10) | data) & 0xff,
  ((code << 10) | data) >> 8,
];

describe('parseWfdbAnnotations', () => {
  describe('with plain annotations', () => {
    it('adds up the time differences and names each code', () => {
      const bytes = encodeAnnotations([
        { sample: 10, code: 1 },
        { sample: 370, code: 5 },
        { sample: 1000, code: 28 },
      ]);
      expect(parseWfdbAnnotations(bytes)).toEqual([
        { sample: 10, code: 1, symbol: 'N', subtype: 0, channel: 0, num: 0 },
        { sample: 370, code: 5, symbol: 'V', subtype: 0, channel: 0, num: 0 },
        { sample: 1000, code: 28, symbol: '+', subtype: 0, channel: 0, num: 0 },
      ]);
    });
  });

  describe('with SKIP words', () => {
    it('adds the 32-bit interval, high word first', () => {
      const bytes = encodeAnnotations([
        { sample: 5, code: 1 },
        { sample: 5 + 70000, code: 1 },
        { sample: 5 + 70000 + 3000000, code: 8 },
      ]);
      expect(parseWfdbAnnotations(bytes).map((a) => a.sample)).toEqual([5, 70005, 3070005]);
    });

    it('reads the interval bytes in PDP-11 order', () => {
      // SKIP with interval 0x00010002 = 65538: high word 0x0001, then low word 0x0002.
      const bytes = Uint8Array.of(...word(59, 0), 0x01, 0x00, 0x02, 0x00, ...word(1, 2), 0, 0);
      expect(parseWfdbAnnotations(bytes)[0]!.sample).toBe(65540);
    });
  });

  describe('with AUX, SUB, CHN and NUM words', () => {
    const bytes = encodeAnnotations([
      { sample: 7, code: 28, aux: '(N' },
      { sample: 100, code: 1, subtype: 3, channel: 1 },
      { sample: 200, code: 1, num: 2 },
      { sample: 300, code: 22, aux: 'odd' },
      { sample: 400, code: 1, channel: 0, subtype: -1 },
    ]);
    const annotations = parseWfdbAnnotations(bytes);

    it('attaches AUX text, padded to an even length, to its annotation', () => {
      expect(annotations.map((a) => a.aux)).toEqual(['(N', undefined, undefined, 'odd', undefined]);
      expect(annotations[1]).not.toHaveProperty('aux');
    });

    it('sets the subtype of one annotation only, signed', () => {
      expect(annotations.map((a) => a.subtype)).toEqual([0, 3, 0, 0, -1]);
    });

    it('carries the channel and annotator number forward until changed', () => {
      expect(annotations.map((a) => a.channel)).toEqual([0, 1, 1, 1, 0]);
      expect(annotations.map((a) => a.num)).toEqual([0, 0, 2, 2, 2]);
    });

    it('keeps the times right across the modifier words', () => {
      expect(annotations.map((a) => a.sample)).toEqual([7, 100, 200, 300, 400]);
    });
  });

  describe('with AUX text ending in NUL bytes', () => {
    it('drops the NULs', () => {
      const bytes = Uint8Array.of(...word(28, 1), ...word(63, 3), 0x28, 0x4e, 0, 0, 0, 0);
      expect(parseWfdbAnnotations(bytes)[0]!.aux).toBe('(N');
    });
  });

  describe('with unusual codes and endings', () => {
    it('skips the unused codes 50-58 and names codes without a mnemonic by number', () => {
      const bytes = Uint8Array.of(...word(50, 9), ...word(42, 4), ...word(1, 1));
      expect(parseWfdbAnnotations(bytes).map((a) => [a.symbol, a.sample])).toEqual([
        ['[42]', 4],
        ['N', 5],
      ]);
    });

    it('stops at the zero word and ignores what follows', () => {
      const bytes = Uint8Array.of(...word(1, 1), 0, 0, ...word(1, 1));
      expect(parseWfdbAnnotations(bytes)).toHaveLength(1);
    });

    it('reads an empty file as no annotations', () => {
      expect(parseWfdbAnnotations(new Uint8Array(0))).toEqual([]);
    });
  });

  describe('with a damaged file', () => {
    it('throws a DataError for a truncated SKIP interval', () => {
      const bytes = Uint8Array.of(...word(59, 0), 1, 0);
      expect(() => parseWfdbAnnotations(bytes, { file: '100.atr' })).toThrow(
        new DataError(
          { file: '100.atr' },
          '100.atr: expected the 4-byte interval of a SKIP word at byte 2, found the end of the ' +
            'file after 2 bytes. The file is truncated; download it again.',
        ),
      );
    });

    it('throws a DataError for truncated AUX text', () => {
      const bytes = Uint8Array.of(...word(1, 0), ...word(63, 5), 0x41);
      expect(() => parseWfdbAnnotations(bytes)).toThrow(
        'annotations.atr: expected the 5-byte text of an AUX word at byte 4, found the end of ' +
          'the file after 1 byte. The file is truncated; download it again.',
      );
    });

    it('throws a DataError for a SUB word before any annotation', () => {
      const bytes = Uint8Array.of(...word(61, 1), ...word(1, 1));
      expect(() => parseWfdbAnnotations(bytes, { file: 'x.atr' })).toThrow(
        'x.atr: expected an annotation before the SUB word at byte 0, found none. The file is ' +
          'not an MIT-format annotation file, or its start is damaged.',
      );
    });
  });
});
