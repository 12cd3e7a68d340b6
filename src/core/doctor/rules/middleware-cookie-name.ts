import { parentOf, type B } from "../../app-config/parse-source";
import type { Fix } from "../../lint/findings";
import { literalText, type CodeFile } from "../code-file";
import type { ConfigFacts } from "../config-facts";
import { cookiePrefixArgument, hardCodedSessionCookieNames, importGetSessionCookie, type HardCodedCookieName } from "../cookie-reads";
import { displayPath } from "../display-path";
import type { DoctorContext, DoctorRule } from "../types";

/** Why a hard-coded name misses the cookie Better Auth sets, or undefined when it matches everywhere. */
function problem(name: HardCodedCookieName, facts: ConfigFacts, others: readonly HardCodedCookieName[]): string | undefined {
  const expected = facts.cookiePrefix;
  if (expected !== undefined && name.prefix !== expected) {
    return `the config's cookie prefix is "${expected}" (advanced.cookiePrefix), so Better Auth sets ${expected}.session_token and this never matches`;
  }
  // Reading both spellings (`a ?? b`) is fine.
  if (others.some((other) => other.prefix === name.prefix && other.secure !== name.secure)) return undefined;
  const secure = facts.secureCookies;
  if (!name.secure) {
    if (secure === "never") return undefined;
    if (secure === "always") return `Better Auth names it __Secure-${name.prefix}.session_token here (advanced.useSecureCookies or an https baseURL), so this never matches`;
    return `in production (an https base URL or NODE_ENV=production) Better Auth names it __Secure-${name.prefix}.session_token, so signed-in users look signed out there (redirect loops)`;
  }
  if (secure === "always" || secure === "unknown") return undefined;
  if (secure === "never") return `Better Auth sets ${name.prefix}.session_token without __Secure- here (http baseURL or useSecureCookies: false), so this never matches`;
  return `over http in development Better Auth sets ${name.prefix}.session_token without __Secure-, so this misses it there`;
}

type Member = B.MemberExpression | B.OptionalMemberExpression;
const isMember = (node: B.Node | undefined): node is Member => node?.type === "MemberExpression" || node?.type === "OptionalMemberExpression";

/** `x.name` or `x?.name` (not `x[name]`): its name. */
function propertyName(node: B.Node): string | undefined {
  return isMember(node) && !node.computed && node.property.type === "Identifier" ? node.property.name : undefined;
}

/** `request.cookies.get("…")` (optionally `.value`) → `getSessionCookie(request)`. */
function replacementFix(file: CodeFile, literal: HardCodedCookieName["literal"], prefix: string | undefined): Fix | undefined {
  const call = parentOf(literal);
  if ((call?.type !== "CallExpression" && call?.type !== "OptionalCallExpression") || call.arguments[0] !== literal || call.arguments.length !== 1) return undefined;
  const callee = call.callee;
  const method = propertyName(callee);
  if (!isMember(callee) || method === undefined || !["get", "has"].includes(method)) return undefined;
  const cookies = callee.object;
  if (!isMember(cookies) || propertyName(cookies) !== "cookies") return undefined;
  const owner = file.textOf(cookies.object);
  // SvelteKit's `event.cookies` sits next to `event.request`; Next.js's NextRequest is itself a request.
  const request = /(^|[/\\])hooks\.server\.[cm]?[jt]s$/.test(file.path) ? `${owner}.request` : owner;
  const read = `getSessionCookie(${request}${cookiePrefixArgument(prefix)})`;
  let target: B.Node = call;
  let newText = read;
  const parent = parentOf(call);
  if (method === "has") newText = `${read} !== null`;
  else if (isMember(parent) && parent.object === call && propertyName(parent) === "value") target = parent;
  const edits = [{ file: file.path, range: file.rangeOf(target), newText }];
  const importEdit = importGetSessionCookie(file);
  if (importEdit) edits.push(importEdit);
  return { title: `Read the session cookie with ${read.replace(/\(.*\)/, "()")} from better-auth/cookies`, edits };
}

export const middlewareCookieName: DoctorRule = {
  id: "middleware-cookie-name",
  description: "Middleware does not hard-code a session cookie name that misses the `__Secure-` prefix or the configured cookiePrefix.",
  defaultSeverity: "warning",
  rationale: [
    "Better Auth names the session cookie `${advanced.cookiePrefix || \"better-auth\"}.session_token` and prefixes it with",
    "`__Secure-` when `advanced.useSecureCookies` is set, else when the base URL is https, else when NODE_ENV is production",
    "(better-auth 1.7.25 `dist/cookies/index.mjs` `createCookieGetter`). Middleware that reads",
    "`request.cookies.get(\"better-auth.session_token\")` works in development and sees nobody signed in once deployed: the",
    "classic redirect loop. `getSessionCookie(request, { cookiePrefix })` from `better-auth/cookies` tries the `__Secure-` name",
    "and the plain one (`getSessionCookie` in the same file). The fix replaces the read and adds the import.",
  ].join(" "),
  examples: {
    bad: { title: "a hard-coded name", files: [{ path: "middleware.ts", text: 'export function middleware(request: NextRequest) {\n  const session = request.cookies.get("better-auth.session_token");\n  if (!session) return NextResponse.redirect(new URL("/sign-in", request.url));\n}' }] },
    good: { title: "getSessionCookie", files: [{ path: "middleware.ts", text: 'import { getSessionCookie } from "better-auth/cookies";\n\nexport function middleware(request: NextRequest) {\n  const session = getSessionCookie(request);\n  if (!session) return NextResponse.redirect(new URL("/sign-in", request.url));\n}' }] },
  },
  check(context: DoctorContext) {
    const facts = context.facts;
    if (facts.customSessionCookieName) return;
    for (const file of context.middlewareFiles) {
      const names = hardCodedSessionCookieNames(file);
      for (const name of names) {
        const why = problem(name, facts, names);
        if (!why) continue;
        const prefix = facts.customCookiePrefix ? facts.cookiePrefix : undefined;
        const fix = replacementFix(file, name.literal, prefix);
        context.report({
          file: file.path,
          range: file.rangeOf(name.literal),
          message: `${displayPath(context.input.projectDir, file.path)} reads the session cookie as "${literalText(name.literal)}": ${why}. Use getSessionCookie(request${cookiePrefixArgument(prefix)}) from better-auth/cookies, which tries both names.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
