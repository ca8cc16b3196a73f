/** @module Whole lines from text or UTF-8 byte chunks, whatever the chunk boundaries. */

/**
 * Splits chunks into lines without their `\n` or `\r\n`. Multi-byte characters may be split
 * between byte chunks. `end()` returns the last line when the text does not end in a newline.
 */
export class TextLines {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** Takes the next chunk; returns the lines it completes. */
  push(chunk: string | Uint8Array): string[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const parts = (this.pending + text).split('\n');
    this.pending = parts.pop()!;
    return parts.map(withoutCarriageReturn);
  }

  /** Ends the text; returns the final line, if it had no newline. */
  end(): string[] {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    return rest === '' ? [] : [withoutCarriageReturn(rest)];
  }
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
