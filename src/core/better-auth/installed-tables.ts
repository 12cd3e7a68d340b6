import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Unknown, type AuthConfigRead, type PluginCall, type StaticValue } from "../app-config";
import type { Origin } from "./core-schema";
import type { InstalledTables, RawField, RawTable, RawTables } from "./app-tables";
import { spotLabel } from "./options-from-config";

// The project's installed better-auth is the ground truth for which tables its options need:
// like the ESLint extension loading the workspace's own `eslint`, we load the app's
// `better-auth/db` and plugin factories and call `getAuthTables(options)` with the options read
// statically from auth.ts. Only package code runs (the factories and getAuthTables), never the
// app's own code. Callers allow this only in the CLI and in trusted workspaces.

export interface InstalledBetterAuth {
  dir: string;
  version: string;
}

/** node_modules/better-auth above `projectDir`, as Node would resolve it. */
export function findInstalledBetterAuth(projectDir: string): InstalledBetterAuth | undefined {
  for (let dir = projectDir; ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", "better-auth", "package.json");
    if (existsSync(manifest)) {
      try {
        const version = JSON.parse(readFileSync(manifest, "utf8")).version;
        if (typeof version === "string") return { dir: dirname(manifest), version };
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

// import(), not require(): better-auth ≥ 1.4 ships ESM only, which Node 20's require cannot
// load. esbuild keeps an import() of a computed specifier as it is in the CJS bundle.
async function load(fromDir: string, specifier: string): Promise<Record<string, unknown>> {
  const resolved = createRequire(join(fromDir, "package.json")).resolve(specifier);
  return import(/* @vite-ignore */ pathToFileURL(resolved).href);
}

/** A statically read value as plain data for a factory: what could not be read is left out. */
function plain(value: StaticValue, dropped: string[], path: string): unknown {
  if (value instanceof Unknown) {
    dropped.push(`${path}: ${value.reason}`);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((item, index) => plain(item, dropped, `${path}[${index}]`));
  if (value && typeof value === "object") {
    if ("kind" in value && (value.kind === "plugin" || value.kind === "adapter") && "at" in value) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, StaticValue>)) {
      const converted = plain(item, dropped, path ? `${path}.${key}` : key);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  return value;
}

type FieldDef = Record<string, unknown>;

function rawField(field: FieldDef): RawField {
  const references = field.references as RawField["references"] | undefined;
  return {
    type: field.type,
    ...(typeof field.required === "boolean" ? { required: field.required } : {}),
    ...(field.unique === true ? { unique: true } : {}),
    ...(field.index === true ? { index: true } : {}),
    ...(field.bigint === true ? { bigint: true } : {}),
    ...(typeof field.fieldName === "string" ? { fieldName: field.fieldName } : {}),
    ...(references && typeof references.model === "string" ? { references: { model: references.model, field: references.field, ...(references.onDelete ? { onDelete: references.onDelete } : {}) } } : {}),
    ...(field.defaultValue !== undefined ? { hasDefault: true } : {}),
    ...(field.onUpdate !== undefined ? { hasOnUpdate: true } : {}),
    ...(isPlain(field.defaultValue) ? { defaultValue: field.defaultValue } : {}),
  };
}

/** Data a schema can hold as a default; a function (`() => new Date()`) is only known to exist. */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return true;
  if (Array.isArray(value)) return value.every(isPlain);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isPlain);
  return false;
}

type TableIndex = { fields?: unknown; unique?: unknown; name?: unknown };

function plainIndexes(indexes: unknown): RawTable["indexes"] {
  if (!Array.isArray(indexes)) return undefined;
  const out = (indexes as TableIndex[])
    .filter((index) => Array.isArray(index?.fields) && index.fields.every((field) => typeof field === "string"))
    .map((index) => ({ fields: index.fields as string[], ...(index.unique === true ? { unique: true } : {}), ...(typeof index.name === "string" ? { name: index.name } : {}) }));
  return out.length ? out : undefined;
}

/** getAuthTables' answer with functions reduced to flags (the shape the built-in data has too). */
export function rawTablesFrom(tables: Record<string, { modelName: string; fields: Record<string, FieldDef>; disableMigrations?: boolean; indexes?: unknown }>): RawTables {
  const out: RawTables = {};
  for (const [key, table] of Object.entries(tables)) {
    const indexes = plainIndexes(table.indexes);
    out[key] = {
      modelName: table.modelName,
      fields: Object.fromEntries(Object.entries(table.fields).map(([name, field]) => [name, rawField(field)])),
      ...(indexes ? { indexes } : {}),
      ...(table.disableMigrations === true ? { disableMigrations: true } : {}),
    };
  }
  return out;
}

export interface InstalledRead {
  tables?: InstalledTables;
  /** Plugins whose factory could not be found or called, with why. */
  failed: string[];
  /** Parts of the config left out because they could not be read. */
  dropped: string[];
}

const CORE = new Set(["user", "session", "account", "verification"]);

function pluginLabel(plugin: PluginCall, cwd: string): Origin {
  return { label: `${plugin.name}() in ${spotLabel(plugin.at, cwd)}`, spot: plugin.at };
}

/**
 * Calls the installed better-auth's getAuthTables with the app's options and plugins. Never
 * throws: a package that cannot be loaded gives `tables: undefined` and the reason in `failed`.
 */
export async function readInstalledTables(installed: InstalledBetterAuth, read: AuthConfigRead, projectDir: string, cwd: string): Promise<InstalledRead> {
  const failed: string[] = [];
  const dropped: string[] = [];
  let db: Record<string, unknown>;
  try {
    db = await load(projectDir, "better-auth/db");
  } catch (error) {
    return { failed: [`better-auth/db could not be loaded (${(error as Error).message})`], dropped };
  }
  const getAuthTables = db.getAuthTables as ((options: unknown) => Record<string, { modelName: string; fields: Record<string, FieldDef> }>) | undefined;
  if (typeof getAuthTables !== "function") return { failed: [`better-auth ${installed.version} has no getAuthTables`], dropped };

  const options = read.options instanceof Unknown ? {} : (plain(read.options as StaticValue, dropped, "") as Record<string, unknown>);
  const tableOrigins: Record<string, Origin> = {};
  const fieldOrigins: Record<string, Origin> = {};
  const plugins: unknown[] = [];
  for (const call of read.plugins) {
    try {
      const module = await load(projectDir, call.module);
      const factory = module[call.name];
      if (typeof factory !== "function") throw new Error(`${call.module} has no ${call.name}`);
      const plugin = factory(...call.args.map((arg, index) => plain(arg, dropped, `${call.name}() argument ${index + 1}`))) as { schema?: Record<string, { fields?: Record<string, unknown> }> };
      plugins.push(plugin);
      const origin = pluginLabel(call, cwd);
      for (const [table, spec] of Object.entries(plugin?.schema ?? {})) {
        if (!CORE.has(table)) tableOrigins[table] ??= origin;
        for (const field of Object.keys(spec.fields ?? {})) fieldOrigins[`${table}.${field}`] ??= origin;
      }
    } catch (error) {
      failed.push(`${call.name}() from ${call.module || "an unknown module"}: ${(error as Error).message}`);
    }
  }
  for (const table of CORE) {
    const extra = (options[table] as { additionalFields?: Record<string, unknown> } | undefined)?.additionalFields;
    for (const field of Object.keys(extra ?? {})) {
      const spot = read.options instanceof Unknown ? undefined : read.spotOf((read.options[table] as Record<string, object>)?.additionalFields ?? {}, field);
      fieldOrigins[`${table}.${field}`] ??= { label: `${table}.additionalFields.${field}${spot ? ` in ${spotLabel(spot, cwd)}` : ""}`, ...(spot ? { spot } : {}) };
    }
  }
  if (options.rateLimit && typeof options.rateLimit === "object") tableOrigins.rateLimit = { label: 'rateLimit: { storage: "database" }' };
  try {
    const { database: _database, ...rest } = options;
    const tables = rawTablesFrom(getAuthTables({ ...rest, plugins }));
    return { tables: { tables, tableOrigins, fieldOrigins }, failed, dropped };
  } catch (error) {
    return { failed: [...failed, `getAuthTables failed (${(error as Error).message})`], dropped };
  }
}
