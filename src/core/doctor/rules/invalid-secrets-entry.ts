import { Unknown } from "../../app-config";
import { spotRange } from "../code-file";
import { propertySpot } from "../config-spots";
import { onOrAfter } from "../option-keys";
import { secretsInEnv } from "../secret-sites";
import { isObject } from "../static-values";
import type { DoctorRule } from "../types";

export const invalidSecretsEntry: DoctorRule = {
  id: "invalid-secrets-entry",
  description: "Every BETTER_AUTH_SECRETS entry and `secrets` item is one Better Auth accepts.",
  defaultSeverity: "error",
  rationale: [
    "From 1.5 Better Auth rotates secrets with `BETTER_AUTH_SECRETS=\"2:new,1:old\"` or `secrets: [{ version, value }]`, first is",
    "current. It refuses to start on an entry without `:`, a version that is not a non-negative integer, an empty secret, a",
    "repeated version or an empty list (better-auth 1.7.25 `dist/context/secret-utils.mjs` `parseSecretsEnv` and",
    "`validateSecretsArray`, which throw `BetterAuthError`). Entries are named by position, never by value.",
  ].join(" "),
  examples: {
    bad: { title: "a missing version", files: [{ path: ".env", text: "BETTER_AUTH_SECRETS=<new secret>,1:<old secret>" }] },
    good: { title: "versioned entries, newest first", files: [{ path: ".env", text: "BETTER_AUTH_SECRETS=2:<new secret>,1:<old secret>" }] },
  },
  check(context) {
    if (!onOrAfter(context.input.version, "1.5")) return;
    for (const { file, entries, offset } of secretsInEnv(context.envFiles, context.input.projectDir).entries) {
      for (const entry of entries) {
        if (!entry.refused) continue;
        context.report({
          file: file.path,
          range: file.index.range(offset + entry.start, offset + Math.max(entry.end, entry.start)),
          message: `BETTER_AUTH_SECRETS: ${entry.refused}; ${context.versionLabel} refuses to start with it. Write entries as "<version>:<secret>", newest first.`,
        });
      }
    }
    const options = context.options;
    const secrets = options?.secrets;
    if (!options || !Array.isArray(secrets)) return;
    const whole = propertySpot(context, options, "secrets");
    if (secrets.length === 0 && whole) {
      context.report({ file: whole.file, range: whole.range, message: `\`secrets\` is empty; ${context.versionLabel} refuses to start ("\`secrets\` array must contain at least one entry").` });
      return;
    }
    const seen = new Set<number>();
    secrets.forEach((entry, index) => {
      if (!isObject(entry)) return;
      const spot = context.auth?.spotOf(entry);
      if (!spot) return;
      const { version, value } = entry;
      if (version instanceof Unknown) return;
      const parsed = parseInt(String(version), 10);
      let refused: string | undefined;
      if (!Number.isInteger(parsed) || parsed < 0 || String(parsed) !== String(version).trim()) refused = "has a version that is not a non-negative integer";
      else if (!(value instanceof Unknown) && !value) refused = `(version ${parsed}) has an empty secret`;
      else if (seen.has(parsed)) refused = `repeats version ${parsed}`;
      if (Number.isInteger(parsed)) seen.add(parsed);
      if (!refused) return;
      const at = propertySpot(context, entry, refused.includes("empty") ? "value" : "version");
      context.report({
        file: spot.file,
        range: at?.range ?? spotRange(spot),
        message: `secrets[${index}] ${refused}; ${context.versionLabel} refuses to start with it.`,
      });
    });
  },
};
