// A single-pass lexer over Prisma schema text. Every token lies on one line (strings and
// comments stop at the line end), so a token's range is its line plus two columns; that keeps
// position tracking free and lets the parser resynchronise at any newline.

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

export interface Token {
  kind: Tok;
  /** Offsets into the text. */
  start: number;
  end: number;
  line: number;
  /** UTF-16 column of `start`; the token ends at `col + (end - start)` on the same line. */
  col: number;
  /** Strings: false when the line ended before the closing quote. */
  closed?: boolean;
}

const CH_TAB = 9, CH_LF = 10, CH_CR = 13, CH_SPACE = 32, CH_QUOTE = 34, CH_BACKSLASH = 92;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export class Lexer {
  private pos = 0;
  private line = 0;
  private lineStart = 0;
  private peeked: Token | undefined;

  constructor(readonly text: string) {}

  peek(): Token {
    if (!this.peeked) this.peeked = this.scan();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  textOf(token: Token): string {
    return this.text.slice(token.start, token.end);
  }

  private make(kind: Tok, start: number, end: number): Token {
    return { kind, start, end, line: this.line, col: start - this.lineStart };
  }

  private scan(): Token {
    const text = this.text;
    const length = text.length;
    let pos = this.pos;
    // Skip horizontal whitespace (and a stray CR of a CRLF pair).
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === CH_SPACE || c === CH_TAB || c === CH_CR || c === 0xfeff) pos++;
      else break;
    }
    if (pos >= length) {
      this.pos = pos;
      return this.make(Tok.Eof, pos, pos);
    }
    const start = pos;
    const c = text.charCodeAt(pos);
    if (c === CH_LF) {
      const token = this.make(Tok.Newline, start, start + 1);
      this.pos = start + 1;
      this.line++;
      this.lineStart = this.pos;
      return token;
    }
    if (isIdentStart(c)) {
      pos++;
      while (pos < length && isIdentPart(text.charCodeAt(pos))) pos++;
      this.pos = pos;
      return this.make(Tok.Ident, start, pos);
    }
    if (c === CH_QUOTE) {
      pos++;
      let closed = false;
      while (pos < length) {
        const d = text.charCodeAt(pos);
        if (d === CH_BACKSLASH && pos + 1 < length && text.charCodeAt(pos + 1) !== CH_LF) {
          pos += 2;
          continue;
        }
        if (d === CH_LF) break;
        pos++;
        if (d === CH_QUOTE) {
          closed = true;
          break;
        }
      }
      // A CR before the newline belongs to the line ending, not to the unclosed string.
      let end = pos;
      if (!closed && end > start + 1 && text.charCodeAt(end - 1) === CH_CR) end--;
      this.pos = pos;
      const token = this.make(Tok.String, start, end);
      token.closed = closed;
      return token;
    }
    if (isDigit(c) || (c === 45 /* - */ && isDigit(text.charCodeAt(pos + 1)))) {
      pos++;
      while (pos < length && (isDigit(text.charCodeAt(pos)) || text.charCodeAt(pos) === 46)) pos++;
      this.pos = pos;
      return this.make(Tok.Number, start, pos);
    }
    if (c === 47 /* / */ && text.charCodeAt(pos + 1) === 47) {
      pos += 2;
      while (pos < length && text.charCodeAt(pos) !== CH_LF) pos++;
      let end = pos;
      if (end > start && text.charCodeAt(end - 1) === CH_CR) end--;
      this.pos = pos;
      return this.make(Tok.Comment, start, end);
    }
    this.pos = pos + 1;
    switch (c) {
      case 123: return this.make(Tok.LBrace, start, start + 1);
      case 125: return this.make(Tok.RBrace, start, start + 1);
      case 40: return this.make(Tok.LParen, start, start + 1);
      case 41: return this.make(Tok.RParen, start, start + 1);
      case 91: return this.make(Tok.LBracket, start, start + 1);
      case 93: return this.make(Tok.RBracket, start, start + 1);
      case 44: return this.make(Tok.Comma, start, start + 1);
      case 58: return this.make(Tok.Colon, start, start + 1);
      case 61: return this.make(Tok.Equals, start, start + 1);
      case 63: return this.make(Tok.Question, start, start + 1);
      case 33: return this.make(Tok.Bang, start, start + 1);
      case 46: return this.make(Tok.Dot, start, start + 1);
      case 64:
        if (text.charCodeAt(start + 1) === 64) {
          this.pos = start + 2;
          return this.make(Tok.AtAt, start, start + 2);
        }
        return this.make(Tok.At, start, start + 1);
      default: {
        // Keep a surrogate pair together so a column never points into the middle of one.
        if (c >= 0xd800 && c <= 0xdbff && pos + 1 < length) this.pos = pos + 2;
        return this.make(Tok.Unknown, start, this.pos);
      }
    }
  }
}
