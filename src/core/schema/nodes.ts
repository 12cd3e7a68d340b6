import type {
  Argument,
  ArrayExpr,
  Assignment,
  Attribute,
  CallExpr,
  Comment,
  EnumValue,
  Expr,
  Field,
  FieldType,
  IdentifierExpr,
  InvalidExpr,
  NumberExpr,
  Position,
  Range,
  StringExpr,
} from "./ast";
import { identEndAt } from "./lexer";

// Parser nodes keep offsets and build Position/Range objects only when asked. A 15,000-line
// schema has hundreds of thousands of ranges and a lint reads a handful of them; building them
// all up front made the garbage collector the slowest part of every keystroke.

/** Offsets to line/character (UTF-16), from a line-start table built on first use. */
export class LineIndex {
  private starts: Int32Array | undefined;

  constructor(
    readonly text: string,
    /** The file's path, held once here rather than on each of its blocks and fields. */
    readonly path = "",
  ) {}

  /** Takes line starts the lexer recorded while reading the whole text, saving a second scan. */
  adopt(starts: Int32Array | undefined): void {
    if (starts && !this.starts) this.starts = starts;
  }

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let count = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
    this.starts = starts;
    return starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low]! };
  }

  /** One line without its line break (a CR of CRLF included in the break). */
  lineText(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return "";
    const end = line + 1 < starts.length ? starts[line + 1]! - 1 : this.text.length;
    const text = this.text.slice(starts[line]!, end);
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** Something with a source span. */
export abstract class Spanned {
  constructor(
    protected readonly index: LineIndex,
    public start: number,
    public end: number,
  ) {}

  get range(): Range {
    return this.index.range(this.start, this.end);
  }
}

export class CommentNode extends Spanned implements Comment {
  get text(): string {
    return this.index.text.slice(this.start, this.end);
  }

  get doc(): boolean {
    return this.index.text.startsWith("///", this.start);
  }
}

export class StringNode extends Spanned implements StringExpr {
  readonly kind = "string" as const;

  constructor(index: LineIndex, start: number, end: number, readonly closed: boolean) {
    super(index, start, end);
  }

  get value(): string {
    const raw = this.index.text.slice(this.start + 1, this.closed ? this.end - 1 : this.end);
    return raw.includes("\\") ? raw.replace(/\\(.)/g, "$1") : raw;
  }
}

export class NumberNode extends Spanned implements NumberExpr {
  readonly kind = "number" as const;

  get text(): string {
    return this.index.text.slice(this.start, this.end);
  }

  get value(): number {
    return Number(this.text);
  }
}

/** `name` or a dotted path (`db.Uuid`); spaces around the dots are not part of the name. */
function pathName(text: string, start: number, end: number): string {
  const name = text.slice(start, end);
  return name.includes(".") ? name.replace(/\s+/g, "") : name;
}

export class IdentifierNode extends Spanned implements IdentifierExpr {
  readonly kind = "identifier" as const;

  constructor(
    index: LineIndex,
    start: number,
    end: number,
    private readonly nameEnd: number,
  ) {
    super(index, start, end);
  }

  get name(): string {
    return pathName(this.index.text, this.start, this.nameEnd);
  }
}

export class CallNode extends Spanned implements CallExpr {
  readonly kind = "call" as const;

  constructor(
    index: LineIndex,
    start: number,
    end: number,
    private readonly nameEnd: number,
    readonly args: Argument[],
  ) {
    super(index, start, end);
  }

  get name(): string {
    return pathName(this.index.text, this.start, this.nameEnd);
  }
}

export class ArrayNode extends Spanned implements ArrayExpr {
  readonly kind = "array" as const;

  constructor(index: LineIndex, start: number, end: number, readonly items: Expr[]) {
    super(index, start, end);
  }
}

export class InvalidNode extends Spanned implements InvalidExpr {
  readonly kind = "invalid" as const;

  get text(): string {
    return this.index.text.slice(this.start, this.end);
  }
}

export class ArgumentNode extends Spanned implements Argument {
  constructor(
    index: LineIndex,
    start: number,
    end: number,
    readonly value: Expr,
    /** End of the `name` in `name: value`; -1 for a positional argument. */
    private readonly nameEnd = -1,
  ) {
    super(index, start, end);
  }

  get name(): string | undefined {
    return this.nameEnd < 0 ? undefined : this.index.text.slice(this.start, this.nameEnd);
  }
}

/** Shared by nodes that have none; the parser replaces it, never pushes into it. */
export const NO_ARGS: Argument[] = Object.freeze([]) as unknown as Argument[];

export class AttributeNode extends Spanned implements Attribute {
  args: Argument[] = NO_ARGS;

  constructor(
    index: LineIndex,
    start: number,
    end: number,
    readonly block: boolean,
    private readonly nameEnd: number,
  ) {
    super(index, start, end);
  }

  /** `id`, `default`, `db.Uuid`: the text after `@`/`@@`. */
  get name(): string {
    return this.index.text.slice(this.start + (this.block ? 2 : 1), this.nameEnd);
  }

  get nameRange(): Range {
    return this.index.range(this.start, this.nameEnd);
  }
}

export class FieldTypeNode extends Spanned implements FieldType {
  constructor(
    index: LineIndex,
    start: number,
    end: number,
    private readonly nameEnd: number,
    readonly optional: boolean,
    readonly list: boolean,
  ) {
    super(index, start, end);
  }

  get name(): string {
    return this.index.text.slice(this.start, this.nameEnd);
  }
}

/** `optional` and `list` of a field's type, packed with its start in FieldNode.typeAt. */
export const TYPE_OPTIONAL = 1;
export const TYPE_LIST = 2;

export class FieldNode extends Spanned implements Field {
  // Slots are few: a User with a back-relation per model keeps thousands of these for the whole
  // lint, and each garbage collection meanwhile copies them. Name and type-name ends are found
  // again from their starts (each is one identifier token).
  trailingComment?: Comment;
  private attributeList: Attribute[] | undefined;
  /**
   * The type's start times 4 plus its TYPE_ flags, or -1 without a type. Its node is built when
   * read and not kept, for the same reason.
   */
  private typeAt = -1;
  typeEnd = -1;

  constructor(
    index: LineIndex,
    start: number,
    end: number,
    readonly leadingComments: Comment[],
  ) {
    super(index, start, end);
  }

  setType(start: number, end: number, flags: number): void {
    this.typeAt = start * 4 + flags;
    this.typeEnd = end;
  }

  /** Offset of the type's name; -1 without a type. */
  get typeStart(): number {
    return this.typeAt < 0 ? -1 : Math.floor(this.typeAt / 4);
  }

  /** TYPE_OPTIONAL and TYPE_LIST; 0 without a type. */
  get typeFlags(): number {
    return this.typeAt < 0 ? 0 : this.typeAt % 4;
  }

  get type(): FieldType | undefined {
    const start = this.typeStart;
    if (start < 0) return undefined;
    const flags = this.typeFlags;
    return new FieldTypeNode(this.index, start, this.typeEnd, identEndAt(this.index.text, start), (flags & TYPE_OPTIONAL) !== 0, (flags & TYPE_LIST) !== 0);
  }

  /**
   * Read on first use (see the parser's LazyFieldNode): a rule reads the attributes of a few
   * fields, while a User model with a back-relation per app model has thousands.
   */
  get attributes(): Attribute[] {
    return (this.attributeList ??= this.readAttributes());
  }

  protected readAttributes(): Attribute[] {
    return [];
  }

  // Sliced on demand: the first pass builds (and drops) a node per field of every model.
  get name(): string {
    return this.index.text.slice(this.start, identEndAt(this.index.text, this.start));
  }

  get nameRange(): Range {
    return this.index.range(this.start, identEndAt(this.index.text, this.start));
  }
}

export class AssignmentNode extends Spanned implements Assignment {
  value?: Expr;

  constructor(index: LineIndex, start: number, end: number, readonly key: string) {
    super(index, start, end);
  }

  get keyRange(): Range {
    return this.index.range(this.start, this.start + this.key.length);
  }
}

export class EnumValueNode extends Spanned implements EnumValue {
  constructor(index: LineIndex, start: number, end: number, readonly name: string) {
    super(index, start, end);
  }
}
