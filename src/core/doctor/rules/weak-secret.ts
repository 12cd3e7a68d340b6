import { describeWeakness, secretProblem } from "../secret-strength";
import { secretsInConfig, secretsInEnv } from "../secret-sites";
import type { DoctorRule } from "../types";

export const weakSecret: DoctorRule = {
  id: "weak-secret",
  description: "The current secret is at least 32 characters, passes Better Auth's own entropy estimate and is not a placeholder.",
  defaultSeverity: "warning",
  rationale: [
    "Better Auth 1.7.25 warns at startup when the current secret is shorter than 32 characters or when",
    "`log2(uniqueCharacters ^ length)` is under 120 bits (`dist/context/create-context.mjs` `validateSecret`,",
    "`dist/context/secret-utils.mjs` `estimateEntropy` and `validateSecretsArray`); the same function is used here.",
    "Placeholders left from templates (`changeme`, `your-secret-here`, `secret`…) are guessable whatever their length.",
    "Only the current secret is checked (the first `BETTER_AUTH_SECRETS` entry), as Better Auth does, and not in `.env.test`",
    "(Better Auth skips its checks under test). Messages give the length and the estimate, never the value.",
  ].join(" "),
  examples: {
    bad: { title: "a placeholder", files: [{ path: ".env", text: "BETTER_AUTH_SECRET=your-secret-here" }] },
    good: { title: "32 random bytes, base64", files: [{ path: ".env", text: "BETTER_AUTH_SECRET=<output of: openssl rand -base64 32>" }] },
  },
  check(context) {
    const sites = [...secretsInConfig(context).literals, ...secretsInEnv(context.envFiles, context.input.projectDir).sites];
    for (const site of sites) {
      if (!site.current || site.testOnly) continue;
      const problem = secretProblem(site.value);
      if (!problem || problem.kind === "public-default" || problem.kind === "empty") continue;
      context.report({
        file: site.file,
        range: site.range,
        message: `${site.label} ${describeWeakness(problem)}. Anyone who guesses it can sign session cookies; use 32 random bytes (\`openssl rand -base64 32\`).`,
      });
    }
  },
};
