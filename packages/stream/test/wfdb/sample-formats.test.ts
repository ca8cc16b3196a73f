import {
  decodeSamples,
  invalidSampleValue,
  isSupportedFormat,
  sampleCapacity,
  SUPPORTED_WFDB_FORMATS,
} from '../../src/wfdb/sample-formats';
import { encodeSamples } from './wfdb-encoders';

/** Values spanning each format's range: both extremes, zero, and odd bit patterns. */
const RANGES: Record<number, [number, number]> = {
  16: [-32768, 32767],
  24: [-(2 ** 23), 2 ** 23 - 1],
  32: [-(2 ** 31), 2 ** 31 - 1],
  61: [-32768, 32767],
  80: [-128, 127],
  160: [-32768, 32767],
  212: [-2048, 2047],
  310: [-512, 511],
  311: [-512, 511],
};

function valuesFor(format: number, count: number): number[] {
  const [min, max] = RANGES[format]!;
  const fixed = [min, max, 0, -1, 1, Math.trunc(max / 3), Math.trunc(min / 5)];
  return Array.from({ length: count }, (_, i) => fixed[i % fixed.length]!);
}

describe('sample formats', () => {
  it('cover the formats the reader promises', () => {
    expect(SUPPORTED_WFDB_FORMATS).toEqual([16, 24, 32, 61, 80, 160, 212, 310, 311]);
    expect(isSupportedFormat(8)).toBe(false);
  });

  describe.each(SUPPORTED_WFDB_FORMATS)('format %i', (format) => {
    it.each([1, 2, 3, 7, 9])('round-trips %i samples through the test encoder', (count) => {
      const values = valuesFor(format, count);
      const bytes = encodeSamples(format, values);
      // Format 310 stores two trailing samples in a whole 4-byte group, room for a third.
      const room = format === 310 && count % 3 === 2 ? count + 1 : count;
      expect(sampleCapacity(format, bytes.length)).toBe(room);
      expect(Array.from(decodeSamples(format, bytes, count))).toEqual(values);
    });

    it("marks the format's most negative value as invalid", () => {
      expect(invalidSampleValue(format)).toBe(RANGES[format]![0]);
    });
  });

  describe('with bytes written by hand from the format descriptions', () => {
    it('reads format 212 as two 12-bit samples sharing the middle byte', () => {
      // 0x123 and -2 (0xffe): low bytes 0x23 and 0xfe, the middle byte 0xf1 holds both nibbles.
      expect(Array.from(decodeSamples(212, Uint8Array.of(0x23, 0xf1, 0xfe), 2))).toEqual([
        0x123, -2,
      ]);
    });

    it('reads format 310 with the third sample split over the top bits of both words', () => {
      // 1 and 2 in bits 1-10 of each word; 3 = 0b00000_00011 split as low 5 bits and high 5.
      expect(Array.from(decodeSamples(310, Uint8Array.of(0x02, 0x18, 0x04, 0x00), 3))).toEqual([
        1, 2, 3,
      ]);
    });

    it('reads format 311 as three 10-bit fields of one 32-bit word, lowest first', () => {
      // 1 | 2 << 10 | -1 << 20 (10 bits) = 0x3ff00801
      expect(Array.from(decodeSamples(311, Uint8Array.of(0x01, 0x08, 0xf0, 0x3f), 3))).toEqual([
        1, 2, -1,
      ]);
    });

    it('reads format 80 as offset binary', () => {
      expect(Array.from(decodeSamples(80, Uint8Array.of(0, 128, 255), 3))).toEqual([-128, 0, 127]);
    });

    it('reads format 61 as big-endian', () => {
      expect(Array.from(decodeSamples(61, Uint8Array.of(0x01, 0x02), 1))).toEqual([0x0102]);
    });
  });

  describe('with too few bytes', () => {
    it('throws a RangeError for callers to report', () => {
      expect(() => decodeSamples(212, Uint8Array.of(1, 2, 3), 3)).toThrow(
        new RangeError('format 212: 3 bytes hold fewer than 3 samples'),
      );
    });
  });
});
