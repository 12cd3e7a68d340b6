import type {
  Argument,
  Assignment,
  Attribute,
  Block,
  BlockKind,
  Comment,
  Expr,
  Field,
  FieldType,
  ParseProblem,
  Position,
  Range,
  SchemaFile,
} from "./ast";
import { Lexer, Tok, type Token } from "./lexer";

// A tolerant recursive-descent parser. It never throws: anything it cannot read becomes a
// ParseProblem and the parser resynchronises at the next line, so a half-typed field or a
// missing `}` costs only the broken part and every other model is still linted.

const BLOCK_KINDS = new Set<string>(["model", "enum", "datasource", "generator", "type", "view"]);

function startOf(token: Token): Position {
  return { line: token.line, character: token.col };
}

function endOf(token: Token): Position {
  return { line: token.line, character: token.col + (token.end - token.start) };
}

function rangeOf(token: Token): Range {
  return { start: startOf(token), end: endOf(token) };
}

function span(from: Token, to: Token): Range {
  return { start: startOf(from), end: endOf(to) };
}

class Parser {
  private readonly lexer: Lexer;
  private readonly problems: ParseProblem[] = [];
  private readonly blocks: Block[] = [];
  private readonly topComments: Comment[] = [];
  /** Comments directly above the next declaration; a blank line detaches them. */
  private pending: Comment[] = [];
  private lastEnd: Token | undefined;

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {
    this.lexer = new Lexer(text);
  }

  parse(): SchemaFile {
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === Tok.Eof) break;
      if (this.skipTrivia(this.topComments)) continue;
      if (token.kind === Tok.Ident && BLOCK_KINDS.has(this.lexer.textOf(token))) {
        this.parseBlock();
        continue;
      }
      this.problem(`Expected a block (model, enum, datasource, generator, type or view), found '${this.lexer.textOf(token)}'.`, rangeOf(token));
      this.skipLine();
    }
    return { path: this.path, text: this.text, blocks: this.blocks, problems: this.problems, comments: this.topComments };
  }

  private problem(message: string, range: Range): void {
    this.problems.push({ message, range, file: this.path });
  }

  private comment(token: Token): Comment {
    const text = this.lexer.textOf(token);
    return { text, doc: text.startsWith("///"), range: rangeOf(token) };
  }

  /** Consumes a newline or a comment; returns false when the next token is neither. */
  private skipTrivia(sink: Comment[]): boolean {
    const token = this.lexer.peek();
    if (token.kind === Tok.Newline) {
      this.lexer.next();
      // Two newlines in a row (a blank line) detach pending comments from what follows.
      if (this.lexer.peek().kind === Tok.Newline) this.pending = [];
      return true;
    }
    if (token.kind === Tok.Comment) {
      this.lexer.next();
      const comment = this.comment(token);
      sink.push(comment);
      this.pending.push(comment);
      return true;
    }
    return false;
  }

  /** Skips to just before the next newline (or EOF), collecting a trailing comment. */
  private skipLine(): Comment | undefined {
    let trailing: Comment | undefined;
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === Tok.Newline || token.kind === Tok.Eof) return trailing;
      this.lexer.next();
      if (token.kind === Tok.Comment) trailing = this.comment(token);
    }
  }

  private parseBlock(): void {
    const keyword = this.lexer.next();
    const kind = this.lexer.textOf(keyword) as BlockKind;
    const leadingComments = this.pending;
    this.pending = [];
    const block: Block = {
      kind,
      name: "",
      nameRange: rangeOf(keyword),
      keywordRange: rangeOf(keyword),
      range: rangeOf(keyword),
      closed: false,
      fields: [],
      attributes: [],
      assignments: [],
      enumValues: [],
      leadingComments,
      comments: [],
      file: this.path,
    };
    this.blocks.push(block);
    const nameToken = this.lexer.peek();
    if (nameToken.kind === Tok.Ident) {
      this.lexer.next();
      block.name = this.lexer.textOf(nameToken);
      block.nameRange = rangeOf(nameToken);
      block.range = span(keyword, nameToken);
    } else {
      this.problem(`Expected a name after '${kind}'.`, rangeOf(keyword));
    }
    const brace = this.lexer.peek();
    if (brace.kind !== Tok.LBrace) {
      this.problem(`Expected '{' to open ${kind} ${block.name}.`.replace(/ \./, "."), nameToken.kind === Tok.Ident ? rangeOf(nameToken) : rangeOf(keyword));
      this.skipLine();
      return;
    }
    this.lexer.next();
    block.bodyStart = endOf(brace);
    this.parseBody(block);
  }

  private parseBody(block: Block): void {
    let lastToken: Token | undefined;
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === Tok.Eof) break;
      if (token.kind === Tok.RBrace) {
        this.lexer.next();
        block.closed = true;
        block.bodyEnd = startOf(token);
        block.range = { start: block.keywordRange.start, end: endOf(token) };
        this.pending = [];
        return;
      }
      if (this.skipTrivia(block.comments)) continue;
      if (this.startsNewBlock(token)) break;
      const before = this.lexer.peek();
      this.parseMember(block);
      lastToken = this.lastEnd ?? before;
      this.lastEnd = undefined;
    }
    this.problem(`${block.kind} ${block.name} is missing its closing '}'.`, block.nameRange);
    if (lastToken) block.range = { start: block.keywordRange.start, end: endOf(lastToken) };
  }

  /** `model Foo {` at the start of a line inside an unclosed block begins the next block. */
  private startsNewBlock(token: Token): boolean {
    if (token.kind !== Tok.Ident || token.col !== 0 || !BLOCK_KINDS.has(this.lexer.textOf(token))) return false;
    // Look ahead on the raw text: `keyword Name {` on the same line.
    const newline = this.text.indexOf("\n", token.end);
    const rest = this.text.slice(token.end, newline < 0 ? this.text.length : newline);
    return /^[ \t]+[^\s{}]+[ \t]*\{/.test(rest);
  }

  private parseMember(block: Block): void {
    const token = this.lexer.peek();
    const leading = this.pending;
    this.pending = [];
    if (token.kind === Tok.AtAt) {
      const attribute = this.parseAttribute();
      block.attributes.push(attribute);
      this.finishLine(block, "block attribute");
      return;
    }
    if (token.kind !== Tok.Ident) {
      this.problem(`Unexpected '${this.lexer.textOf(token)}' in ${block.kind} ${block.name}.`, rangeOf(token));
      this.skipLine();
      return;
    }
    if (block.kind === "datasource" || block.kind === "generator") {
      block.assignments.push(this.parseAssignment());
      this.finishLine(block, "setting");
      return;
    }
    if (block.kind === "enum") {
      this.lexer.next();
      block.enumValues.push({ name: this.lexer.textOf(token), range: rangeOf(token) });
      this.lastEnd = token;
      while (this.lexer.peek().kind === Tok.At) this.parseAttribute();
      this.finishLine(block, "enum value");
      return;
    }
    const field = this.parseField(leading);
    block.fields.push(field);
  }

  private finishLine(block: Block, what: string): Comment | undefined {
    const token = this.lexer.peek();
    if (token.kind === Tok.Newline || token.kind === Tok.Eof || token.kind === Tok.RBrace) return undefined;
    if (token.kind === Tok.Comment) {
      this.lexer.next();
      const comment = this.comment(token);
      block.comments.push(comment);
      return comment;
    }
    this.problem(`Unexpected '${this.lexer.textOf(token)}' after ${what}.`, rangeOf(token));
    const trailing = this.skipLine();
    if (trailing) block.comments.push(trailing);
    return trailing;
  }

  private parseAssignment(): Assignment {
    const key = this.lexer.next();
    const assignment: Assignment = { key: this.lexer.textOf(key), keyRange: rangeOf(key), range: rangeOf(key) };
    this.lastEnd = key;
    if (this.lexer.peek().kind !== Tok.Equals) {
      this.problem(`Expected '=' after '${assignment.key}'.`, rangeOf(key));
      return assignment;
    }
    const equals = this.lexer.next();
    this.lastEnd = equals;
    const value = this.parseExpr();
    if (value) {
      assignment.value = value;
      assignment.range = { start: assignment.keyRange.start, end: value.range.end };
    } else {
      this.problem(`Expected a value for '${assignment.key}'.`, rangeOf(equals));
    }
    return assignment;
  }

  private parseField(leading: Comment[]): Field {
    const nameToken = this.lexer.next();
    const field: Field = {
      name: this.lexer.textOf(nameToken),
      nameRange: rangeOf(nameToken),
      attributes: [],
      range: rangeOf(nameToken),
      leadingComments: leading,
    };
    let last = nameToken;
    const typeToken = this.lexer.peek();
    if (typeToken.kind === Tok.Ident) {
      this.lexer.next();
      last = typeToken;
      const type: FieldType = { name: this.lexer.textOf(typeToken), optional: false, list: false, range: rangeOf(typeToken) };
      // Unsupported("...") and the like: keep the call's text out of the way.
      if (this.lexer.peek().kind === Tok.LParen) {
        const args = this.parseArgs();
        last = args.last;
      }
      if (this.lexer.peek().kind === Tok.LBracket) {
        const open = this.lexer.next();
        last = open;
        if (this.lexer.peek().kind === Tok.RBracket) {
          last = this.lexer.next();
          type.list = true;
        } else {
          this.problem("Expected ']' to close the list type.", rangeOf(open));
        }
      }
      const modifier = this.lexer.peek();
      if (modifier.kind === Tok.Question || modifier.kind === Tok.Bang) {
        this.lexer.next();
        last = modifier;
        type.optional = modifier.kind === Tok.Question;
      }
      type.range = span(typeToken, last);
      field.type = type;
    } else {
      this.problem(`Field '${field.name}' has no type.`, rangeOf(nameToken));
    }
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === Tok.At || token.kind === Tok.AtAt) {
        if (token.kind === Tok.AtAt) this.problem("Block attributes ('@@') go on their own line.", rangeOf(token));
        const attribute = this.parseAttribute();
        field.attributes.push(attribute);
        last = this.lastEnd ?? last;
        continue;
      }
      if (token.kind === Tok.Comment) {
        this.lexer.next();
        field.trailingComment = this.comment(token);
        break;
      }
      if (token.kind === Tok.Newline || token.kind === Tok.Eof || token.kind === Tok.RBrace) break;
      this.problem(`Unexpected '${this.lexer.textOf(token)}' in field '${field.name}'.`, rangeOf(token));
      const trailing = this.skipLine();
      if (trailing) field.trailingComment = trailing;
      break;
    }
    field.range = span(nameToken, last);
    this.lastEnd = last;
    return field;
  }

  private parseAttribute(): Attribute {
    const at = this.lexer.next();
    const block = at.kind === Tok.AtAt;
    let nameEnd = at;
    const parts: string[] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== Tok.Ident || token.start !== nameEnd.end) break;
      this.lexer.next();
      parts.push(this.lexer.textOf(token));
      nameEnd = token;
      const dot = this.lexer.peek();
      if (dot.kind === Tok.Dot && dot.start === token.end) {
        this.lexer.next();
        nameEnd = dot;
        continue;
      }
      break;
    }
    const attribute: Attribute = { name: parts.join("."), block, args: [], range: span(at, nameEnd), nameRange: span(at, nameEnd) };
    if (parts.length === 0) this.problem(`Expected an attribute name after '${block ? "@@" : "@"}'.`, rangeOf(at));
    this.lastEnd = nameEnd;
    if (this.lexer.peek().kind === Tok.LParen) {
      const { args, last } = this.parseArgs();
      attribute.args = args;
      attribute.range = span(at, last);
      this.lastEnd = last;
    }
    return attribute;
  }

  /** Parses `( arg, name: arg, … )`; the returned `last` is the `)` or the last token read. */
  private parseArgs(): { args: Argument[]; last: Token } {
    const open = this.lexer.next();
    const args: Argument[] = [];
    let last = open;
    for (;;) {
      this.skipArgNewlines();
      const token = this.lexer.peek();
      if (token.kind === Tok.RParen) {
        return { args, last: this.lexer.next() };
      }
      if (token.kind === Tok.Comma) {
        last = this.lexer.next();
        continue;
      }
      if (token.kind === Tok.Newline || token.kind === Tok.Eof || token.kind === Tok.RBrace || token.kind === Tok.Comment) {
        this.problem("Expected ')' to close the argument list.", rangeOf(open));
        return { args, last };
      }
      let name: string | undefined;
      let nameToken: Token | undefined;
      if (token.kind === Tok.Ident) {
        // `name: value` needs one token of lookahead past the identifier.
        const ident = this.lexer.next();
        if (this.lexer.peek().kind === Tok.Colon) {
          this.lexer.next();
          name = this.lexer.textOf(ident);
          nameToken = ident;
        } else {
          const value = this.parseExprAfterIdent(ident);
          args.push({ value, range: value.range });
          last = this.lastTokenOf(value, ident);
          continue;
        }
      }
      const value = this.parseExpr();
      if (!value) {
        const bad = this.lexer.next();
        this.problem(`Unexpected '${this.lexer.textOf(bad)}' in arguments.`, rangeOf(bad));
        last = bad;
        continue;
      }
      args.push({ name, value, range: nameToken ? { start: startOf(nameToken), end: value.range.end } : value.range });
      last = this.tokenAt(value.range.end, last);
    }
  }

  /** Inside `(`/`[`, a line break is allowed unless the next line is clearly a new member. */
  private skipArgNewlines(): void {
    while (this.lexer.peek().kind === Tok.Newline) {
      const rest = this.text.slice(this.lexer.peek().end, this.lexer.peek().end + 200);
      if (/^[ \t]*(\}|@@|\/\/|[A-Za-z_]\w*[ \t]+[A-Za-z_]\w*(\W|$)|$)/.test(rest)) return;
      this.lexer.next();
    }
  }

  // Expressions keep ranges; `last` bookkeeping only needs a token ending where the expression ends.
  private tokenAt(end: Position, fallback: Token): Token {
    return { ...fallback, line: end.line, col: end.character, start: 0, end: 0 };
  }

  private lastTokenOf(value: Expr, fallback: Token): Token {
    return this.tokenAt(value.range.end, fallback);
  }

  private parseExpr(): Expr | undefined {
    const token = this.lexer.peek();
    switch (token.kind) {
      case Tok.String: {
        this.lexer.next();
        const raw = this.lexer.textOf(token);
        if (!token.closed) this.problem("Unclosed string.", rangeOf(token));
        const inner = raw.slice(1, token.closed ? -1 : undefined);
        return { kind: "string", value: inner.replace(/\\(.)/g, "$1"), range: rangeOf(token), closed: token.closed === true };
      }
      case Tok.Number: {
        this.lexer.next();
        const text = this.lexer.textOf(token);
        return { kind: "number", value: Number(text), text, range: rangeOf(token) };
      }
      case Tok.Ident:
        return this.parseExprAfterIdent(this.lexer.next());
      case Tok.LBracket: {
        const open = this.lexer.next();
        const items: Expr[] = [];
        let end = endOf(open);
        for (;;) {
          this.skipArgNewlines();
          const next = this.lexer.peek();
          if (next.kind === Tok.RBracket) {
            this.lexer.next();
            end = endOf(next);
            break;
          }
          if (next.kind === Tok.Comma) {
            this.lexer.next();
            end = endOf(next);
            continue;
          }
          const item = next.kind === Tok.RParen || next.kind === Tok.Newline || next.kind === Tok.Eof || next.kind === Tok.RBrace || next.kind === Tok.Comment ? undefined : this.parseExpr();
          if (!item) {
            this.problem("Expected ']' to close the list.", rangeOf(open));
            break;
          }
          items.push(item);
          end = item.range.end;
        }
        return { kind: "array", items, range: { start: startOf(open), end } };
      }
      default:
        return undefined;
    }
  }

  private parseExprAfterIdent(ident: Token): Expr {
    let name = this.lexer.textOf(ident);
    let end = endOf(ident);
    // Dotted paths such as `db.Uuid` inside arguments.
    while (this.lexer.peek().kind === Tok.Dot) {
      const dot = this.lexer.next();
      end = endOf(dot);
      name += ".";
      const part = this.lexer.peek();
      if (part.kind !== Tok.Ident) break;
      this.lexer.next();
      name += this.lexer.textOf(part);
      end = endOf(part);
    }
    if (this.lexer.peek().kind === Tok.LParen) {
      const { args, last } = this.parseArgs();
      return { kind: "call", name, args, range: { start: startOf(ident), end: endOf(last) } };
    }
    return { kind: "identifier", name, range: { start: startOf(ident), end } };
  }
}

export function parseSchemaText(text: string, path = "schema.prisma"): SchemaFile {
  return new Parser(path, text).parse();
}
