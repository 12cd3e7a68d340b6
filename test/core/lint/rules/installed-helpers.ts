import { getAuthTables } from "better-auth/db";
import type { BetterAuthOptions } from "better-auth";
import type { InstalledTables } from "../../../../src/core/better-auth/app-tables";
import { rawTablesFrom } from "../../../../src/core/better-auth/installed-tables";

/**
 * What the linter gets from a project's installed better-auth: the real getAuthTables (the
 * devDependency, 1.7.25) called with these options, each plugin's tables credited to it.
 */
export function installedTablesFor(options: BetterAuthOptions, pluginLabels: Record<string, string> = {}): InstalledTables {
  const tables = rawTablesFrom(getAuthTables(options) as never);
  const tableOrigins: InstalledTables["tableOrigins"] = {};
  const fieldOrigins: InstalledTables["fieldOrigins"] = {};
  for (const plugin of options.plugins ?? []) {
    const label = pluginLabels[plugin.id] ?? `${plugin.id}()`;
    for (const [table, spec] of Object.entries(plugin.schema ?? {})) {
      if (!["user", "session", "account", "verification"].includes(table)) tableOrigins[table] = { label };
      for (const field of Object.keys(spec.fields ?? {})) fieldOrigins[`${table}.${field}`] = { label };
    }
  }
  return { tables, tableOrigins, fieldOrigins };
}
