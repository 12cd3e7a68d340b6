import type { CoreModelKey, LintConfig, ModelMapping } from "../better-auth/options-mirror";
import { doctorRules } from "../doctor/rules";
import type { SeveritySetting } from "./findings";
import { SYNTAX_RULE } from "./lint";
import { rules } from "./rules";
import { parseVersionOverride } from "../version/override";

// One reading of the user's settings for the CLI's config file and the editor's
// betterAuthDoctor.* settings: a typo ("eror", "sesion") is named with what is allowed, never
// passed on as if it were valid (it used to be, through a bare `as LintConfig`).

export interface ValidatedConfig {
  /** What is valid of the input; a key with a problem is left out, so its default applies. */
  config: LintConfig;
  /** One line each, naming the key and the allowed values. */
  problems: string[];
}

const KEYS = ["rules", "betterAuthVersion", "usePlural", "generateId", "models"] as const;
const SEVERITIES = ["error", "warn", "warning", "info", "off"] as const;
const GENERATE_ID = ["default", "uuid", "serial", false] as const;
const MODEL_KEYS: readonly CoreModelKey[] = ["user", "session", "account", "verification"];

const list = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(", ");
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every rule a setting may name: the schema rules, the parser's, then the config doctor's. */
export function ruleIds(): string[] {
  return [...rules.map((rule) => rule.id), SYNTAX_RULE, ...doctorRules.map((rule) => rule.id)];
}

/**
 * Validates settings in the config file's shape. `prefix` is how keys are named in messages
 * (`""` for the file, `"betterAuthDoctor."` in the editor); `extraKeys` are the caller's own
 * keys that are not lint settings (the editor's `enable`, `schemaPath`).
 */
export function validateLintConfig(value: unknown, { prefix = "", extraKeys = [] as readonly string[] } = {}): ValidatedConfig {
  const problems: string[] = [];
  const config: LintConfig = {};
  if (!isObject(value)) return { config, problems: [`settings must be a JSON object (got ${JSON.stringify(value)})`] };
  const say = (key: string, problem: string) => problems.push(`${prefix}${key}: ${problem}`);

  for (const key of Object.keys(value)) {
    if (!(KEYS as readonly string[]).includes(key) && !extraKeys.includes(key)) problems.push(`unknown setting "${prefix}${key}"; allowed: ${list(KEYS.map((k) => prefix + k))}`);
  }

  const ruleSettings = value.rules;
  if (ruleSettings !== undefined) {
    if (!isObject(ruleSettings)) say("rules", `must be an object of rule id to severity (got ${JSON.stringify(ruleSettings)})`);
    else {
      const known = ruleIds();
      const valid: Record<string, SeveritySetting> = {};
      for (const [rule, severity] of Object.entries(ruleSettings)) {
        if (!known.includes(rule)) say(`rules["${rule}"]`, `unknown rule; rules are ${list(known)}`);
        else if (typeof severity !== "string" || !(SEVERITIES as readonly string[]).includes(severity)) say(`rules["${rule}"]`, `${JSON.stringify(severity)} is not a severity; allowed: ${list(SEVERITIES)}`);
        else valid[rule] = severity as SeveritySetting;
      }
      config.rules = valid;
    }
  }

  const version = value.betterAuthVersion;
  if (version !== undefined) {
    const parsed = typeof version === "string" ? parseVersionOverride(version) : undefined;
    if (parsed?.ok) config.betterAuthVersion = version as string;
    else say("betterAuthVersion", parsed ? parsed.error : `must be a string (got ${JSON.stringify(version)})`);
  }

  if (value.usePlural !== undefined) {
    if (typeof value.usePlural === "boolean") config.usePlural = value.usePlural;
    else say("usePlural", `must be true or false (got ${JSON.stringify(value.usePlural)})`);
  }

  if (value.generateId !== undefined) {
    const generateId = value.generateId === "false" ? false : value.generateId;
    if ((GENERATE_ID as readonly unknown[]).includes(generateId)) config.generateId = generateId as LintConfig["generateId"];
    else say("generateId", `${JSON.stringify(value.generateId)} is not allowed; allowed: ${list(GENERATE_ID)}`);
  }

  const models = value.models;
  if (models !== undefined) {
    if (!isObject(models)) say("models", `must be an object (got ${JSON.stringify(models)})`);
    else {
      const valid: Partial<Record<CoreModelKey, ModelMapping>> = {};
      for (const [model, mapping] of Object.entries(models)) {
        if (!(MODEL_KEYS as readonly string[]).includes(model)) say(`models.${model}`, `unknown model; allowed: ${list(MODEL_KEYS)}`);
        else {
          const checked = modelMapping(mapping, (key, problem) => say(`models.${model}${key}`, problem));
          if (checked) valid[model as CoreModelKey] = checked;
        }
      }
      config.models = valid;
    }
  }
  return { config, problems };
}

function modelMapping(value: unknown, say: (key: string, problem: string) => void): ModelMapping | undefined {
  if (!isObject(value)) {
    say("", `must be an object like {"modelName": "userSession", "fields": {"token": "sessionToken"}} (got ${JSON.stringify(value)})`);
    return undefined;
  }
  const mapping: ModelMapping = {};
  for (const key of Object.keys(value)) if (key !== "modelName" && key !== "fields") say(`.${key}`, `unknown key; allowed: "modelName", "fields"`);
  if (value.modelName !== undefined) {
    if (typeof value.modelName === "string" && value.modelName) mapping.modelName = value.modelName;
    else say(".modelName", `must be a non-empty string (got ${JSON.stringify(value.modelName)})`);
  }
  if (value.fields !== undefined) {
    if (!isObject(value.fields)) say(".fields", `must be an object of Better Auth field name to Prisma field name (got ${JSON.stringify(value.fields)})`);
    else {
      const fields: Record<string, string> = {};
      for (const [from, to] of Object.entries(value.fields)) {
        if (typeof to === "string" && to) fields[from] = to;
        else say(`.fields.${from}`, `must be a non-empty string (got ${JSON.stringify(to)})`);
      }
      mapping.fields = fields;
    }
  }
  return mapping;
}
