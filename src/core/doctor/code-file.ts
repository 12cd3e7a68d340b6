import type * as TS from "typescript";
import type { SourceSpot } from "../app-config";
import { parseSource, ts } from "../app-config/typescript-parser";
import type { Range } from "../schema/ast";
import { TextIndex } from "./text-index";

/** A TypeScript/JavaScript file parsed once for the rules that read syntax (middleware, auth.ts). */
export interface CodeFile {
  path: string;
  text: string;
  index: TextIndex;
  source: TS.SourceFile;
  rangeOf(node: TS.Node): Range;
  /** The innermost node of a kind that starts exactly where a spot starts. */
  nodeAt<T extends TS.Node>(spot: SourceSpot, is: (node: TS.Node) => node is T): T | undefined;
}

export function parseCodeFile(path: string, text: string): CodeFile {
  const source = parseSource(path, text);
  const index = new TextIndex(text);
  return {
    path,
    text,
    index,
    source,
    rangeOf: (node) => index.range(node.getStart(source), node.end),
    nodeAt(spot, is) {
      const offset = index.offset({ line: spot.line, character: spot.character });
      let found: TS.Node | undefined;
      const visit = (node: TS.Node): void => {
        if (node.pos > offset || node.end < offset) return;
        if (node.getStart(source) === offset && is(node)) found = node;
        ts().forEachChild(node, visit);
      };
      visit(source);
      return found as never;
    },
  };
}

export function spotRange(spot: SourceSpot): Range {
  return { start: { line: spot.line, character: spot.character }, end: { line: spot.endLine, character: spot.endCharacter } };
}

/** Looks through `(x)`, `x as T`, `x satisfies T`, `x!`. */
export function unwrap(node: TS.Expression): TS.Expression {
  const t = ts();
  let current = node;
  while (t.isParenthesizedExpression(current) || t.isAsExpression(current) || t.isSatisfiesExpression(current) || t.isNonNullExpression(current) || t.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

export function isStringLiteralLike(node: TS.Node): node is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  const t = ts();
  return t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node);
}

/** The initializer of a same-file `const name = …`, for `secret: secret` written through a const. */
export function constInitializer(source: TS.SourceFile, name: string): TS.Expression | undefined {
  const t = ts();
  let found: TS.Expression | undefined;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (t.isVariableDeclaration(node) && t.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      const list = node.parent;
      if (t.isVariableDeclarationList(list) && (list.flags & t.NodeFlags.Const) !== 0) found = node.initializer;
      return;
    }
    t.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
