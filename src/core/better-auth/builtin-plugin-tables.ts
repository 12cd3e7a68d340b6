import { Unknown, type PluginCall, type StaticValue } from "../app-config";
import type { Origin } from "./core-schema";
import { spotLabel } from "./options-from-config";
import { pluginTablesFor, type NormalisedField, type NormalisedTable, type PluginTables } from "./versions";

// When the project's installed better-auth cannot answer (not installed, another version, an
// untrusted workspace), the plugins' tables come from versions/plugins.json: what each published
// version's own factories add to getAuthTables, recorded by scripts/better-auth-versions. Only
// options that change the tables are read from the call; a call whose options we cannot read
// for sure (a `schema` override, an unknown value where it matters) is left unchecked.

export interface BuiltInPluginTables {
  tables: Record<string, { table: NormalisedTable; origin: Origin }>;
  /** Fields plugins add to other tables (user, session…), by table key then field. */
  fields: Record<string, Record<string, { field: NormalisedField; origin: Origin }>>;
  /** Plugin calls whose tables are not known here, with why. */
  unchecked: { name: string; reason: string }[];
}

type Plain = Record<string, StaticValue>;

function option(value: StaticValue, ...path: string[]): StaticValue {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== "object" || Array.isArray(current) || current instanceof Unknown || "kind" in current) return undefined;
    current = (current as Plain)[key];
  }
  return current;
}

/** The option paths that choose a recorded variant, per factory (see plugins.json `options`). */
const VARIANTS: Record<string, { variant: string; path: string[] }[]> = {
  organization: [
    { variant: "teams", path: ["teams", "enabled"] },
    { variant: "dynamicAccessControl", path: ["dynamicAccessControl", "enabled"] },
  ],
  lastLoginMethod: [{ variant: "storeInDatabase", path: ["storeInDatabase"] }],
  stripe: [{ variant: "subscription", path: ["subscription", "enabled"] }],
  sso: [{ variant: "domainVerification", path: ["domainVerification", "enabled"] }],
};

function variantsOf(call: PluginCall): string[] | Unknown {
  const args = call.args[0];
  if (option(args, "schema") !== undefined) return new Unknown("its schema option (modelName, fields, additionalFields) changes its tables, which only the installed better-auth applies");
  const chosen: string[] = [];
  for (const { variant, path } of VARIANTS[call.name] ?? []) {
    const value = option(args, ...path);
    if (value instanceof Unknown) return new Unknown(`${path.join(".")} could not be read (${value.reason})`);
    if (value === true) chosen.push(variant);
  }
  return chosen.length ? chosen : ["default"];
}

/** better-auth's own modules: the extractor recorded every factory there that has a schema. */
const isCorePackage = (module: string) => module === "better-auth" || module.startsWith("better-auth/");

export function builtInPluginTables(plugins: readonly PluginCall[], version: string, cwd: string): BuiltInPluginTables {
  const result: BuiltInPluginTables = { tables: {}, fields: {}, unchecked: [] };
  for (const call of plugins) {
    const variants = variantsOf(call);
    if (variants instanceof Unknown) {
      result.unchecked.push({ name: call.name, reason: variants.reason });
      continue;
    }
    const found = variants.map((variant) => pluginTablesFor(version, call.module, call.name, variant));
    if (found.some((entry) => !entry)) {
      // Not recorded for this version: in better-auth's own modules that means no tables.
      if (isCorePackage(call.module) && variants.length === 1 && variants[0] === "default") continue;
      result.unchecked.push({ name: call.name, reason: `its tables in ${call.module || "its module"} at Better Auth ${version} are not known here` });
      continue;
    }
    const origin: Origin = { label: `${call.name}() in ${spotLabel(call.at, cwd)}`, spot: call.at };
    for (const entry of found as PluginTables[]) {
      for (const [key, table] of Object.entries(entry.tables)) {
        const known = result.tables[key];
        // Variants of one plugin (teams + dynamic access control) add to the same tables: merge fields.
        result.tables[key] = known ? { table: { ...known.table, fields: { ...known.table.fields, ...table.fields } }, origin: known.origin } : { table, origin };
      }
      for (const [key, fields] of Object.entries(entry.fieldsOnOtherTables)) {
        for (const [name, field] of Object.entries(fields)) (result.fields[key] ??= {})[name] ??= { field, origin };
      }
    }
  }
  return result;
}
