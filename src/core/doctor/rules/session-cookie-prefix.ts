import { isStringLiteralLike, literalText } from "../code-file";
import { DEFAULT_COOKIE_PREFIX } from "../config-facts";
import { getSessionCookieCalls } from "../cookie-reads";
import type { DoctorRule } from "../types";

export const sessionCookiePrefix: DoctorRule = {
  id: "session-cookie-prefix",
  description: "`getSessionCookie(request, { cookiePrefix })` passes the cookiePrefix the auth config sets.",
  defaultSeverity: "warning",
  rationale: [
    "`getSessionCookie` runs in middleware without the auth config, so it assumes the prefix `better-auth` unless it is told",
    "otherwise (better-auth 1.7.25 `dist/cookies/index.mjs` `getSessionCookie`: `cookiePrefix = \"better-auth\"`). With",
    "`advanced.cookiePrefix: \"my-app\"` Better Auth sets `my-app.session_token`, the call returns null for everyone and the",
    "middleware redirects signed-in users. The fix passes the configured prefix.",
  ].join(" "),
  examples: {
    bad: { title: "prefix not passed", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({ advanced: { cookiePrefix: "my-app" } });' }, { path: "middleware.ts", text: "const session = getSessionCookie(request);" }] },
    good: { title: "prefix passed", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({ advanced: { cookiePrefix: "my-app" } });' }, { path: "middleware.ts", text: 'const session = getSessionCookie(request, { cookiePrefix: "my-app" });' }] },
  },
  check(context) {
    const expected = context.facts.cookiePrefix;
    if (expected === undefined || context.facts.customSessionCookieName) return;
    const quoted = JSON.stringify(expected);
    for (const file of context.middlewareFiles) {
      for (const call of getSessionCookieCalls(file)) {
        const [request, config] = call.arguments;
        if (!request) continue;
        const fn = file.textOf(call.callee);
        if (!config) {
          if (expected === DEFAULT_COOKIE_PREFIX) continue;
          context.report({
            file: file.path,
            range: file.rangeOf(call),
            message: `${fn}() looks for better-auth.session_token, but the config sets advanced.cookiePrefix "${expected}": it returns null for every signed-in user. Pass { cookiePrefix: ${quoted} }.`,
            fix: { title: `Pass { cookiePrefix: ${quoted} }`, edits: [{ file: file.path, range: file.index.range(request.end!, request.end!), newText: `, { cookiePrefix: ${quoted} }` }] },
          });
          continue;
        }
        if (config.type !== "ObjectExpression") continue;
        const property = config.properties.find((p) => p.type !== "SpreadElement" && !p.computed && p.key.type === "Identifier" && p.key.name === "cookiePrefix");
        if (!property) {
          if (expected === DEFAULT_COOKIE_PREFIX || config.properties.some((p) => p.type === "SpreadElement")) continue;
          const first = config.properties[0];
          const edit = first
            ? { file: file.path, range: file.index.range(first.start!, first.start!), newText: `cookiePrefix: ${quoted}, ` }
            : { file: file.path, range: file.rangeOf(config), newText: `{ cookiePrefix: ${quoted} }` };
          context.report({
            file: file.path,
            range: file.rangeOf(config),
            message: `${fn}() is not given the cookie prefix: it looks for better-auth.session_token, but the config sets advanced.cookiePrefix "${expected}", so it returns null for every signed-in user. Add cookiePrefix: ${quoted}.`,
            fix: { title: `Add cookiePrefix: ${quoted}`, edits: [edit] },
          });
          continue;
        }
        const value = property.type === "ObjectProperty" && !property.shorthand ? property.value : undefined;
        if (!value || !isStringLiteralLike(value) || literalText(value) === expected) continue;
        context.report({
          file: file.path,
          range: file.rangeOf(value),
          message: `${fn}() is given cookiePrefix "${literalText(value)}", but the config sets "${expected}"${expected === DEFAULT_COOKIE_PREFIX ? " (the default)" : ""}: it looks for ${literalText(value)}.session_token while Better Auth sets ${expected}.session_token, so it returns null for every signed-in user. Use ${quoted}.`,
          fix: { title: `Use cookiePrefix ${quoted}`, edits: [{ file: file.path, range: file.rangeOf(value), newText: quoted }] },
        });
      }
    }
  },
};
