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

/** Single-character tokens by character code (`@@` is told from `@` by the next character). */
const PUNCTUATION = new Uint8Array(128).fill(Tok.Unknown);
PUNCTUATION[123] = Tok.LBrace;
PUNCTUATION[125] = Tok.RBrace;
PUNCTUATION[40] = Tok.LParen;
PUNCTUATION[41] = Tok.RParen;
PUNCTUATION[91] = Tok.LBracket;
PUNCTUATION[93] = Tok.RBracket;
PUNCTUATION[44] = Tok.Comma;
PUNCTUATION[58] = Tok.Colon;
PUNCTUATION[61] = Tok.Equals;
PUNCTUATION[63] = Tok.Question;
PUNCTUATION[33] = Tok.Bang;
PUNCTUATION[46] = Tok.Dot;
PUNCTUATION[64] = Tok.At;

/** End of the identifier token starting at `start`, as the lexer reads it: nodes find a name's end from its start instead of keeping it. */
export function identEndAt(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length) {
    const d = text.charCodeAt(pos);
    if (d < 128 && (CLASSES[d]! & IDENT_PART) === 0) break;
    pos++;
  }
  return pos;
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
    this.end = offset;
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
    let pos = this.end;
    // Skip horizontal whitespace, and the CR of a CRLF pair (its LF is the newline token).
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === CH_SPACE || c === CH_TAB || c === 0xfeff || (c === CH_CR && text.charCodeAt(pos + 1) === CH_LF)) pos++;
      else break;
    }
    this.start = pos;
    this.closed = true;
    // One exit that stores kind and end: a helper call per token was not inlined into this
    // function and cost a few percent of every lint.
    let kind: Tok;
    if (pos >= length) {
      kind = Tok.Eof;
    } else {
      const c = text.charCodeAt(pos);
      if (c < 128 ? (CLASSES[c]! & IDENT_START) !== 0 : true) {
        pos++;
        while (pos < length) {
          const d = text.charCodeAt(pos);
          if (d < 128 && (CLASSES[d]! & IDENT_PART) === 0) break;
          pos++;
        }
        kind = Tok.Ident;
      } else if (c === CH_LF || c === CH_CR) {
        pos++;
        if (this.starts) this.recordLine(pos);
        kind = Tok.Newline;
      } else if (c === CH_QUOTE) {
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
        kind = Tok.String;
      } else if (isDigit(c) || (c === 45 /* - */ && isDigit(text.charCodeAt(pos + 1)))) {
        pos++;
        while (pos < length && (isDigit(text.charCodeAt(pos)) || text.charCodeAt(pos) === 46)) pos++;
        kind = Tok.Number;
      } else {
        kind = Tok.Unknown;
        if (c === CH_SLASH) {
          const next = text.charCodeAt(pos + 1);
          if (next === CH_SLASH) {
            kind = Tok.Comment;
            pos = lineEndAt(text, pos);
          } else if (next === CH_STAR) {
            const end = this.blockCommentEnd(pos);
            // Unclosed: Prisma reports the line and reads on, so the `/` stays a stray token here too.
            if (end >= 0) {
              kind = Tok.Comment;
              pos = end;
            }
          }
        }
        if (kind === Tok.Unknown) {
          kind = c < 128 ? (PUNCTUATION[c] as Tok) : Tok.Unknown;
          if (kind === Tok.At && text.charCodeAt(pos + 1) === 64) {
            kind = Tok.AtAt;
            pos += 2;
          } else if (kind !== Tok.Unknown) {
            pos++;
          } else {
            // Keep a surrogate pair together so a column never points into the middle of one.
            pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < length ? 2 : 1;
          }
        }
      }
    }
    this.kind = kind;
    this.end = pos;
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
}
