/**
 * The one place that parses JavaScript/TypeScript: `@babel/parser` (about 300 KB bundled, against
 * 3.5 MB for the `typescript` package; docs/architecture.md, "Reading the auth config", has the
 * measurements). Babel's trees carry no parent links and no text, so both are recorded here.
 */
import type { ParserPlugin } from "@babel/parser";
import type * as B from "@babel/types";
import type { SourceSpot } from "./types";

type Babel = typeof import("@babel/parser");
let babel: Babel | undefined;

/**
 * Required on the first parse, not when the extension loads: evaluating Babel's bundled code
 * measured about 10 ms of extension.js's load, which a window without a Better Auth app never needs.
 */
function parser(): Babel {
  babel ??= require("@babel/parser") as Babel;
  return babel;
}

export type { B };

/** A file that parsed. */
export interface ParsedSource {
  file: string;
  text: string;
  ast: B.File;
}

/** Where and why a file did not parse; `line`/`character` are 0-based, in UTF-16 code units. */
export interface SyntaxProblem {
  message: string;
  line: number;
  character: number;
}

export type ParseOutcome = { source: ParsedSource } | { problem: SyntaxProblem } | { failure: string };

const parents = new WeakMap<B.Node, B.Node>();
const roots = new WeakMap<B.Node, ParsedSource>();

// Babel bookkeeping, not children: walking comments or `extra` would visit non-syntax objects.
const NOT_CHILDREN = new Set(["type", "start", "end", "loc", "range", "extra", "leadingComments", "trailingComments", "innerComments", "comments", "tokens", "errors"]);

// Decorators as TypeScript reads them (NestJS modules hold auth configs too): before or after
// `export`, on parameters as well, and `accessor` fields; without the plugins Babel refuses the whole file.
const DECORATORS: ParserPlugin[] = [["decorators", {}], "decoratorAutoAccessors"];

function pluginsFor(file: string): ParserPlugin[] {
  // `.ts` is not parsed as TSX: `<T>value` assertions are legal there and JSX is not.
  if (/\.[cm]?ts$/.test(file)) return ["typescript", ...DECORATORS];
  if (file.endsWith(".tsx")) return ["typescript", "jsx", ...DECORATORS];
  return ["jsx", ...DECORATORS];
}

/**
 * Parses `text` as the module `file` is. Never throws: a syntax error (Babel stops at the first
 * one it cannot recover from) is a `problem`, anything else (a stack overflow on absurd nesting)
 * a `failure`.
 */
export function parseSource(file: string, text: string): ParseOutcome {
  let ast: B.File;
  try {
    ast = parser().parse(text, {
      sourceType: "module",
      sourceFilename: file,
      plugins: pluginsFor(file),
      errorRecovery: true,
      // Kept as nodes, so spots and ranges cover `(x)` as written (and as TypeScript's did).
      createParenthesizedExpressions: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowUndeclaredExports: true,
      allowSuperOutsideMethod: true,
      allowNewTargetOutsideFunction: true,
    });
  } catch (error) {
    const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
    if (error instanceof SyntaxError && loc && typeof loc.line === "number" && typeof loc.column === "number") {
      return { problem: { message: error.message.replace(/\s*\(\d+:\d+\)$/, "").replace(/\.$/, ""), line: loc.line - 1, character: loc.column } };
    }
    return { failure: (error as Error)?.message ?? String(error) };
  }
  const source: ParsedSource = { file, text, ast };
  roots.set(ast, source);
  // Iterative: a file nested thousands deep must not overflow the stack here either.
  const stack: B.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    forEachChild(node, (child) => {
      parents.set(child, node);
      stack.push(child);
    });
  }
  return { source };
}

function isNode(value: unknown): value is B.Node {
  return !!value && typeof value === "object" && typeof (value as { type?: unknown }).type === "string";
}

/** Calls `visit` on each direct child of `node`, in source order. */
export function forEachChild(node: B.Node, visit: (child: B.Node) => void): void {
  for (const key in node) {
    if (NOT_CHILDREN.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) visit(value);
  }
}

export function parentOf(node: B.Node): B.Node | undefined {
  return parents.get(node);
}

/** The parsed file a node belongs to. */
export function sourceOf(node: B.Node): ParsedSource | undefined {
  let current: B.Node | undefined = node;
  for (let hops = 0; current && hops < 100_000; hops++) {
    const root = roots.get(current);
    if (root) return root;
    current = parents.get(current);
  }
  return undefined;
}

/** The source text of a node. */
export function textOf(node: B.Node, source: ParsedSource | undefined = sourceOf(node)): string {
  if (!source || node.start == null || node.end == null) return "";
  return source.text.slice(node.start, node.end);
}

export function spotOfNode(node: B.Node, file: string = node.loc?.filename ?? sourceOf(node)?.file ?? ""): SourceSpot {
  const loc = node.loc!;
  // Babel's lines are 1-based, its columns 0-based UTF-16 code units: the editor's own units.
  return { file, line: loc.start.line - 1, character: loc.start.column, endLine: loc.end.line - 1, endCharacter: loc.end.column };
}

/** Type, `as`, `satisfies`, `!` and parentheses around an expression: what TypeScript erases. */
export function isWrapper(node: B.Node): node is B.ParenthesizedExpression | B.TSAsExpression | B.TSSatisfiesExpression | B.TSNonNullExpression | B.TSTypeAssertion {
  return (
    node.type === "ParenthesizedExpression" ||
    node.type === "TSAsExpression" ||
    node.type === "TSSatisfiesExpression" ||
    node.type === "TSNonNullExpression" ||
    node.type === "TSTypeAssertion"
  );
}

/** `"x"` or `` `x` `` (a template without substitutions); its text. */
export function stringLiteralText(node: B.Node): string | undefined {
  if (node.type === "StringLiteral") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function isFunctionLike(node: B.Node): node is B.Function | B.TSDeclareFunction | B.TSDeclareMethod {
  return (
    node.type === "FunctionDeclaration" ||
    node.type === "FunctionExpression" ||
    node.type === "ArrowFunctionExpression" ||
    node.type === "ObjectMethod" ||
    node.type === "ClassMethod" ||
    node.type === "ClassPrivateMethod" ||
    node.type === "TSDeclareFunction" ||
    node.type === "TSDeclareMethod"
  );
}

/**
 * Visits `root` and every node below it in source order, without recursion (a file nested
 * thousands deep must not overflow the stack); `visit` returning false skips a node's children.
 */
export function walk(root: B.Node, visit: (node: B.Node) => boolean | void): void {
  const stack: B.Node[] = [root];
  const children: B.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    children.length = 0;
    forEachChild(node, (child) => children.push(child));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
