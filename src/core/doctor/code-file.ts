import type { SourceSpot } from "../app-config";
import { forEachChild, isWrapper, parentOf, parseSource, stringLiteralText, textOf, walk, type B, type ParsedSource } from "../app-config/parse-source";
import type { Range } from "../schema/ast";
import { TextIndex } from "./text-index";

/** A TypeScript/JavaScript file parsed once for the rules that read syntax (middleware, auth.ts). */
export interface CodeFile {
  path: string;
  text: string;
  index: TextIndex;
  source: ParsedSource;
  program: B.Program;
  rangeOf(node: B.Node): Range;
  /** The source text of a node. */
  textOf(node: B.Node): string;
  /** The innermost node of a kind that starts exactly where a spot starts. */
  nodeAt<T extends B.Node>(spot: SourceSpot, is: (node: B.Node) => node is T): T | undefined;
}

/** The file parsed, or undefined when its text does not parse (then no rule points into it). */
export function parseCodeFile(path: string, text: string): CodeFile | undefined {
  const outcome = parseSource(path, text);
  if (!("source" in outcome)) return undefined;
  const source = outcome.source;
  const index = new TextIndex(text);
  return {
    path,
    text,
    index,
    source,
    program: source.ast.program,
    rangeOf: (node) => index.range(node.start ?? 0, node.end ?? 0),
    textOf: (node) => textOf(node, source),
    nodeAt(spot, is) {
      const offset = index.offset({ line: spot.line, character: spot.character });
      let found: B.Node | undefined;
      // Iterative: a deeply nested file must not overflow the stack.
      const stack: B.Node[] = [source.ast];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.start == null || node.end == null || node.start > offset || node.end < offset) continue;
        // Parents come off the stack before their children, so the innermost match is kept.
        if (node.start === offset && is(node)) found = node;
        forEachChild(node, (child) => stack.push(child));
      }
      return found as never;
    },
  };
}

export function spotRange(spot: SourceSpot): Range {
  return { start: { line: spot.line, character: spot.character }, end: { line: spot.endLine, character: spot.endCharacter } };
}

/** Looks through `(x)`, `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: B.Node): B.Node {
  let current = node;
  while (isWrapper(current)) current = current.expression;
  return current;
}

/** `"x"` or a template literal without substitutions. */
export type StringLiteralLike = B.StringLiteral | B.TemplateLiteral;

export function isStringLiteralLike(node: B.Node): node is StringLiteralLike {
  return stringLiteralText(node) !== undefined;
}

/** The text a string literal stands for. */
export function literalText(node: StringLiteralLike): string {
  return stringLiteralText(node) ?? "";
}

/** The initializer of a same-file `const name = …`, for `secret: secret` written through a const. */
export function constInitializer(program: B.Program, name: string): B.Node | undefined {
  let found: B.Node | undefined;
  walk(program, (node) => {
    if (found) return false;
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || node.id.name !== name) return;
    const list = parentOf(node);
    if (node.init && list?.type === "VariableDeclaration" && list.kind === "const") found = node.init;
    return false;
  });
  return found;
}
