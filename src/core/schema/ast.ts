// The tree the tolerant parser builds. Positions are zero-based lines and UTF-16 code units,
// exactly as VS Code and LSP count them, so ranges go to the editor unchanged. The parser's
// nodes compute ranges on demand from offsets (see nodes.ts): lint runs on every keystroke and
// most ranges are never read, so they are not built up front.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type BlockKind = "model" | "enum" | "datasource" | "generator" | "type" | "view";

export interface StringExpr {
  kind: "string";
  value: string;
  range: Range;
  closed: boolean;
}
export interface NumberExpr {
  kind: "number";
  value: number;
  text: string;
  range: Range;
}
export interface IdentifierExpr {
  kind: "identifier";
  name: string;
  range: Range;
}
export interface CallExpr {
  kind: "call";
  name: string;
  args: Argument[];
  range: Range;
}
export interface ArrayExpr {
  kind: "array";
  items: Expr[];
  range: Range;
}
export interface InvalidExpr {
  kind: "invalid";
  text: string;
  range: Range;
}

export type Expr = StringExpr | NumberExpr | IdentifierExpr | CallExpr | ArrayExpr | InvalidExpr;

export interface Argument {
  /** `onDelete` in `onDelete: Cascade`; undefined for positional arguments. */
  name?: string;
  value: Expr;
  range: Range;
}

export interface Attribute {
  /** Without the `@`/`@@`, with any namespace: `id`, `default`, `db.Uuid`, `unique`. */
  name: string;
  /** True for `@@block` attributes. */
  block: boolean;
  args: Argument[];
  /** From the `@` to the closing parenthesis (or the end of the name). */
  range: Range;
  nameRange: Range;
}

export interface FieldType {
  /** `String`, `DateTime`, `User`, or `Unsupported` for `Unsupported("...")`. */
  name: string;
  optional: boolean;
  list: boolean;
  range: Range;
}

export interface Comment {
  text: string;
  /** `///` documentation comment (kept by Prisma) rather than `//`. */
  doc: boolean;
  range: Range;
}

export interface Field {
  name: string;
  nameRange: Range;
  /** Missing while the user is still typing the field. */
  type?: FieldType;
  attributes: Attribute[];
  /** The whole line's content, from the name to the last attribute. */
  range: Range;
  /** `///` and `//` comments on the lines directly above. */
  leadingComments: Comment[];
  trailingComment?: Comment;
}

/** `provider = "postgresql"` inside datasource and generator blocks. */
export interface Assignment {
  key: string;
  keyRange: Range;
  value?: Expr;
  range: Range;
}

export interface EnumValue {
  name: string;
  range: Range;
}

export interface Block {
  kind: BlockKind;
  name: string;
  nameRange: Range;
  keywordRange: Range;
  /** From the keyword to the closing brace (or where the block was cut off). */
  range: Range;
  /** Position just after `{`; where new members go. */
  bodyStart?: Position;
  /** Position of the closing `}`, if there is one. */
  bodyEnd?: Position;
  closed: boolean;
  fields: Field[];
  attributes: Attribute[];
  assignments: Assignment[];
  enumValues: EnumValue[];
  leadingComments: Comment[];
  /** Every comment inside the block body, in order (suppressions live here too). */
  comments: Comment[];
  /** File the block came from, for multi-file schemas. */
  file: string;
  /** Offsets of `range` in the file's text, for cheap containment tests. */
  offsets: { start: number; end: number };
}

export interface ParseProblem {
  message: string;
  range: Range;
  file: string;
}

export interface SchemaFile {
  path: string;
  text: string;
  blocks: Block[];
  problems: ParseProblem[];
  /** Comments outside any block. */
  comments: Comment[];
  /** One line of `text` without its line break, for edits that keep indentation. */
  lineText(line: number): string;
}

/** One or several files read as one schema (Prisma's multi-file `prismaSchemaFolder`). */
export interface Schema {
  files: SchemaFile[];
  blocks: Block[];
}
