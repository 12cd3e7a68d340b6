import { parentOf, walk, type B } from "../app-config/parse-source";
import type { TextEdit } from "../lint/findings";
import { isStringLiteralLike, literalText, type CodeFile, type StringLiteralLike } from "./code-file";

/** A session cookie name written as a string: `"better-auth.session_token"`, `"__Secure-my-app.session_token"`. */
export interface HardCodedCookieName {
  literal: StringLiteralLike;
  secure: boolean;
  prefix: string;
}

const SESSION_COOKIE = /^(__Secure-)?([A-Za-z0-9_.-]+?)\.session_token$/;

export function hardCodedSessionCookieNames(file: CodeFile): HardCodedCookieName[] {
  const found: HardCodedCookieName[] = [];
  walk(file.program, (node) => {
    if (!isStringLiteralLike(node)) return;
    const match = SESSION_COOKIE.exec(literalText(node));
    const parent = parentOf(node)?.type;
    if (match && !(parent === "ImportDeclaration" || parent === "ExportNamedDeclaration" || parent === "ExportAllDeclaration")) {
      found.push({ literal: node, secure: !!match[1], prefix: match[2]! });
    }
  });
  return found;
}

/** Local names under which `getSessionCookie` from `better-auth/cookies` is imported. */
export function getSessionCookieImports(file: CodeFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.program.body) {
    if (statement.type !== "ImportDeclaration" || !/^better-auth\/cookies$/.test(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== "ImportSpecifier") continue;
      const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value;
      if (imported === "getSessionCookie") names.add(specifier.local.name);
    }
  }
  return names;
}

export function getSessionCookieCalls(file: CodeFile): B.CallExpression[] {
  const names = getSessionCookieImports(file);
  const calls: B.CallExpression[] = [];
  if (names.size === 0) return calls;
  walk(file.program, (node) => {
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && names.has(node.callee.name)) calls.push(node);
  });
  return calls;
}

/** Adds `import { getSessionCookie } from "better-auth/cookies";` after the last import, unless there. */
export function importGetSessionCookie(file: CodeFile): TextEdit | undefined {
  if (getSessionCookieImports(file).has("getSessionCookie")) return undefined;
  const imports = file.program.body.filter((statement) => statement.type === "ImportDeclaration");
  const last = imports[imports.length - 1];
  const line = last ? file.index.position(last.end ?? 0).line + 1 : 0;
  const at = { line, character: 0 };
  const eol = file.text.includes("\r\n") ? "\r\n" : "\n";
  const atEnd = line >= file.index.lineCount;
  return { file: file.path, range: { start: at, end: at }, newText: `${atEnd ? eol : ""}import { getSessionCookie } from "better-auth/cookies";${eol}` };
}

export function cookiePrefixArgument(prefix: string | undefined): string {
  return prefix ? `, { cookiePrefix: ${JSON.stringify(prefix)} }` : "";
}
