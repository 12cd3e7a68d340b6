import * as vscode from "vscode";
import type { CoreModelKey, LintConfig, ModelMapping } from "../core/config";
import type { SeveritySetting } from "../core/findings";

// The one place that reads `betterAuthDoctor.*`. Every key is resource-scoped, so each
// workspace folder (and each schema in it) gets its own plain settings object for the core.

export const SECTION = "betterAuthDoctor";

export interface Settings {
  enable: boolean;
  /** Schema file or folder, relative to the workspace folder; empty = find it as Prisma does. */
  schemaPath: string;
  lint: LintConfig;
}

const SEVERITIES = new Set(["error", "warn", "warning", "info", "off"]);
const GENERATE_ID = new Set(["default", "uuid", "serial", "false"]);

function rules(value: unknown): Record<string, SeveritySetting> {
  const result: Record<string, SeveritySetting> = {};
  if (!value || typeof value !== "object") return result;
  for (const [rule, severity] of Object.entries(value)) {
    if (typeof severity === "string" && SEVERITIES.has(severity)) result[rule] = (severity === "warning" ? "warn" : severity) as SeveritySetting;
  }
  return result;
}

function models(value: unknown): Partial<Record<CoreModelKey, ModelMapping>> {
  const result: Partial<Record<CoreModelKey, ModelMapping>> = {};
  if (!value || typeof value !== "object") return result;
  for (const key of ["user", "session", "account", "verification"] as const) {
    const mapping = (value as Record<string, unknown>)[key];
    if (!mapping || typeof mapping !== "object") continue;
    const { modelName, fields } = mapping as { modelName?: unknown; fields?: unknown };
    result[key] = {
      ...(typeof modelName === "string" && modelName ? { modelName } : {}),
      ...(fields && typeof fields === "object"
        ? { fields: Object.fromEntries(Object.entries(fields).filter(([, name]) => typeof name === "string" && name)) as Record<string, string> }
        : {}),
    };
  }
  return result;
}

export function readSettings(scope: vscode.ConfigurationScope | undefined): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const version = config.get<string>("betterAuthVersion", "").trim();
  const generateId = config.get<string>("generateId", "default");
  return {
    enable: config.get<boolean>("enable", true),
    schemaPath: config.get<string>("schemaPath", "").trim(),
    lint: {
      rules: rules(config.get("rules")),
      ...(version ? { betterAuthVersion: version } : {}),
      usePlural: config.get<boolean>("usePlural", false),
      models: models(config.get("models")),
      generateId: GENERATE_ID.has(generateId) ? (generateId === "false" ? false : (generateId as LintConfig["generateId"])) : "default",
    },
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
