/**
 * @module Decoding WFDB annotation files in the MIT format (such as MIT-BIH `.atr` files).
 *
 * The file is a sequence of little-endian 16-bit words: the top 6 bits hold a code and the low
 * 10 bits a number. Codes 1-49 are annotations, whose number is the time since the previous
 * one; codes 59-63 are modifiers that add to the time or fill in fields; a zero word ends it.
 */
import { dataProblem } from './data-problem';
import { annotationSymbol } from './annotation-codes';

/** The file name used in error messages when the caller gives none. */
export const DEFAULT_ANNOTATION_FILE = 'annotations.atr';

/** The largest code of an annotation proper; 50-58 are unused and skipped, as WFDB does. */
const LAST_ANNOTATION_CODE = 49;
const SKIP = 59;
const NUM = 60;
const SUB = 61;
const CHN = 62;
const AUX = 63;

/** One annotation. */
export interface WfdbAnnotation {
  /** The sample (frame) number the annotation marks. */
  sample: number;
  /** The annotation code (1 is a normal beat). */
  code: number;
  /** The code's mnemonic, such as `N`, `V` or `+`. */
  symbol: string;
  /** The subtype (0 unless a SUB word gives one). */
  subtype: number;
  /** The signal the annotation refers to (set by CHN words, carried forward). */
  channel: number;
  /** The annotator number (set by NUM words, carried forward). */
  num: number;
  /** The auxiliary text, such as `(N` or `(AFIB` on rhythm changes, when present. */
  aux?: string;
}

/** Options of {@link parseWfdbAnnotations}. */
export interface ParseWfdbAnnotationsOptions {
  /** The file name, for error messages. @defaultValue DEFAULT_ANNOTATION_FILE */
  file?: string;
}

/**
 * Decodes the bytes of an MIT-format annotation file.
 *
 * @throws DataError when the file ends inside a SKIP interval or an AUX string, or a SUB or
 *   AUX word comes before the first annotation.
 */
export function parseWfdbAnnotations(
  bytes: Uint8Array,
  options: ParseWfdbAnnotationsOptions = {},
): WfdbAnnotation[] {
  const reader = new AnnotationReader(bytes, options.file ?? DEFAULT_ANNOTATION_FILE);
  while (reader.step());
  return reader.annotations;
}

class AnnotationReader {
  readonly annotations: WfdbAnnotation[] = [];
  private offset = 0;
  private sample = 0;
  private num = 0;
  private channel = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {}

  /** Reads one word and what belongs to it; false at the end of the file. */
  step(): boolean {
    if (this.offset + 2 > this.bytes.length) return false;
    const word = this.word();
    if (word === 0) return false;
    const code = word >> 10;
    const data = word & 0x3ff;
    if (code <= LAST_ANNOTATION_CODE) this.annotate(code, data);
    else if (code === SKIP) this.sample += this.interval();
    else if (code === NUM) this.num = this.setOnLast('num', signExtend10(data), 'NUM', false);
    else if (code === CHN) this.channel = this.setOnLast('channel', data, 'CHN', false);
    else if (code === SUB) this.setOnLast('subtype', signExtend10(data), 'SUB', true);
    else if (code === AUX) this.setOnLast('aux', this.auxText(data), 'AUX', true);
    return true;
  }

  private annotate(code: number, interval: number): void {
    this.sample += interval;
    const { sample, channel, num } = this;
    this.annotations.push({
      sample,
      code,
      symbol: annotationSymbol(code),
      subtype: 0,
      channel,
      num,
    });
  }

  /** Sets a field of the latest annotation; `required` modifiers need one to exist. */
  private setOnLast<K extends 'num' | 'channel' | 'subtype' | 'aux'>(
    key: K,
    value: WfdbAnnotation[K] & {},
    name: string,
    required: boolean,
  ): WfdbAnnotation[K] & {} {
    const last = this.annotations[this.annotations.length - 1];
    if (last !== undefined) last[key] = value;
    else if (required) {
      throw dataProblem(
        { file: this.file },
        `an annotation before the ${name} word at byte ${this.offset - 2}`,
        'none',
        'The file is not an MIT-format annotation file, or its start is damaged.',
      );
    }
    return value;
  }

  /** A SKIP interval: a signed 32-bit number in two words, the high word first. */
  private interval(): number {
    this.need(4, 'the 4-byte interval of a SKIP word');
    const high = this.word();
    const low = this.word();
    return ((high << 16) | low) >> 0;
  }

  /** AUX text of `length` bytes, padded to an even length; trailing NUL bytes are dropped. */
  private auxText(length: number): string {
    this.need(length, `the ${length}-byte text of an AUX word`);
    const text = String.fromCharCode(...this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length + (length % 2);
    return text.replace(/\0+$/, '');
  }

  private need(byteCount: number, what: string): void {
    const left = this.bytes.length - this.offset;
    if (left >= byteCount) return;
    throw dataProblem(
      { file: this.file },
      `${what} at byte ${this.offset}`,
      `the end of the file after ${left} byte${left === 1 ? '' : 's'}`,
      'The file is truncated; download it again.',
    );
  }

  private word(): number {
    const value = this.bytes[this.offset]! | (this.bytes[this.offset + 1]! << 8);
    this.offset += 2;
    return value;
  }
}

function signExtend10(value: number): number {
  return (value << 22) >> 22;
}
