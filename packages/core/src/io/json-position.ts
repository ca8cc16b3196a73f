/** @module Parses JSON files and, when they are invalid, says where the text goes wrong. */
import { ModelIoError } from '../errors';

/** Where in a text a JSON parse stopped. Line and column count from 1; offset from 0. */
export interface JsonErrorPosition {
  offset: number;
  line: number;
  column: number;
}

class JsonScanner {
  offset = 0;

  constructor(private readonly text: string) {}

  /** Scans the whole text; returns the offset of the first character that breaks JSON. */
  firstErrorOffset(): number | undefined {
    try {
      this.value();
      this.whitespace();
      return this.offset < this.text.length ? this.offset : undefined;
    } catch (error) {
      if (error instanceof StopAt) return error.offset;
      throw error;
    }
  }

  private peek(): string {
    return this.text[this.offset] ?? '';
  }

  private whitespace(): void {
    while (' \t\n\r'.includes(this.peek()) && this.offset < this.text.length) this.offset += 1;
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw new StopAt(this.offset);
    this.offset += 1;
  }

  private value(): void {
    this.whitespace();
    const char = this.peek();
    if (char === '{') return this.sequence('{', '}', () => this.member());
    if (char === '[') return this.sequence('[', ']', () => this.value());
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) if (word[0] === char) return this.word(word);
    throw new StopAt(this.offset);
  }

  private member(): void {
    this.whitespace();
    this.string();
    this.whitespace();
    this.expect(':');
    this.value();
  }

  /** An object or array: `open`, items separated by commas, `close`. */
  private sequence(open: string, close: string, item: () => void): void {
    this.expect(open);
    this.whitespace();
    if (this.peek() === close) return void (this.offset += 1);
    for (;;) {
      item();
      this.whitespace();
      if (this.peek() !== ',') return this.expect(close);
      this.offset += 1;
    }
  }

  private string(): void {
    this.expect('"');
    for (;;) {
      const char = this.peek();
      if (char === '' || char < ' ') throw new StopAt(this.offset);
      this.offset += 1;
      if (char === '"') return;
      if (char === '\\') this.escape();
    }
  }

  private escape(): void {
    const char = this.peek();
    if ('"\\/bfnrt'.includes(char) && char !== '') return void (this.offset += 1);
    this.expect('u');
    for (let i = 0; i < 4; i++) this.matchOne(/[0-9a-fA-F]/);
  }

  private number(): void {
    if (this.peek() === '-') this.offset += 1;
    if (this.peek() === '0') this.offset += 1;
    else this.digits();
    if (this.peek() === '.') {
      this.offset += 1;
      this.digits();
    }
    if (this.peek() !== 'e' && this.peek() !== 'E') return;
    this.offset += 1;
    if (this.peek() === '+' || this.peek() === '-') this.offset += 1;
    this.digits();
  }

  private digits(): void {
    this.matchOne(/[0-9]/);
    while (/[0-9]/.test(this.peek())) this.offset += 1;
  }

  private matchOne(pattern: RegExp): void {
    if (!pattern.test(this.peek())) throw new StopAt(this.offset);
    this.offset += 1;
  }

  private word(word: string): void {
    for (const char of word) this.expect(char);
  }
}

class StopAt {
  constructor(readonly offset: number) {}
}

function positionAt(text: string, offset: number): JsonErrorPosition {
  const before = text.slice(0, offset);
  return { offset, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Where `text` stops being JSON, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorPosition | undefined {
  const offset = new JsonScanner(text).firstErrorOffset();
  return offset === undefined ? undefined : positionAt(text, offset);
}

/**
 * Parses the JSON text of `file`.
 *
 * @throws {ModelIoError} naming `file` and the line and column where the JSON goes wrong.
 */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text) ?? positionAt(text, text.length);
    throw new ModelIoError(
      file,
      `${file} is not valid JSON: it goes wrong at line ${at.line}, column ${at.column} ` +
        `(offset ${at.offset}). Restore it from the same save, or save the model again.`,
      { cause: error },
    );
  }
}
