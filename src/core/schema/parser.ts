import type { Argument, Attribute, Block, BlockKind, Comment, Expr, Field, ParseProblem, Position, Range, SchemaFile } from "./ast";
import { Lexer, lineEndAt, Tok } from "./lexer";
import {
  ArgumentNode,
  ArrayNode,
  AssignmentNode,
  AttributeNode,
  CallNode,
  CommentNode,
  EnumValueNode,
  FieldNode,
  IdentifierNode,
  InvalidNode,
  LineIndex,
  NO_ARGS,
  NumberNode,
  StringNode,
  TYPE_LIST,
  TYPE_OPTIONAL,
} from "./nodes";

// A tolerant recursive-descent parser. It never throws: anything it cannot read becomes a
// ParseProblem and the parser resynchronises at the next line, so a half-typed field or a
// missing `}` costs only the broken part and every other model is still linted.

/**
 * Deepest `(`/`[` nesting read. Deeper input (`@default(a(a(a(…))))`, 50,000 levels) would overflow
 * the stack here and in every rule that walks arguments; Prisma's own schemas never need more than
 * a few levels.
 */
export const MAX_DEPTH = 32;

function exprStart(expr: Expr): number {
  return (expr as unknown as InvalidNode).start;
}

const BLOCK_KINDS: readonly BlockKind[] = ["model", "enum", "datasource", "generator", "type", "view"];

/** The block keyword the current token is, compared in place: slicing every line's first word would allocate on every keystroke. */
function blockKeyword(lx: Lexer): BlockKind | undefined {
  for (const kind of BLOCK_KINDS) if (lx.isWord(kind)) return kind;
  return undefined;
}

/**
 * The comments the first pass reads outside a kept node, as offsets: a node and a list of one
 * per commented model, kept for the whole lint, were most of a large schema's block headers.
 * Nodes are built on first read and shared, so a comment that both leads a block and lies
 * outside any block is one object in both lists, as before.
 */
class FirstPassComments {
  /** start, end, and 1 when the comment lies outside any block, per comment (a typed array: a growing number[] was a megabyte of copies). */
  private entries = new Int32Array(48);
  count = 0;
  private readonly nodes: (CommentNode | undefined)[] = [];
  private outside: Comment[] | undefined;
  /** Blocks' leading comment lists, by the block's start, built when first read. */
  private readonly leading = new Map<number, Comment[]>();

  constructor(private readonly index: LineIndex) {}

  add(start: number, end: number, outsideBlocks: boolean): void {
    let entries = this.entries;
    const at = 3 * this.count;
    if (at === entries.length) {
      const grown = new Int32Array(entries.length * 2);
      grown.set(entries);
      this.entries = entries = grown;
    }
    entries[at] = start;
    entries[at + 1] = end;
    entries[at + 2] = outsideBlocks ? 1 : 0;
    this.count++;
  }

  private node(i: number): CommentNode {
    return (this.nodes[i] ??= new CommentNode(this.index, this.entries[3 * i]!, this.entries[3 * i + 1]!));
  }

  /**
   * The comments from entry `from` up to the block starting at `blockStart`: recorded before the
   * block, so the range's end is where the entries pass that offset (the block stores one number).
   */
  leadingOf(from: number, blockStart: number): Comment[] {
    let to = from;
    while (to < this.count && this.entries[3 * to]! < blockStart) to++;
    if (to === from) return [];
    let list = this.leading.get(blockStart);
    if (!list) {
      list = new Array(to - from);
      for (let i = from; i < to; i++) list[i - from] = this.node(i);
      this.leading.set(blockStart, list);
    }
    return list;
  }

  /** The comments outside any block, in order. */
  outsideBlocks(): Comment[] {
    if (this.outside) return this.outside;
    const list: Comment[] = [];
    for (let i = 0; i < this.count; i++) if (this.entries[3 * i + 2] === 1) list.push(this.node(i));
    return (this.outside = list);
  }
}

/** A file's LineIndex with the first pass's comments, which its blocks read their leading comments from. */
class FileIndex extends LineIndex {
  readonly firstPassComments = new FirstPassComments(this);
}

/** What a block body holds once parsed. */
class BlockBody {
  fields: Field[] = [];
  attributes: Attribute[] = [];
  assignments: AssignmentNode[] = [];
  enumValues: EnumValueNode[] = [];
  comments: Comment[] = [];
}

/**
 * The first pass reads every block (so parse problems and block extents are complete) but keeps
 * only the header; the body's nodes are rebuilt on first access. Lint reads the bodies of a few
 * Better Auth models, so a large schema's other models never become long-lived objects.
 */
class BlockNode implements Block {
  // Slots are few: a 10,000-model schema keeps 10,000 of these for the whole lint, and each
  // garbage collection meanwhile copies them.
  /** Offsets of the name; nameStart is the block's start when it has none. */
  nameStart: number;
  nameEnd: number;
  private nameText: string | undefined;
  end: number;
  bodyStartOffset = -1;
  /** Where `}` is; -1 while the block is unclosed. */
  bodyEndOffset = -1;
  private body: BlockBody | undefined;

  constructor(
    private readonly index: FileIndex,
    readonly kind: BlockKind,
    readonly start: number,
    /** The first of the first pass's comments that lead this block (see FirstPassComments.leadingOf). */
    private readonly leadingFrom: number,
  ) {
    this.nameStart = start;
    this.nameEnd = start + kind.length;
    this.end = this.nameEnd;
  }

  /** Sliced when first read: a lint reads the names of a few models of a large schema. */
  get name(): string {
    if (this.nameStart === this.start) return "";
    return (this.nameText ??= this.index.text.slice(this.nameStart, this.nameEnd));
  }

  /** `block.name === name`, compared in the text without slicing the name. */
  nameIs(name: string): boolean {
    if (this.nameStart === this.start) return name === "";
    return this.nameEnd - this.nameStart === name.length && this.index.text.startsWith(name, this.nameStart);
  }

  get file(): string {
    return this.index.path;
  }

  get closed(): boolean {
    return this.bodyEndOffset >= 0;
  }

  get leadingComments(): Comment[] {
    return this.index.firstPassComments.leadingOf(this.leadingFrom, this.start);
  }

  get nameRange(): Range {
    return this.index.range(this.nameStart, this.nameEnd);
  }

  get offsets(): { start: number; end: number } {
    return { start: this.start, end: this.end };
  }

  /** The parsed body; a block without `{` has an empty one. */
  materialize(): BlockBody {
    if (!this.body) {
      this.body = new BlockBody();
      if (this.bodyStartOffset >= 0) new Parser(this.index, this.bodyStartOffset).parseBodyInto(this, this.body);
    }
    return this.body;
  }

  get fields(): Field[] {
    return this.materialize().fields;
  }

  get attributes(): Attribute[] {
    return this.materialize().attributes;
  }

  get assignments(): AssignmentNode[] {
    return this.materialize().assignments;
  }

  get enumValues(): EnumValueNode[] {
    return this.materialize().enumValues;
  }

  get comments(): Comment[] {
    return this.materialize().comments;
  }

  get keywordRange(): Range {
    return this.index.range(this.start, this.start + this.kind.length);
  }

  get range(): Range {
    return this.index.range(this.start, this.end);
  }

  get bodyStart(): Position | undefined {
    return this.bodyStartOffset < 0 ? undefined : this.index.position(this.bodyStartOffset);
  }

  get bodyEnd(): Position | undefined {
    return this.bodyEndOffset < 0 ? undefined : this.index.position(this.bodyEndOffset);
  }
}

/**
 * What the first pass returns for a value it read: callers only test that a value was there and
 * take its end from `valueEnd`, and nothing the first pass reads is kept.
 */
const SKIMMED = Object.freeze({ kind: "invalid", text: "", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }) as Expr;

/**
 * `list` with `item` added. A first item gets a list of its own: `[]` reserves room for 17 on its
 * first push, and a materialized model keeps one list per field, attribute and array.
 */
function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined || list.length === 0) return [item];
  list.push(item);
  return list;
}

/** A kept field whose attributes are parsed again, from where they start, when first read. */
class LazyFieldNode extends FieldNode {
  constructor(
    index: FileIndex,
    start: number,
    end: number,
    leadingComments: Comment[],
    /** Offset of the first attribute's `@`, or -1 when the field has none. */
    private readonly attributesAt: number,
  ) {
    super(index, start, end, leadingComments);
  }

  protected override readAttributes(): Attribute[] {
    if (this.attributesAt < 0) return [];
    return new Parser(this.index as FileIndex, this.attributesAt).parseFieldAttributes();
  }
}

/** Shared by the first pass's members, which it drops. */
const NO_COMMENTS: Comment[] = Object.freeze([]) as unknown as Comment[];

/** An array that keeps nothing: the first pass "stores" members here so they die young. */
function discard<T>(): T[] {
  return { push: () => 0 } as unknown as T[];
}

const SKIM: BlockBody = {
  fields: discard(),
  attributes: discard(),
  assignments: discard(),
  enumValues: discard(),
  comments: discard(),
};

/** Kept as offsets until the lexer has seen every line break; positions are computed after. */
interface PendingProblem {
  message: string;
  start: number;
  end: number;
}

/** The sink skipTrivia is given outside blocks; the first pass keeps those comments as offsets. */
const OUTSIDE_BLOCKS: Comment[] = discard();

class Parser {
  private readonly lx: Lexer;
  private readonly path: string;
  private readonly text: string;
  private readonly problems: PendingProblem[] = [];
  private readonly blocks: Block[] = [];
  /** The first pass's comments (undefined in a second pass, which keeps nodes). */
  private readonly firstPass: FirstPassComments | undefined;
  /** Comments directly above the next declaration; a blank line detaches them. Second pass. */
  private pending: Comment[] = [];
  /** The same in the first pass: its comments from this entry on. */
  private pendingFrom = 0;
  /** Offset where the last member read so far ends. */
  private lastEnd = 0;
  /** Nesting of `(` and `[`; bounded so hostile input cannot overflow the stack. */
  private depth = 0;
  /** Where the argument list parseArgs last read ends. */
  private argsEnd = 0;
  /** Where the value parseExpr (or parseExprAfterIdent, parseArray) last read ends. */
  private valueEnd = 0;
  /** Set when nesting passed MAX_DEPTH: the open argument lists and arrays close without more reports. */
  private tooDeep = false;
  /**
   * False in the first pass: its members are dropped line by line, so their attribute and
   * argument lists are not built at all (extents and problems are all it needs). Also false
   * while a kept field's attributes are passed over (LazyFieldNode reads them on first use).
   */
  private retain: boolean;

  constructor(
    private readonly index: FileIndex,
    offset = 0,
  ) {
    this.path = index.path;
    this.text = index.text;
    // Only the first pass reads the whole text, so only it can record every line start; and
    // only the second pass (one block's body) keeps what it reads.
    this.lx = new Lexer(this.text, offset, offset === 0);
    this.retain = offset !== 0;
    this.firstPass = offset === 0 ? index.firstPassComments : undefined;
  }

  /** A field's attributes, from the `@` of the first; their problems were reported by the first pass. */
  parseFieldAttributes(): Attribute[] {
    const lx = this.lx;
    let attributes: Attribute[] | undefined;
    while (lx.kind === Tok.At || lx.kind === Tok.AtAt) attributes = append(attributes, this.parseAttribute()!);
    return attributes ?? [];
  }

  /** Second pass over one block's body; its problems were already reported by the first. */
  parseBodyInto(block: BlockNode, body: BlockBody): void {
    this.parseBody(block, body);
  }

  parse(): SchemaFile {
    const lx = this.lx;
    while (lx.kind !== Tok.Eof) {
      if (this.skipTrivia(OUTSIDE_BLOCKS)) continue;
      const kind = lx.kind === Tok.Ident ? blockKeyword(lx) : undefined;
      if (kind) {
        this.parseBlock(kind);
        continue;
      }
      this.problem(`Expected a block (model, enum, datasource, generator, type or view), found '${lx.tokenText()}'.`, lx.start, lx.end);
      this.skipLine();
    }
    const index = this.index;
    index.adopt(lx.lineStarts());
    const problems: ParseProblem[] = this.problems.map(({ message, start, end }) => ({ message, range: index.range(start, end), file: this.path }));
    const comments = this.firstPass!;
    return {
      path: this.path,
      text: this.text,
      blocks: this.blocks,
      problems,
      get comments() {
        return comments.outsideBlocks();
      },
      lineText: (line) => index.lineText(line),
    };
  }

  private problem(message: string, start: number, end: number): void {
    this.problems.push({ message, start, end });
  }

  private comment(): Comment {
    const node = new CommentNode(this.index, this.lx.start, this.lx.end);
    this.lx.advance();
    return node;
  }

  /** Consumes a newline or a comment; returns false when the current token is neither. */
  private skipTrivia(sink: Comment[]): boolean {
    const lx = this.lx;
    if (lx.kind === Tok.Newline) {
      lx.advance();
      // Two newlines in a row (a blank line) detach pending comments from what follows.
      if (lx.kind === Tok.Newline) this.dropPending();
      return true;
    }
    const firstPass = this.firstPass;
    if (lx.kind === Tok.Comment && firstPass) {
      firstPass.add(lx.start, lx.end, sink === OUTSIDE_BLOCKS);
      lx.advance();
      return true;
    }
    if (lx.kind === Tok.Comment) {
      const comment = this.comment();
      sink.push(comment);
      // Never push into an empty list: takePending hands that list out without replacing it,
      // so a push would add this comment to a field or block above it. A list of one is also
      // smaller than a grown one, and a large schema keeps one per commented block.
      if (this.pending.length) this.pending.push(comment);
      else this.pending = [comment];
      return true;
    }
    return false;
  }

  /** Skips to just before the next newline (or EOF), returning a trailing comment if any. */
  private skipLine(): Comment | undefined {
    const lx = this.lx;
    let trailing: Comment | undefined;
    while (lx.kind !== Tok.Newline && lx.kind !== Tok.Eof) {
      if (lx.kind === Tok.Comment) trailing = this.comment();
      else lx.advance();
    }
    return trailing;
  }

  private dropPending(): void {
    if (this.firstPass) this.pendingFrom = this.firstPass.count;
    else if (this.pending.length) this.pending = [];
  }

  /** A member's leading comments; the first pass keeps none (its members are dropped). */
  private takePending(): Comment[] {
    if (this.firstPass) {
      this.pendingFrom = this.firstPass.count;
      return NO_COMMENTS;
    }
    const pending = this.pending;
    if (pending.length) this.pending = [];
    return pending;
  }

  private parseBlock(kind: BlockKind): void {
    const lx = this.lx;
    const block = new BlockNode(this.index, kind, lx.start, this.pendingFrom);
    this.pendingFrom = this.firstPass!.count;
    this.blocks.push(block);
    lx.advance();
    if (lx.kind === Tok.Ident) {
      block.nameStart = lx.start;
      block.nameEnd = block.end = lx.end;
      lx.advance();
    } else {
      this.problem(`Expected a name after '${kind}'.`, block.start, block.start + kind.length);
    }
    if (lx.kind !== Tok.LBrace) {
      this.problem(`Expected '{' to open ${kind}${block.name ? ` ${block.name}` : ""}.`, block.nameStart, block.nameEnd);
      this.skipLine();
      return;
    }
    block.bodyStartOffset = lx.end;
    lx.advance();
    this.parseBody(block, SKIM);
  }

  private parseBody(block: BlockNode, body: BlockBody): void {
    const lx = this.lx;
    let sawMember = false;
    while (lx.kind !== Tok.Eof) {
      if (lx.kind === Tok.RBrace) {
        block.bodyEndOffset = lx.start;
        block.end = lx.end;
        lx.advance();
        this.dropPending();
        return;
      }
      if (this.skipTrivia(body.comments)) continue;
      if (this.startsNewBlock()) break;
      this.parseMember(block, body);
      sawMember = true;
    }
    this.problem(`${block.kind} ${block.name} is missing its closing '}'.`, block.nameStart, block.nameEnd);
    if (sawMember) block.end = this.lastEnd;
  }

  /** `model Foo {` at the start of a line inside an unclosed block begins the next block. */
  private startsNewBlock(): boolean {
    const lx = this.lx;
    if (lx.kind !== Tok.Ident || !this.atLineStart(lx.start) || !blockKeyword(lx)) return false;
    const rest = this.text.slice(lx.end, lineEndAt(this.text, lx.end));
    return /^[ \t]+[^\s{}]+[ \t]*\{/.test(rest);
  }

  private atLineStart(offset: number): boolean {
    const before = offset > 0 ? this.text.charCodeAt(offset - 1) : 10;
    return before === 10 || before === 13;
  }

  private parseMember(block: BlockNode, body: BlockBody): void {
    const lx = this.lx;
    const leading = this.takePending();
    if (lx.kind === Tok.AtAt) {
      const attribute = this.parseAttribute();
      if (attribute) body.attributes.push(attribute);
      this.finishLine(body, "block attribute");
      return;
    }
    if (lx.kind !== Tok.Ident) {
      this.problem(`Unexpected '${lx.tokenText()}' in ${block.kind} ${block.name}.`, lx.start, lx.end);
      this.skipLine();
      return;
    }
    if (block.kind === "datasource" || block.kind === "generator") {
      body.assignments.push(this.parseAssignment());
      this.finishLine(body, "setting");
      return;
    }
    if (block.kind === "enum") {
      body.enumValues.push(new EnumValueNode(this.index, lx.start, lx.end, lx.tokenText()));
      this.lastEnd = lx.end;
      lx.advance();
      while ((lx.kind as Tok) === Tok.At) this.parseAttribute();
      this.finishLine(block, "enum value");
      return;
    }
    const field = this.parseField(leading);
    if (field) body.fields.push(field);
  }

  private finishLine(body: BlockBody, what: string): void {
    const lx = this.lx;
    if (lx.kind === Tok.Newline || lx.kind === Tok.Eof || lx.kind === Tok.RBrace) return;
    if (lx.kind === Tok.Comment) {
      body.comments.push(this.comment());
      return;
    }
    this.problem(`Unexpected '${lx.tokenText()}' after ${what}.`, lx.start, lx.end);
    const trailing = this.skipLine();
    if (trailing) body.comments.push(trailing);
  }

  private parseAssignment(): AssignmentNode {
    const lx = this.lx;
    const assignment = new AssignmentNode(this.index, lx.start, lx.end, lx.tokenText());
    this.lastEnd = lx.end;
    lx.advance();
    if (lx.kind !== Tok.Equals) {
      this.problem(`Expected '=' after '${assignment.key}'.`, assignment.start, assignment.end);
      return assignment;
    }
    const equalsStart = lx.start;
    this.lastEnd = lx.end;
    lx.advance();
    const value = this.parseExpr();
    if (value) {
      assignment.value = value;
      assignment.end = this.lastEnd = this.valueEnd;
    } else {
      this.problem(`Expected a value for '${assignment.key}'.`, equalsStart, equalsStart + 1);
    }
    return assignment;
  }

  /**
   * Reads one field line. The first pass builds no nodes (undefined is returned): offsets in
   * locals are all it needs, and a node per field, type and attribute of every model was most of
   * the garbage a large schema's lint made.
   */
  private parseField(leading: Comment[]): Field | undefined {
    const lx = this.lx;
    const retain = this.retain;
    const start = lx.start;
    const nameEnd = lx.end;
    let end = nameEnd;
    let typeStart = -1;
    let typeEnd = -1;
    let typeFlags = 0;
    let trailingComment: Comment | undefined;
    lx.advance();
    if (lx.kind === Tok.Ident) {
      typeStart = lx.start;
      typeEnd = lx.end;
      lx.advance();
      // Unsupported("...") and the like: the arguments are read and dropped.
      if ((lx.kind as Tok) === Tok.LParen) {
        this.parseArgs();
        typeEnd = this.argsEnd;
      }
      if ((lx.kind as Tok) === Tok.LBracket) {
        const open = lx.start;
        typeEnd = lx.end;
        lx.advance();
        if ((lx.kind as Tok) === Tok.RBracket) {
          typeEnd = lx.end;
          typeFlags |= TYPE_LIST;
          lx.advance();
        } else {
          this.problem("Expected ']' to close the list type.", open, open + 1);
        }
      }
      if ((lx.kind as Tok) === Tok.Question || (lx.kind as Tok) === Tok.Bang) {
        if ((lx.kind as Tok) === Tok.Question) typeFlags |= TYPE_OPTIONAL;
        typeEnd = lx.end;
        lx.advance();
      }
      end = typeEnd;
    } else {
      this.problem(`Field '${this.text.slice(start, nameEnd)}' has no type.`, start, end);
    }
    // Attributes are read past here without nodes; LazyFieldNode reads them again on first use.
    const attributesAt = lx.kind === Tok.At || lx.kind === Tok.AtAt ? lx.start : -1;
    this.retain = false;
    for (;;) {
      const kind = lx.kind as Tok;
      if (kind === Tok.At || kind === Tok.AtAt) {
        if (kind === Tok.AtAt) this.problem("Block attributes ('@@') go on their own line.", lx.start, lx.end);
        this.parseAttribute();
        end = this.lastEnd;
        continue;
      }
      if (kind === Tok.Comment) {
        // `/* a */ // b`: every comment up to the line break trails this field, none leads the next.
        do {
          if (retain) trailingComment = this.comment();
          else lx.advance();
        } while ((lx.kind as Tok) === Tok.Comment);
        break;
      }
      if (kind === Tok.Newline || kind === Tok.Eof || kind === Tok.RBrace) break;
      this.problem(`Unexpected '${lx.tokenText()}' in field '${this.text.slice(start, nameEnd)}'.`, lx.start, lx.end);
      const trailing = this.skipLine();
      if (trailing) trailingComment = trailing;
      break;
    }
    this.retain = retain;
    this.lastEnd = end;
    if (!retain) return undefined;
    const field = new LazyFieldNode(this.index, start, end, leading, attributesAt);
    if (typeStart >= 0) field.setType(typeStart, typeEnd, typeFlags);
    field.trailingComment = trailingComment;
    return field;
  }

  /** Reads `@name(…)` or `@@name(…)`, leaving its end in `lastEnd`; the first pass builds no node. */
  private parseAttribute(): AttributeNode | undefined {
    const lx = this.lx;
    const start = lx.start;
    const block = lx.kind === Tok.AtAt;
    let nameEnd = lx.end;
    lx.advance();
    // Names are `id`, `default`, or namespaced `db.Uuid`, with no spaces in between.
    while (lx.kind === Tok.Ident && lx.start === nameEnd) {
      nameEnd = lx.end;
      lx.advance();
      if ((lx.kind as Tok) === Tok.Dot && lx.start === nameEnd) {
        nameEnd = lx.end;
        lx.advance();
        continue;
      }
      break;
    }
    if (nameEnd === start + (block ? 2 : 1)) this.problem(`Expected an attribute name after '${block ? "@@" : "@"}'.`, start, nameEnd);
    let end = nameEnd;
    let args = NO_ARGS;
    if (lx.kind === Tok.LParen) {
      args = this.parseArgs();
      end = this.argsEnd;
    }
    this.lastEnd = end;
    if (!this.retain) return undefined;
    const attribute = new AttributeNode(this.index, start, end, block, nameEnd);
    attribute.args = args;
    return attribute;
  }

  /**
   * Parses `( arg, name: arg, … )` and returns the arguments; where they end (after the `)` or
   * the last token read) is left in `argsEnd`, so no result object is built per call.
   */
  private parseArgs(): Argument[] {
    if (this.depth >= MAX_DEPTH) {
      this.nestedTooDeep();
      return NO_ARGS;
    }
    this.depth++;
    try {
      return this.parseArgsInner();
    } finally {
      if (--this.depth === 0) this.tooDeep = false;
    }
  }

  /** One report for the whole nest; the rest of the line is skipped, the lists around it close quietly. */
  private nestedTooDeep(): void {
    const lx = this.lx;
    this.problem(`Arguments nested deeper than ${MAX_DEPTH} levels; the rest of the line is not read.`, lx.start, lx.end);
    this.tooDeep = true;
    this.argsEnd = lx.start;
    this.skipLine();
  }

  private parseArgsInner(): Argument[] {
    const lx = this.lx;
    const open = lx.start;
    let end = lx.end;
    lx.advance();
    // Most calls (`now()`, `uuid()`, `@id`) have no arguments: share one empty list for them.
    let args: Argument[] = NO_ARGS;
    for (;;) {
      if (this.tooDeep) {
        this.argsEnd = end;
        return args;
      }
      this.skipArgNewlines();
      const kind = lx.kind as Tok;
      if (kind === Tok.RParen) {
        end = lx.end;
        lx.advance();
        this.argsEnd = end;
        return args;
      }
      if (kind === Tok.Comma) {
        end = lx.end;
        lx.advance();
        continue;
      }
      if (kind === Tok.Newline || kind === Tok.Eof || kind === Tok.RBrace || kind === Tok.Comment) {
        this.problem("Expected ')' to close the argument list.", open, open + 1);
        this.argsEnd = end;
        return args;
      }
      if (kind === Tok.Ident) {
        // `name: value` or a value that starts with an identifier.
        const identStart = lx.start;
        const identEnd = lx.end;
        lx.advance();
        if ((lx.kind as Tok) === Tok.Colon) {
          lx.advance();
          const value = this.parseExpr();
          if (!value) {
            this.problem(`Expected a value for '${this.text.slice(identStart, identEnd)}'.`, identStart, identEnd);
            continue;
          }
          end = this.valueEnd;
          if (this.retain) args = append(args, new ArgumentNode(this.index, identStart, end, value, identEnd));
          continue;
        }
        const value = this.parseExprAfterIdent(identStart, identEnd);
        end = this.valueEnd;
        if (this.retain) args = append(args, new ArgumentNode(this.index, identStart, end, value));
        continue;
      }
      const value = this.parseExpr();
      if (!value) {
        this.problem(`Unexpected '${lx.tokenText()}' in arguments.`, lx.start, lx.end);
        end = lx.end;
        lx.advance();
        continue;
      }
      end = this.valueEnd;
      if (this.retain) args = append(args, new ArgumentNode(this.index, exprStart(value), end, value));
    }
  }

  /** Inside `(`/`[`, a line break is allowed unless the next line is clearly a new member. */
  private skipArgNewlines(): void {
    const lx = this.lx;
    while (lx.kind === Tok.Newline) {
      const rest = this.text.slice(lx.end, lx.end + 200);
      if (/^[ \t]*(\}|@@|\/[/*]|[A-Za-z_]\w*[ \t]+[A-Za-z_]\w*(\W|$)|$)/.test(rest)) return;
      lx.advance();
    }
  }

  /** Reads one value, leaving its end in `valueEnd`; undefined when no value starts here. */
  private parseExpr(): Expr | undefined {
    const lx = this.lx;
    const kind = lx.kind;
    if (this.depth >= MAX_DEPTH && kind === Tok.LBracket) {
      const bad = this.retain ? new InvalidNode(this.index, lx.start, lx.end) : SKIMMED;
      this.valueEnd = lx.end;
      this.nestedTooDeep();
      return bad;
    }
    switch (kind) {
      case Tok.String: {
        const node = this.retain ? new StringNode(this.index, lx.start, lx.end, lx.closed) : SKIMMED;
        if (!lx.closed) this.problem("Unclosed string.", lx.start, lx.end);
        this.valueEnd = lx.end;
        lx.advance();
        return node;
      }
      case Tok.Number: {
        const node = this.retain ? new NumberNode(this.index, lx.start, lx.end) : SKIMMED;
        this.valueEnd = lx.end;
        lx.advance();
        return node;
      }
      case Tok.Ident: {
        const start = lx.start;
        const end = lx.end;
        lx.advance();
        return this.parseExprAfterIdent(start, end);
      }
      case Tok.LBracket:
        return this.parseArray();
      default:
        return undefined;
    }
  }

  private parseArray(): Expr {
    const lx = this.lx;
    const open = lx.start;
    let end = lx.end;
    lx.advance();
    this.depth++;
    let items: Expr[] | undefined;
    for (;;) {
      if (this.tooDeep) break;
      this.skipArgNewlines();
      const kind = lx.kind as Tok;
      if (kind === Tok.RBracket) {
        end = lx.end;
        lx.advance();
        break;
      }
      if (kind === Tok.Comma) {
        end = lx.end;
        lx.advance();
        continue;
      }
      const stop = kind === Tok.RParen || kind === Tok.Newline || kind === Tok.Eof || kind === Tok.RBrace || kind === Tok.Comment;
      const item = stop ? undefined : this.parseExpr();
      if (!item) {
        this.problem("Expected ']' to close the list.", open, open + 1);
        break;
      }
      if (this.retain) items = append(items, item);
      end = this.valueEnd;
    }
    if (--this.depth === 0) this.tooDeep = false;
    this.valueEnd = end;
    return this.retain ? new ArrayNode(this.index, open, end, items ?? []) : SKIMMED;
  }

  private parseExprAfterIdent(start: number, identEnd: number): Expr {
    const lx = this.lx;
    let end = identEnd;
    // Dotted paths such as `db.Uuid` inside arguments.
    while (lx.kind === Tok.Dot) {
      end = lx.end;
      lx.advance();
      if ((lx.kind as Tok) !== Tok.Ident) break;
      end = lx.end;
      lx.advance();
    }
    if (lx.kind === Tok.LParen) {
      const args = this.parseArgs();
      this.valueEnd = this.argsEnd;
      return this.retain ? new CallNode(this.index, start, this.argsEnd, end, args) : SKIMMED;
    }
    this.valueEnd = end;
    return this.retain ? new IdentifierNode(this.index, start, end, end) : SKIMMED;
  }
}

export function parseSchemaText(text: string, path = "schema.prisma"): SchemaFile {
  return new Parser(new FileIndex(text, path)).parse();
}
