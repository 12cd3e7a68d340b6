import type { Position, Range } from "../schema/ast";

/** Offsets ↔ editor positions (0-based lines, UTF-16 characters) for one file's text. */
export class TextIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low]! };
  }

  offset(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line]! + position.character, this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** A line without its line break (and without a trailing `\r`). */
  line(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return "";
    const next = this.lineStarts[line + 1];
    const text = this.text.slice(start, next === undefined ? this.text.length : next - 1);
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  }
}
