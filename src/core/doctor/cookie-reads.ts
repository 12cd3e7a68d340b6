import type * as TS from "typescript";
import { ts } from "../app-config/typescript-parser";
import type { TextEdit } from "../lint/findings";
import { isStringLiteralLike, type CodeFile } from "./code-file";

/** A session cookie name written as a string: `"better-auth.session_token"`, `"__Secure-my-app.session_token"`. */
export interface HardCodedCookieName {
  literal: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral;
  secure: boolean;
  prefix: string;
}

const SESSION_COOKIE = /^(__Secure-)?([A-Za-z0-9_.-]+?)\.session_token$/;

export function hardCodedSessionCookieNames(file: CodeFile): HardCodedCookieName[] {
  const t = ts();
  const found: HardCodedCookieName[] = [];
  const visit = (node: TS.Node): void => {
    if (isStringLiteralLike(node)) {
      const match = SESSION_COOKIE.exec(node.text);
      if (match && !(t.isImportDeclaration(node.parent) || t.isExportDeclaration(node.parent))) {
        found.push({ literal: node, secure: !!match[1], prefix: match[2]! });
      }
    }
    t.forEachChild(node, visit);
  };
  visit(file.source);
  return found;
}

/** Local names under which `getSessionCookie` from `better-auth/cookies` is imported. */
export function getSessionCookieImports(file: CodeFile): Set<string> {
  const t = ts();
  const names = new Set<string>();
  for (const statement of file.source.statements) {
    if (!t.isImportDeclaration(statement) || !t.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/^better-auth\/cookies$/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && t.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if ((element.propertyName ?? element.name).text === "getSessionCookie") names.add(element.name.text);
      }
    }
  }
  return names;
}

export function getSessionCookieCalls(file: CodeFile): TS.CallExpression[] {
  const t = ts();
  const names = getSessionCookieImports(file);
  const calls: TS.CallExpression[] = [];
  if (names.size === 0) return calls;
  const visit = (node: TS.Node): void => {
    if (t.isCallExpression(node) && t.isIdentifier(node.expression) && names.has(node.expression.text)) calls.push(node);
    t.forEachChild(node, visit);
  };
  visit(file.source);
  return calls;
}

/** Adds `import { getSessionCookie } from "better-auth/cookies";` after the last import, unless there. */
export function importGetSessionCookie(file: CodeFile): TextEdit | undefined {
  if (getSessionCookieImports(file).has("getSessionCookie")) return undefined;
  const t = ts();
  const imports = file.source.statements.filter((statement) => t.isImportDeclaration(statement));
  const last = imports[imports.length - 1];
  const line = last ? file.index.position(last.end).line + 1 : 0;
  const at = { line, character: 0 };
  const eol = file.text.includes("\r\n") ? "\r\n" : "\n";
  const atEnd = line >= file.index.lineCount;
  return { file: file.path, range: { start: at, end: at }, newText: `${atEnd ? eol : ""}import { getSessionCookie } from "better-auth/cookies";${eol}` };
}

export function cookiePrefixArgument(prefix: string | undefined): string {
  return prefix ? `, { cookiePrefix: ${JSON.stringify(prefix)} }` : "";
}
