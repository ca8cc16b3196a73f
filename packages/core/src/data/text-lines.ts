/** @module Splits streamed text chunks into lines, whatever the chunk boundaries. */

/**
 * Turns chunks of text or UTF-8 bytes into whole lines without their `\n` or `\r\n`.
 *
 * A line may span any number of chunks, and a multi-byte character may be split between two
 * byte chunks. A leading byte-order mark is dropped. After the last chunk, `end()` returns the
 * final line if the text did not end with a newline.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private atStart = true;

  /** Takes the next chunk; returns the lines it completes, in order. */
  push(chunk: string | Uint8Array): string[] {
    const text =
      typeof chunk === 'string'
        ? this.decoder.decode() + chunk
        : this.decoder.decode(chunk, { stream: true });
    return this.take(text);
  }

  /** Ends the text; returns the lines still open (none, or the final unterminated line). */
  end(): string[] {
    const lines = this.take(this.decoder.decode());
    if (this.pending.length > 0) lines.push(withoutCarriageReturn(this.pending));
    this.pending = '';
    return lines;
  }

  private take(text: string): string[] {
    const lines: string[] = [];
    let start = this.skipByteOrderMark(text);
    let newline = text.indexOf('\n', start);
    while (newline !== -1) {
      lines.push(withoutCarriageReturn(this.pending + text.slice(start, newline)));
      this.pending = '';
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.pending += text.slice(start);
    return lines;
  }

  private skipByteOrderMark(text: string): number {
    if (!this.atStart || text.length === 0) return 0;
    this.atStart = false;
    return text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  }
}

const BYTE_ORDER_MARK = 0xfeff;

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
