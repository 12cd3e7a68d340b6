import type { InstalledTables } from "./app-tables";
import type { BuiltInPluginTables } from "./builtin-plugin-tables";

/**
 * What the linter knows about the app beyond its schema: read from its auth config (statically)
 * and, where allowed, from its installed better-auth. Everything optional: a bare schema lints
 * against the version's core tables.
 */
export interface AppContext {
  /** getAuthTables(options) from the project's installed better-auth, with the app's plugins. */
  installed?: InstalledTables;
  /** Without `installed`: the plugins' tables from the built-in data of the version checked. */
  builtInPlugins?: BuiltInPluginTables;
  /** The auth config file, relative to the current folder for messages ("src/lib/auth.ts"). */
  configFile?: string;
  /** The project's package.json depends on better-auth. */
  dependsOnBetterAuth?: boolean;
  /** The auth config passes `prismaAdapter(...)` as its database. */
  usesPrismaAdapter?: boolean;
  /** Plugin calls whose tables could not be checked, with why ("untrusted workspace", "better-auth is not installed"). */
  uncheckedPlugins?: { names: string[]; reason: string };
}
