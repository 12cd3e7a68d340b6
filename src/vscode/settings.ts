import * as vscode from "vscode";
import type { LintConfig } from "../core/better-auth/options-mirror";
import { validateLintConfig } from "../core/lint/config-validation";

// The one place that reads `betterAuthDoctor.*`. Every key is resource-scoped, so each
// workspace folder (and each schema in it) gets its own plain settings object for the core.
// Values are checked by the same validator as the CLI's config file; what is invalid is left
// out (its default applies) and named in `problems`.

export const SECTION = "betterAuthDoctor";

export interface Settings {
  enable: boolean;
  /** The Better Auth config to read, absolute or relative to the workspace folder; empty = find it as Better Auth's CLI does. */
  authConfigPath: string;
  /** Schema file or folder, relative to the workspace folder; empty = find it as Prisma does. */
  schemaPath: string;
  lint: LintConfig;
  /** One line per invalid setting, naming it and what is allowed. */
  problems: string[];
}

export function readSettings(scope: vscode.ConfigurationScope | undefined): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  // Blank is the setting's default: detect the version.
  const version = config.get<string>("betterAuthVersion", "");
  // usePlural, models and generateId override what the app's auth config says, so only values
  // the user set count: a default would silently overrule the config.
  const set = (key: string) => {
    const inspected = config.inspect(key);
    return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some((value) => value !== undefined);
  };
  const { config: lint, problems } = validateLintConfig(
    {
      rules: config.get("rules", {}),
      ...(typeof version !== "string" || version.trim() ? { betterAuthVersion: version } : {}),
      ...(set("usePlural") ? { usePlural: config.get("usePlural", false) } : {}),
      ...(set("models") ? { models: config.get("models", {}) } : {}),
      ...(set("generateId") ? { generateId: config.get("generateId", "default") } : {}),
    },
    { prefix: `${SECTION}.` },
  );
  return {
    enable: config.get<boolean>("enable", true),
    authConfigPath: config.get<string>("authConfigPath", "").trim(),
    schemaPath: config.get<string>("schemaPath", "").trim(),
    lint: { rules: {}, ...lint },
    problems,
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

/**
 * Shows each folder's settings problems when they change, not on every lint (a lint runs per
 * keystroke and would repeat the same message as long as the setting stays wrong).
 */
export class SettingsProblems {
  private readonly shown = new Map<string, string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  check(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const message = readSettings(folder.uri).problems.join("; ");
      const key = folder.uri.toString();
      if (message === (this.shown.get(key) ?? "")) continue;
      this.shown.set(key, message);
      if (!message) continue;
      this.log.warn(`settings of ${folder.name}: ${message}`);
      void vscode.window.showWarningMessage(`Better Auth Doctor (${folder.name}): ${message}. These settings are ignored until fixed.`);
    }
  }
}
