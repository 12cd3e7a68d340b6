import { literalText } from "../code-file";
import { secretsInConfig } from "../secret-sites";
import type { DoctorRule } from "../types";

export const secretLiteralFallback: DoctorRule = {
  id: "secret-literal-fallback",
  description: "The secret has no hard-coded fallback (`process.env.BETTER_AUTH_SECRET || \"…\"`).",
  defaultSeverity: "error",
  rationale: [
    "Better Auth signs the session cookie with the secret (HMAC-SHA256 of the token) and signs or encrypts the cookie cache with it",
    "(better-auth `dist/cookies/index.mjs`). A fallback written in the source is used whenever the variable is missing — a",
    "deployment that forgot it, a preview environment — and then anyone who has read the source (or the public repository) can",
    "sign a session cookie for any user. Without the fallback Better Auth uses its own default, which it refuses to start with in",
    "production (`dist/context/create-context.mjs` `validateSecret`), so a missing secret fails loudly instead of silently.",
    "The fix removes the fallback; the value is never printed.",
  ].join(" "),
  examples: {
    bad: { title: "a literal fallback", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  secret: process.env.BETTER_AUTH_SECRET || "fallback-secret-key",\n});' }] },
    good: { title: "the secret only from the environment", files: [{ path: "lib/auth.ts", text: "export const auth = betterAuth({\n  secret: process.env.BETTER_AUTH_SECRET,\n});" }] },
  },
  check(context) {
    for (const fallback of secretsInConfig(context).fallbacks) {
      const { code, expression, kept, literal, operator } = fallback;
      const keptText = code.textOf(kept);
      context.report({
        file: fallback.file,
        range: code.rangeOf(literal),
        message: `The secret falls back to a ${literalText(literal).length}-character literal (\`${operator} "…"\`) when \`${keptText}\` is unset: wherever that happens, anyone who can read this file can sign session cookies. Remove the fallback so a missing secret stops the app instead.`,
        fix: {
          title: `Remove the literal fallback, keep \`${keptText}\``,
          edits: [{ file: fallback.file, range: code.rangeOf(expression), newText: keptText }],
        },
      });
    }
  },
};
