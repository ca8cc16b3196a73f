/**
 * @module Test helpers: small WFDB encoders, written from the format descriptions, to round-trip.
 */

/** Encodes ADC values in a WFDB signal format. */
export function encodeSamples(format: number, samples: number[]): Uint8Array {
  const bytes: number[] = [];
  const put16 = (value: number) => bytes.push(value & 0xff, (value >> 8) & 0xff);
  if (format === 212) encode212(samples, bytes);
  else if (format === 310) encode310(samples, bytes);
  else if (format === 311) encode311(samples, bytes);
  else {
    for (const s of samples) {
      if (format === 16) put16(s);
      else if (format === 61) bytes.push((s >> 8) & 0xff, s & 0xff);
      else if (format === 80) bytes.push(s + 128);
      else if (format === 160) put16(s + 32768);
      else if (format === 24) bytes.push(s & 0xff, (s >> 8) & 0xff, (s >> 16) & 0xff);
      else if (format === 32)
        bytes.push(s & 0xff, (s >> 8) & 0xff, (s >> 16) & 0xff, (s >>> 24) & 0xff);
      else throw new Error(`no test encoder for format ${format}`);
    }
  }
  return Uint8Array.from(bytes);
}

function encode212(samples: number[], bytes: number[]): void {
  for (let i = 0; i < samples.length; i += 2) {
    const [a, b] = [samples[i]!, samples[i + 1]];
    const high = ((a >> 8) & 0x0f) | (b === undefined ? 0 : ((b >> 8) & 0x0f) << 4);
    bytes.push(a & 0xff, high);
    if (b !== undefined) bytes.push(b & 0xff);
  }
}

function encode310(samples: number[], bytes: number[]): void {
  for (let i = 0; i < samples.length; i += 3) {
    const [a, b, c] = [samples[i]!, samples[i + 1] ?? 0, samples[i + 2] ?? 0];
    const first = ((a & 0x3ff) << 1) | ((c & 0x1f) << 11);
    const second = ((b & 0x3ff) << 1) | (((c >> 5) & 0x1f) << 11);
    bytes.push(first & 0xff, first >> 8);
    if (i + 1 < samples.length) bytes.push(second & 0xff, second >> 8);
  }
}

function encode311(samples: number[], bytes: number[]): void {
  for (let i = 0; i < samples.length; i += 3) {
    const left = Math.min(3, samples.length - i);
    const [a, b, c] = [samples[i]!, samples[i + 1] ?? 0, samples[i + 2] ?? 0];
    const word = ((a & 0x3ff) | ((b & 0x3ff) << 10) | ((c & 0x3ff) << 20)) >>> 0;
    const all = [word & 0xff, (word >> 8) & 0xff, (word >> 16) & 0xff, word >>> 24];
    bytes.push(...all.slice(0, [0, 2, 3, 4][left]));
  }
}

/** Interleaves per-signal samples into frames, `samplesPerFrame[s]` samples of signal s each. */
export function interleave(signals: number[][], samplesPerFrame: number[]): number[] {
  const frames = signals[0]!.length / samplesPerFrame[0]!;
  const stream: number[] = [];
  for (let f = 0; f < frames; f++) {
    signals.forEach((signal, s) => {
      const spf = samplesPerFrame[s]!;
      stream.push(...signal.slice(f * spf, (f + 1) * spf));
    });
  }
  return stream;
}

/** The 16-bit checksum WFDB writes: the sum of the samples modulo 65536, as a signed number. */
export function checksum(samples: number[]): number {
  const sum = samples.reduce((total, s) => (total + s) & 0xffff, 0);
  return (sum << 16) >> 16;
}

/** One annotation to encode, with optional modifiers. */
export interface AnnotationToEncode {
  sample: number;
  code: number;
  subtype?: number;
  channel?: number;
  num?: number;
  aux?: string;
}

const SKIP = 59;
const NUM = 60;
const SUB = 61;
const CHN = 62;
const AUX = 63;

/** Encodes annotations in the MIT format, as WFDB's writer lays them out, ending with a 0 word. */
export function encodeAnnotations(annotations: AnnotationToEncode[]): Uint8Array {
  const bytes: number[] = [];
  const word = (code: number, data: number) => {
    const value = (code << 10) | (data & 0x3ff);
    bytes.push(value & 0xff, value >> 8);
  };
  let time = 0;
  let [num, channel] = [0, 0];
  for (const a of annotations) {
    let delta = a.sample - time;
    if (delta > 1023 || delta < 0) {
      word(SKIP, 0);
      const [high, low] = [(delta >>> 16) & 0xffff, delta & 0xffff];
      bytes.push(high & 0xff, high >> 8, low & 0xff, low >> 8);
      delta = 0;
    }
    word(a.code, delta);
    time = a.sample;
    if ((a.subtype ?? 0) !== 0) word(SUB, a.subtype!);
    if ((a.channel ?? channel) !== channel) word(CHN, (channel = a.channel!));
    if ((a.num ?? num) !== num) word(NUM, (num = a.num!));
    if (a.aux !== undefined) {
      word(AUX, a.aux.length);
      bytes.push(...[...a.aux].map((c) => c.charCodeAt(0)));
      if (a.aux.length % 2 === 1) bytes.push(0);
    }
  }
  word(0, 0);
  return Uint8Array.from(bytes);
}
