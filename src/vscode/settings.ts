import type { LintConfig } from "../core/better-auth/options-mirror";
import { validateLintConfig } from "../core/lint/config-validation";

// The typed `betterAuthDoctor.*` settings of one workspace folder, built from the values VS Code
// holds. No `vscode` import: `Config` (config.ts) reads the values, this module and
// settings-changes.ts decide what they mean, so vitest covers them. Values are checked by the
// same validator as the CLI's config file; what is invalid is left out (its default applies) and
// named in `problems`.

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

/** The part of VS Code's `WorkspaceConfiguration` the settings are read through. */
export interface SettingValues {
  get<T>(key: string, defaultValue: T): T;
  /** Whether the user set `key` anywhere (user, workspace or folder settings), rather than leaving the default. */
  isSet(key: string): boolean;
}

export function toSettings(values: SettingValues): Settings {
  // Blank is the setting's default: detect the version.
  const version = values.get<unknown>("betterAuthVersion", "");
  // usePlural, models and generateId override what the app's auth config says, so only values
  // the user set count: a default would silently overrule the config.
  const { config: lint, problems } = validateLintConfig(
    {
      rules: values.get("rules", {}),
      ...(typeof version !== "string" || version.trim() ? { betterAuthVersion: version } : {}),
      ...(values.isSet("usePlural") ? { usePlural: values.get("usePlural", false) } : {}),
      ...(values.isSet("models") ? { models: values.get("models", {}) } : {}),
      ...(values.isSet("generateId") ? { generateId: values.get<unknown>("generateId", "default") } : {}),
    },
    { prefix: `${SECTION}.` },
  );
  return {
    enable: values.get<boolean>("enable", true),
    authConfigPath: text(values.get<unknown>("authConfigPath", "")),
    schemaPath: text(values.get<unknown>("schemaPath", "")),
    lint: { rules: {}, ...lint },
    problems,
  };
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
