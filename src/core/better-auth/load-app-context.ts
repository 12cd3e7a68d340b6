import { relative } from "node:path";
import { findAppProjectDir, findAuthConfig, nodeReadText, readAuthConfig, type AuthConfigRead, type ReadText } from "../app-config";
import { redactSecretNotes } from "../app-config/secret-notes";
import type { LintConfig } from "./options-mirror";
import type { AppContext } from "./app-context";
import { builtInPluginTables } from "./builtin-plugin-tables";
import { findInstalledBetterAuth, readInstalledTables } from "./installed-tables";
import { publishedVersions } from "./versions";

const newestKnown = () => publishedVersions()[publishedVersions().length - 1]!;
import { lintConfigFromAuthConfig } from "./options-from-config";
import { projectEnvFiles, readEnvFiles } from "../secrets";

/** The project's .env files as one map, the first file in Better Auth's order winning. */
function projectEnv(projectDir: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const source of readEnvFiles(projectEnvFiles(projectDir), projectDir).sources) {
    for (const [name, value] of Object.entries(source.vars)) if (!(name in env)) env[name] = value;
  }
  return env;
}

export interface LoadAppOptions {
  /** For relative paths in messages and the JSON `authConfig.path`. */
  cwd: string;
  /** `--auth-config` / `betterAuthDoctor.authConfigPath`: absolute, or relative to the project folder. */
  authConfigPath?: string;
  /** Loading the project's installed better-auth runs package code: the CLI and trusted workspaces only. */
  mayLoadInstalled: boolean;
  readFile?: ReadText;
  /** Values for `process.env.X` in the config: the process environment, where it is the app's. */
  env?: Record<string, string | undefined>;
  /** Also read the project's `.env*` files for them (the CLI, trusted workspaces); `env` wins, as in Next.js. */
  envFromProject?: boolean;
  /**
   * The version being linted (detected or overridden). The installed package speaks only for its
   * own version: when they differ, the built-in tables of the linted version are used instead.
   */
  version?: string | null;
}

export interface LoadedApp {
  context: AppContext;
  /** What the auth config says (modelName, fields, additionalFields, generateId, usePlural…); settings override it. */
  config: LintConfig;
  projectDir?: string;
  read?: AuthConfigRead;
  /** The adapter's provider string, when the config names one. */
  provider?: string;
  /** Human-readable notes on what could not be evaluated, for the log and the JSON `unresolved`. */
  unresolved: string[];
}

/**
 * Everything the linter learns about the app around a schema: its project folder, auth config
 * (read statically) and, where allowed, the tables its installed better-auth builds from that
 * config. Never throws; a schema without a project lints against the built-in core tables.
 */
export async function loadAppContext(schemaDir: string, options: LoadAppOptions): Promise<LoadedApp> {
  const readFile = options.readFile ?? nodeReadText;
  const projectDir = findAppProjectDir(schemaDir, readFile);
  if (!projectDir) return { context: {}, config: {}, unresolved: [] };
  const configFile = findAuthConfig(projectDir, readFile, options.authConfigPath);
  const context: AppContext = { dependsOnBetterAuth: true };
  if (!configFile) {
    const unresolved = options.authConfigPath ? [`auth config ${options.authConfigPath} could not be read`] : [];
    return { context, config: {}, projectDir, unresolved };
  }
  const env = options.envFromProject ? { ...projectEnv(projectDir), ...options.env } : options.env;
  const read = readAuthConfig(configFile, { readFile, ...(env ? { env } : {}) });
  const facts = lintConfigFromAuthConfig(read, options.cwd);
  context.configFile = relative(options.cwd, configFile) || configFile;
  context.usesPrismaAdapter = facts.usesPrismaAdapter;
  const unresolved = [...read.unresolved, ...facts.notes];

  const found = options.mayLoadInstalled ? findInstalledBetterAuth(projectDir) : undefined;
  const installed = found && (options.version == null || options.version === found.version) ? found : undefined;
  let unchecked: { name: string; reason: string }[] = [];
  if (installed) {
    const result = await readInstalledTables(installed, read, projectDir, options.cwd);
    if (result.tables) context.installed = result.tables;
    unresolved.push(...result.failed, ...result.dropped.map((note) => `left out of getAuthTables: ${note}`));
    const reason = result.tables ? "their factories could not be called from the installed packages" : (result.failed[0] ?? "the installed better-auth could not be called");
    unchecked = read.plugins
      .filter((plugin) => !result.tables || result.failed.some((note) => note.startsWith(`${plugin.name}()`)))
      .map((plugin) => ({ name: plugin.name, reason }));
  }
  if (!context.installed && read.plugins.length) {
    // The built-in record of every published version's plugins stands in for the installed package.
    const builtIn = builtInPluginTables(read.plugins, options.version ?? newestKnown(), options.cwd);
    context.builtInPlugins = builtIn;
    unchecked = builtIn.unchecked;
  }
  if (unchecked.length) {
    const reasons = [...new Set(unchecked.map((entry) => entry.reason))];
    context.uncheckedPlugins = { names: unchecked.map((entry) => entry.name), reason: reasons.join("; ") };
  }
  // The notes quote config source: a literal fallback secret must not reach a log, the JSON or SARIF.
  return { context, config: facts.config, projectDir, read, ...(facts.provider ? { provider: facts.provider } : {}), unresolved: redactSecretNotes(unresolved) };
}

/** The auth config's values first, then the user's settings or --config on top (they override it). */
export function mergeLintConfig(fromApp: LintConfig, overrides: LintConfig): LintConfig {
  const models = { ...fromApp.models };
  for (const [key, mapping] of Object.entries(overrides.models ?? {})) {
    models[key] = { ...models[key], ...mapping, fields: { ...models[key]?.fields, ...mapping.fields } };
  }
  return {
    ...fromApp,
    ...overrides,
    ...(Object.keys(models).length ? { models } : {}),
    ...(fromApp.additionalFields || overrides.additionalFields ? { additionalFields: { ...fromApp.additionalFields, ...overrides.additionalFields } } : {}),
  };
}
