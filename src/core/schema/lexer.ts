// A single-pass lexer over Prisma schema text. Every token but a `/* … */` comment lies on one
// line (strings and `//` comments stop at the line end), which lets the parser resynchronise at
// any newline. Line breaks are LF, CRLF or a lone CR, as Prisma's grammar reads them.

export const enum Tok {
  Ident,
  String,
  Number,
  Comment,
  Newline,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Equals,
  Question,
  Bang,
  Dot,
  At,
  AtAt,
  Unknown,
  Eof,
}

const CH_TAB = 9, CH_LF = 10, CH_CR = 13, CH_SPACE = 32, CH_QUOTE = 34, CH_STAR = 42, CH_SLASH = 47, CH_BACKSLASH = 92;

function isLineBreak(c: number): boolean {
  return c === CH_LF || c === CH_CR;
}

/** Where the line holding `from` ends (the offset of its line break, or the text's length). */
export function lineEndAt(text: string, from: number): number {
  for (let pos = from; pos < text.length; pos++) if (isLineBreak(text.charCodeAt(pos))) return pos;
  return text.length;
}

// ASCII character classes in a table: the lexer looks at every character of every keystroke's
// schema, and a table lookup beats a chain of range comparisons.
const IDENT_START = 1;
const IDENT_PART = 2;
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  if (letter) CLASSES[c] = IDENT_START | IDENT_PART;
  else if (c >= 48 && c <= 57) CLASSES[c] = IDENT_PART;
}

function isIdentStart(c: number): boolean {
  return c > 127 || (CLASSES[c]! & IDENT_START) !== 0;
}

function isIdentPart(c: number): boolean {
  return c > 127 || (CLASSES[c]! & IDENT_PART) !== 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The lexer holds exactly one token, the lookahead, in its own fields (`kind`, `start`, `end`),
 * and `advance()` replaces it: no token objects, so lexing allocates nothing.
 */
export class Lexer {
  kind: Tok = Tok.Eof;
  start = 0;
  end = 0;
  /** Strings: false when the line ended before the closing quote. */
  closed = true;
  private pos = 0;
  /** Offsets where lines start, recorded as newlines go by (the first pass sees every one). */
  private starts: Int32Array | undefined;
  private lineCount = 0;
  /** No closing `*\/` at or after this offset: an unclosed `/*` must not rescan the rest of the text each time. */
  private noCloseFrom = Number.MAX_SAFE_INTEGER;

  constructor(
    readonly text: string,
    offset = 0,
    recordLines = false,
  ) {
    this.pos = offset;
    if (recordLines) {
      this.starts = new Int32Array(Math.max(16, text.length >> 5));
      this.lineCount = 1;
    }
    this.advance();
  }

  tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  /** True when the current token is the identifier `word`, compared without allocating. */
  isWord(word: string): boolean {
    return this.kind === Tok.Ident && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  advance(): void {
    const text = this.text;
    const length = text.length;
    let pos = this.pos;
    // Skip horizontal whitespace, and the CR of a CRLF pair (its LF is the newline token).
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === CH_SPACE || c === CH_TAB || c === 0xfeff || (c === CH_CR && text.charCodeAt(pos + 1) === CH_LF)) pos++;
      else break;
    }
    this.start = pos;
    this.closed = true;
    if (pos >= length) {
      this.set(Tok.Eof, pos);
      return;
    }
    const c = text.charCodeAt(pos);
    if (c === CH_LF || c === CH_CR) {
      if (this.starts) this.recordLine(pos + 1);
      return this.set(Tok.Newline, pos + 1);
    }
    if (isIdentStart(c)) {
      pos++;
      while (pos < length && isIdentPart(text.charCodeAt(pos))) pos++;
      return this.set(Tok.Ident, pos);
    }
    if (c === CH_QUOTE) {
      pos++;
      let closed = false;
      while (pos < length) {
        const d = text.charCodeAt(pos);
        if (d === CH_BACKSLASH && pos + 1 < length && !isLineBreak(text.charCodeAt(pos + 1))) {
          pos += 2;
          continue;
        }
        if (isLineBreak(d)) break;
        pos++;
        if (d === CH_QUOTE) {
          closed = true;
          break;
        }
      }
      this.closed = closed;
      return this.set(Tok.String, pos);
    }
    if (isDigit(c) || (c === 45 /* - */ && isDigit(text.charCodeAt(pos + 1)))) {
      pos++;
      while (pos < length && (isDigit(text.charCodeAt(pos)) || text.charCodeAt(pos) === 46)) pos++;
      return this.set(Tok.Number, pos);
    }
    if (c === CH_SLASH) {
      const next = text.charCodeAt(pos + 1);
      if (next === CH_SLASH) return this.set(Tok.Comment, lineEndAt(text, pos));
      if (next === CH_STAR) {
        const end = this.blockCommentEnd(pos);
        if (end >= 0) return this.set(Tok.Comment, end);
        // Unclosed: Prisma reports the line and reads on, so the `/` stays a stray token here too.
      }
    }
    switch (c) {
      case 123: return this.set(Tok.LBrace, pos + 1);
      case 125: return this.set(Tok.RBrace, pos + 1);
      case 40: return this.set(Tok.LParen, pos + 1);
      case 41: return this.set(Tok.RParen, pos + 1);
      case 91: return this.set(Tok.LBracket, pos + 1);
      case 93: return this.set(Tok.RBracket, pos + 1);
      case 44: return this.set(Tok.Comma, pos + 1);
      case 58: return this.set(Tok.Colon, pos + 1);
      case 61: return this.set(Tok.Equals, pos + 1);
      case 63: return this.set(Tok.Question, pos + 1);
      case 33: return this.set(Tok.Bang, pos + 1);
      case 46: return this.set(Tok.Dot, pos + 1);
      case 64: return text.charCodeAt(pos + 1) === 64 ? this.set(Tok.AtAt, pos + 2) : this.set(Tok.At, pos + 1);
      default:
        // Keep a surrogate pair together so a column never points into the middle of one.
        return this.set(Tok.Unknown, c >= 0xd800 && c <= 0xdbff && pos + 1 < length ? pos + 2 : pos + 1);
    }
  }

  /**
   * End of the `/* … *\/` comment starting at `start`, or -1 when it is never closed. Prisma 6
   * accepts these wherever a `//` comment may stand; they do not nest. Line breaks inside are
   * recorded, since no newline token will pass for them.
   */
  private blockCommentEnd(start: number): number {
    const text = this.text;
    if (start + 2 >= this.noCloseFrom) return -1;
    const close = text.indexOf("*/", start + 2);
    if (close < 0) {
      this.noCloseFrom = start + 2;
      return -1;
    }
    if (this.starts) {
      for (let pos = start + 2; pos < close; pos++) {
        const c = text.charCodeAt(pos);
        if (c === CH_LF || (c === CH_CR && text.charCodeAt(pos + 1) !== CH_LF)) this.recordLine(pos + 1);
      }
    }
    return close + 2;
  }

  private recordLine(start: number): void {
    let starts = this.starts!;
    if (this.lineCount === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      this.starts = starts = grown;
    }
    starts[this.lineCount++] = start;
  }

  /** Line starts seen so far; complete once the lexer has reached the end of the text. */
  lineStarts(): Int32Array | undefined {
    return this.starts?.subarray(0, this.lineCount);
  }

  private set(kind: Tok, end: number): void {
    this.kind = kind;
    this.end = end;
    this.pos = end;
  }
}
