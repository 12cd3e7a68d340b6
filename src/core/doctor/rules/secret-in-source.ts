import { PUBLIC_DEFAULT_SECRETS } from "../secret-strength";
import { secretsInConfig } from "../secret-sites";
import type { DoctorRule } from "../types";

export const secretInSource: DoctorRule = {
  id: "secret-in-source",
  description: "The secret is not written as a string in the auth config.",
  defaultSeverity: "warning",
  rationale: [
    "Whoever knows the secret can sign session cookies and decrypt the cookie cache (better-auth `dist/cookies/index.mjs`,",
    "`dist/crypto/jwt.mjs`). Written in `auth.ts` it is in every clone, fork, CI log and bundle that includes the file, and it",
    "cannot differ between development and production. Better Auth reads `BETTER_AUTH_SECRET` (or `AUTH_SECRET`, or",
    "`BETTER_AUTH_SECRETS` from 1.5) by itself when `secret` is not set (`dist/context/create-context.mjs`). The value is never printed.",
  ].join(" "),
  examples: {
    bad: { title: "a literal secret", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  secret: "k3J9…(44 characters)",\n});' }] },
    good: { title: "the secret from the environment", files: [{ path: ".env", text: "BETTER_AUTH_SECRET=<output of: openssl rand -base64 32>" }, { path: "lib/auth.ts", text: "export const auth = betterAuth({});" }] },
  },
  check(context) {
    for (const site of secretsInConfig(context).literals) {
      // A public default secret is reported, at error level, by public-default-secret.
      if (PUBLIC_DEFAULT_SECRETS.includes(site.value)) continue;
      context.report({
        file: site.file,
        range: site.range,
        message: `The ${site.label.replace(/ in .*$/, "")} is written in the source (${site.value.length} characters): anyone who can read this file can sign session cookies. Set BETTER_AUTH_SECRET in a git-ignored .env (or the host's environment) and remove it here.`,
      });
    }
  },
};
