/**
 * @module Decoders of WFDB signal-file formats: the byte layouts of the sample stream.
 *
 * A signal file holds one stream of samples, frame after frame; these functions turn bytes of
 * that stream into ADC values and know nothing of signals or frames.
 */

/** A storage format: how many samples fit in a byte length, and how to decode them. */
interface SampleFormat {
  /** Whole samples held by `byteLength` bytes of the stream. */
  capacity(byteLength: number): number;
  /** Writes `into.length` samples decoded from `bytes` into `into`. */
  decode(bytes: Uint8Array, into: Int32Array): void;
  /** The value that marks a missing sample: the format's most negative value. */
  invalidValue: number;
}

const FORMATS: Record<number, SampleFormat> = {
  16: fixedWidth(2, (b, i) => signExtend(b[i]! | (b[i + 1]! << 8), 16), -(2 ** 15)),
  24: fixedWidth(
    3,
    (b, i) => signExtend(b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16), 24),
    -(2 ** 23),
  ),
  32: fixedWidth(
    4,
    (b, i) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24),
    -(2 ** 31),
  ),
  61: fixedWidth(2, (b, i) => signExtend((b[i]! << 8) | b[i + 1]!, 16), -(2 ** 15)),
  80: fixedWidth(1, (b, i) => b[i]! - 128, -128),
  160: fixedWidth(2, (b, i) => (b[i]! | (b[i + 1]! << 8)) - 32768, -(2 ** 15)),
  212: packed(3, [2], decode212, -(2 ** 11)),
  310: packed(4, [2, 4], decode310, -(2 ** 9)),
  311: packed(4, [2, 3], decode311, -(2 ** 9)),
};

/** The format numbers this reader decodes, in ascending order. */
export const SUPPORTED_WFDB_FORMATS: readonly number[] = Object.keys(FORMATS).map(Number);

/** Whether `format` is one this reader decodes. */
export function isSupportedFormat(format: number): boolean {
  return Object.hasOwn(FORMATS, format);
}

/** The number of whole samples in `byteLength` bytes of a `format` stream. */
export function sampleCapacity(format: number, byteLength: number): number {
  return formatOf(format).capacity(Math.max(0, byteLength));
}

/** The ADC value that marks a missing sample in `format`. */
export function invalidSampleValue(format: number): number {
  return formatOf(format).invalidValue;
}

/**
 * Decodes the first `count` samples of a `format` stream.
 *
 * @throws RangeError when the format is not supported or the bytes hold fewer samples; callers
 *   check both first and report them with the file's name.
 */
export function decodeSamples(format: number, bytes: Uint8Array, count: number): Int32Array {
  const decoder = formatOf(format);
  if (decoder.capacity(bytes.length) < count) {
    throw new RangeError(
      `format ${format}: ${bytes.length} bytes hold fewer than ${count} samples`,
    );
  }
  const samples = new Int32Array(count);
  decoder.decode(bytes, samples);
  return samples;
}

function formatOf(format: number): SampleFormat {
  const decoder = FORMATS[format];
  if (decoder === undefined) throw new RangeError(`WFDB format ${format} is not supported`);
  return decoder;
}

function signExtend(value: number, bits: number): number {
  const shift = 32 - bits;
  return (value << shift) >> shift;
}

function fixedWidth(
  width: number,
  read: (bytes: Uint8Array, at: number) => number,
  invalidValue: number,
): SampleFormat {
  return {
    capacity: (byteLength) => Math.floor(byteLength / width),
    decode(bytes, into) {
      for (let i = 0; i < into.length; i++) into[i] = read(bytes, i * width);
    },
    invalidValue,
  };
}

/**
 * A format that packs a group of samples into `groupBytes` bytes. `partialBytes[k]` is the
 * number of bytes a final, incomplete group needs to hold its first `k + 1` samples.
 */
function packed(
  groupBytes: number,
  partialBytes: number[],
  decodeGroup: (bytes: Uint8Array, at: number, group: number[]) => void,
  invalidValue: number,
): SampleFormat {
  const groupSamples = partialBytes.length + 1;
  return {
    capacity(byteLength) {
      const rest = byteLength % groupBytes;
      const partial = partialBytes.filter((needed) => needed <= rest).length;
      return Math.floor(byteLength / groupBytes) * groupSamples + partial;
    },
    decode(bytes, into) {
      const group = new Array<number>(groupSamples).fill(0);
      const padded = withPadding(bytes, groupBytes);
      for (let i = 0; i < into.length; i += groupSamples) {
        decodeGroup(padded, (i / groupSamples) * groupBytes, group);
        for (let k = 0; k < groupSamples && i + k < into.length; k++) into[i + k] = group[k]!;
      }
    },
    invalidValue,
  };
}

/** The bytes with zeros appended to a whole number of groups, so a partial group can be read. */
function withPadding(bytes: Uint8Array, groupBytes: number): Uint8Array {
  const rest = bytes.length % groupBytes;
  if (rest === 0) return bytes;
  const padded = new Uint8Array(bytes.length + groupBytes - rest);
  padded.set(bytes);
  return padded;
}

/** Two 12-bit samples in 3 bytes; the middle byte holds the high nibble of each. */
function decode212(b: Uint8Array, at: number, group: number[]): void {
  const middle = b[at + 1]!;
  group[0] = signExtend(b[at]! | ((middle & 0x0f) << 8), 12);
  group[1] = signExtend(b[at + 2]! | ((middle & 0xf0) << 4), 12);
}

/**
 * Three 10-bit samples in two little-endian 16-bit words: bits 1-10 of each word hold the
 * first and second samples, and the top 5 bits of the words hold the low and high halves of
 * the third.
 */
function decode310(b: Uint8Array, at: number, group: number[]): void {
  const first = b[at]! | (b[at + 1]! << 8);
  const second = b[at + 2]! | (b[at + 3]! << 8);
  group[0] = signExtend((first >> 1) & 0x3ff, 10);
  group[1] = signExtend((second >> 1) & 0x3ff, 10);
  group[2] = signExtend((first >> 11) | ((second >> 11) << 5), 10);
}

/** Three 10-bit samples in one little-endian 32-bit word, lowest bits first. */
function decode311(b: Uint8Array, at: number, group: number[]): void {
  const word = (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  group[0] = signExtend(word & 0x3ff, 10);
  group[1] = signExtend((word >>> 10) & 0x3ff, 10);
  group[2] = signExtend((word >>> 20) & 0x3ff, 10);
}
