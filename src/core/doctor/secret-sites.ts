import type { B } from "../app-config/parse-source";
import type { Range } from "../schema/ast";
import { constInitializer, isStringLiteralLike, literalText, unwrap, type CodeFile, type StringLiteralLike } from "./code-file";
import { propertySpot } from "./config-spots";
import { isTestEnvFile, type EnvFile } from "./env-file";
import { parseSecretsEntries, type SecretsEntry } from "./secrets-entries";
import { displayPath } from "./display-path";
import { isObject } from "./static-values";
import type { DoctorContext } from "./types";

/** A secret value written out somewhere the rules can point at. */
export interface SecretSite {
  value: string;
  file: string;
  range: Range;
  /** `secret in lib/auth.ts`, `BETTER_AUTH_SECRET in .env.local`, `BETTER_AUTH_SECRETS entry 1 in .env`. */
  label: string;
  origin: "config-literal" | "env";
  /** False for older `BETTER_AUTH_SECRETS` entries: Better Auth checks only the current one. */
  current: boolean;
  /** Better Auth skips its checks under test (.env.test). */
  testOnly: boolean;
}

/** `process.env.BETTER_AUTH_SECRET || "dev-secret"`: the literal and the expression to keep. */
export interface LiteralFallback {
  file: string;
  code: CodeFile;
  expression: B.LogicalExpression;
  kept: B.Expression;
  literal: StringLiteralLike;
  operator: "||" | "??";
}

export interface SecretsInConfig {
  literals: SecretSite[];
  fallbacks: LiteralFallback[];
}

const cache = new WeakMap<DoctorContext, SecretsInConfig>();

/** Literal secrets and literal fallbacks written in the config's `secret` and `secrets[].value`. */
export function secretsInConfig(context: DoctorContext): SecretsInConfig {
  const cached = cache.get(context);
  if (cached) return cached;
  const found: SecretsInConfig = { literals: [], fallbacks: [] };
  cache.set(context, found);
  const options = context.options;
  if (!options) return found;

  const inspect = (expression: B.Node | undefined, code: CodeFile, label: string): void => {
    let node = expression && unwrap(expression);
    for (let hops = 0; node && node.type === "Identifier" && hops < 5; hops++) {
      const init = constInitializer(code.program, node.name);
      node = init && unwrap(init);
    }
    if (!node) return;
    if (isStringLiteralLike(node)) {
      const value = literalText(node);
      if (value === "") return;
      found.literals.push({ value, file: code.path, range: code.rangeOf(node), label: `${label} in ${displayPath(context.input.projectDir, code.path)}`, origin: "config-literal", current: true, testOnly: false });
      return;
    }
    if (node.type === "LogicalExpression") {
      const operator = node.operator === "||" || node.operator === "??" ? node.operator : undefined;
      const right = unwrap(node.right);
      if (operator && isStringLiteralLike(right) && literalText(right) !== "") {
        found.fallbacks.push({ file: code.path, code, expression: node, kept: node.left, literal: right, operator });
      }
    }
  };

  const secret = propertySpot(context, options, "secret");
  if (secret?.code) inspect(secret.value, secret.code, "secret");
  const secrets = options.secrets;
  if (Array.isArray(secrets)) {
    secrets.forEach((entry, index) => {
      if (!isObject(entry)) return;
      const spot = propertySpot(context, entry, "value");
      if (spot?.code) inspect(spot.value, spot.code, `secrets[${index}].value`);
    });
  }
  // Only the current secret (the first of `secrets`) is checked by Better Auth; mark the rest.
  found.literals.forEach((site) => (site.current = !/^secrets\[[1-9]/.test(site.label)));
  return found;
}

/** Secrets set in the env files the app loads. */
export function secretsInEnv(files: readonly EnvFile[], projectDir: string): { sites: SecretSite[]; entries: { file: EnvFile; entries: SecretsEntry[]; offset: number }[] } {
  const sites: SecretSite[] = [];
  const entries: { file: EnvFile; entries: SecretsEntry[]; offset: number }[] = [];
  for (const file of files) {
    const testOnly = isTestEnvFile(file.path);
    const shown = displayPath(projectDir, file.path);
    for (const name of ["BETTER_AUTH_SECRET", "AUTH_SECRET"]) {
      const assignment = file.get(name);
      if (!assignment || assignment.value === "") continue;
      sites.push({ value: assignment.value, file: file.path, range: assignment.valueRange, label: `${name} in ${shown}`, origin: "env", current: true, testOnly });
    }
    const list = file.get("BETTER_AUTH_SECRETS");
    if (list && list.value.trim() !== "") {
      const offset = file.index.offset(list.valueRange.start);
      const parsed = parseSecretsEntries(list.value);
      entries.push({ file, entries: parsed, offset });
      parsed.forEach((entry, index) => {
        if (entry.refused || entry.value === undefined) return;
        sites.push({
          value: entry.value,
          file: file.path,
          range: file.index.range(offset + entry.valueStart!, offset + entry.valueEnd!),
          label: `BETTER_AUTH_SECRETS entry ${entry.position} in ${shown}`,
          origin: "env",
          current: index === 0,
          testOnly,
        });
      });
    }
  }
  return { sites, entries };
}
