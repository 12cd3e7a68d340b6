import { PUBLIC_DEFAULT_SECRETS } from "../secret-strength";
import { secretsInConfig, secretsInEnv } from "../secret-sites";
import type { DoctorRule } from "../types";

export const publicDefaultSecret: DoctorRule = {
  id: "public-default-secret",
  description: "The secret is not one of Better Auth's public default secrets.",
  defaultSeverity: "error",
  rationale: [
    "When no secret is set Better Auth signs with a default written in its source: `better-auth-secret-12345678901234567890`",
    "from 1.4.5 (`dist/utils/constants.mjs` `DEFAULT_SECRET`), `better-auth-secret-123456789` before. Copying it into `.env` or the",
    "config passes Better Auth's own production check only because the value is set, yet anyone can sign session cookies",
    "with it. Better Auth 1.7.25 throws `You are using the default secret` in production only when the secret is unset",
    "(`dist/context/create-context.mjs` `validateSecret`).",
  ].join(" "),
  examples: {
    bad: { title: "the default copied into .env", files: [{ path: ".env", text: "BETTER_AUTH_SECRET=better-auth-secret-12345678901234567890" }] },
    good: { title: "a random secret", files: [{ path: ".env", text: "BETTER_AUTH_SECRET=<output of: openssl rand -base64 32>" }] },
  },
  check(context) {
    const sites = [...secretsInConfig(context).literals, ...secretsInEnv(context.envFiles, context.input.projectDir).sites];
    for (const site of sites) {
      if (!PUBLIC_DEFAULT_SECRETS.includes(site.value)) continue;
      context.report({
        file: site.file,
        range: site.range,
        message: `${site.label} is Better Auth's public default secret: anyone can sign session cookies with it. Generate a random one (\`openssl rand -base64 32\`).`,
      });
    }
  },
};
