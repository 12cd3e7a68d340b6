import semver from "semver";
import type { AdditionalFieldSpec, LintConfig } from "./options-mirror";
import type { BaFieldType, ExpectedField, ExpectedModel, Origin, VersionLayout } from "./core-schema";
import type { BuiltInPluginTables } from "./builtin-plugin-tables";
import type { AuthField, AuthTable } from "./prisma-model-text";
import { pluginAlwaysWrites } from "./plugin-write-facts";

// The tables this app's Better Auth reads and writes: what `getAuthTables(options)` returns for
// its options. Two sources give it: the project's installed better-auth, called with the
// options read from auth.ts (plugins included), or — when that cannot run — the built-in core
// tables of the detected version with the options applied here the way getAuthTables applies
// them (modelName, fields, additionalFields, rateLimit.storage "database").

/**
 * One field / table as getAuthTables returns it, with functions reduced to flags
 * (installed-tables.ts): the same shape the Prisma model renderer takes.
 */
export type RawField = AuthField;
export interface RawTable extends AuthTable {
  modelName: string;
}
export type RawTables = Record<string, RawTable>;

/** The installed package's answer, with who asked for each table and field. */
export interface InstalledTables {
  tables: RawTables;
  /** table key -> origin, for tables a plugin adds. */
  tableOrigins: Record<string, Origin>;
  /** "table.field" -> origin, for fields a plugin or additionalFields adds to another table. */
  fieldOrigins: Record<string, Origin>;
}

const KNOWN_TYPES: readonly string[] = ["string", "number", "boolean", "date", "bigint", "json", "string[]", "number[]"];

export function baFieldType(type: unknown, bigint?: boolean): BaFieldType {
  if (type === "number" && bigint) return "bigint";
  // A list of literals (`type: ["member", "admin"]`) is a string column in Better Auth's generator.
  if (Array.isArray(type)) return "string";
  return typeof type === "string" && KNOWN_TYPES.includes(type) ? (type as BaFieldType) : "other";
}

const ON_DELETE = new Set(["cascade", "set null", "restrict", "no action"]);

function onDelete(value: string | undefined): NonNullable<ExpectedField["references"]>["onDelete"] {
  const normalised = (value ?? "cascade").toLowerCase();
  return (ON_DELETE.has(normalised) ? normalised : "cascade") as NonNullable<ExpectedField["references"]>["onDelete"];
}

function fromRawField(name: string, raw: RawField, origin?: Origin): ExpectedField {
  return {
    name,
    fieldName: raw.fieldName ?? name,
    type: baFieldType(raw.type, raw.bigint),
    // Better Auth's generator makes a column optional only for `required: false`; an absent flag
    // (plugins often omit it) is a NOT NULL column there, but Better Auth may still leave it out,
    // so optionality checks treat only `true` as required.
    required: raw.required === true,
    ...(raw.unique ? { unique: true } : {}),
    ...(raw.index ? { index: true } : {}),
    ...(raw.references ? { references: { model: raw.references.model, field: raw.references.field, onDelete: onDelete(raw.references.onDelete) } } : {}),
    writtenByBetterAuth: !!(raw.hasDefault || raw.hasOnUpdate),
    ...(origin ? { origin } : {}),
  };
}

/** What the plugins' code shows it always writes, beyond getAuthTables' flags (plugin-write-facts.ts). */
function withPluginFacts(table: string, field: ExpectedField): ExpectedField {
  return pluginAlwaysWrites(table, field.name) ? { ...field, alwaysWritten: true } : field;
}

function idField(): ExpectedField {
  return { name: "id", fieldName: "id", type: "string", required: true, isId: true, writtenByBetterAuth: true };
}

function withNames(model: ExpectedModel, config: LintConfig): ExpectedModel {
  const mapping = config.models?.[model.key];
  return {
    ...model,
    modelName: mapping?.modelName ?? model.modelName ?? model.key,
    fields: model.fields.map((field) => ({ ...field, fieldName: mapping?.fields?.[field.name] ?? field.fieldName ?? field.name })),
  };
}

function additionalField(name: string, spec: AdditionalFieldSpec): ExpectedField {
  const origin: Origin | undefined = spec.origin ? { label: spec.origin, ...(spec.spot ? { spot: spec.spot } : {}) } : undefined;
  return fromRawField(name, { ...spec, type: spec.type }, origin);
}

/** A prerelease counts as its release (it ships that release's schema); junk is never at least anything. */
function atLeast(version: string, min: string): boolean {
  const parsed = semver.parse(semver.clean(version));
  return parsed !== null && semver.gte(`${parsed.major}.${parsed.minor}.${parsed.patch}`, min);
}

// rateLimit, read from the published packages: key/count/lastRequest with no `required` flag
// before 1.4.0 (so NOT NULL in the generator's output), all required from 1.4.0 with key unique;
// lastRequest is a bigint from 1.1 (a plain number in 1.0).
function rateLimitTable(version: string | null): ExpectedModel {
  const modern = version === null || atLeast(version, "1.4.0");
  const bigint = version === null || atLeast(version, "1.1.0");
  const origin: Origin = { label: 'rateLimit: { storage: "database" }' };
  return {
    key: "rateLimit",
    origin,
    fields: [
      idField(),
      { name: "key", type: "string", required: true, ...(modern ? { unique: true } : {}), writtenByBetterAuth: false },
      { name: "count", type: "number", required: true, writtenByBetterAuth: false },
      { name: "lastRequest", type: bigint ? "bigint" : "number", required: true, writtenByBetterAuth: false },
    ],
  };
}

/** Fields plugins add to a table, as the built-in data records them, skipping names already there. */
function pluginFields(key: string, have: readonly ExpectedField[], plugins: BuiltInPluginTables | undefined): ExpectedField[] {
  return Object.entries(plugins?.fields[key] ?? {})
    .filter(([name]) => !have.some((field) => field.name === name))
    .map(([name, { field, origin }]) => fromRawField(name, { ...field, type: field.type }, origin));
}

/** Built-in knowledge: the version's core tables with the app's options applied, plus its plugins' tables. */
function builtInTables(layout: VersionLayout, config: LintConfig, version: string | null, plugins?: BuiltInPluginTables): ExpectedModel[] {
  const models: ExpectedModel[] = layout.models.map((model) => {
    const extra = Object.entries(config.additionalFields?.[model.key] ?? {}).filter(([name]) => !model.fields.some((field) => field.name === name));
    const fields = [...model.fields, ...extra.map(([name, spec]) => additionalField(name, spec))];
    return { ...model, fields: [...fields, ...pluginFields(model.key, fields, plugins)] };
  });
  for (const [key, { table, origin }] of Object.entries(plugins?.tables ?? {})) {
    const own = Object.entries(table.fields).map(([name, field]) => withPluginFacts(key, fromRawField(name, { ...field, type: field.type })));
    const fields = [idField(), ...own];
    models.push({ key, modelName: table.modelName, origin, fields: [...fields, ...pluginFields(key, fields, plugins)] });
  }
  if (config.rateLimitTable) models.push(rateLimitTable(version));
  return models.map((model) => withNames(model, config));
}

/** The installed package's answer: every table, core fields keep the layout's notes. */
function installedTables(layout: VersionLayout, installed: InstalledTables): ExpectedModel[] {
  return Object.entries(installed.tables).map(([key, raw]) => {
    const core = layout.models.find((model) => model.key === key);
    const fields = [idField(), ...Object.entries(raw.fields).map(([name, field]) => {
      const known = core?.fields.find((f) => f.name === name);
      const converted = withPluginFacts(key, fromRawField(name, field, installed.fieldOrigins[`${key}.${name}`]));
      // The layout knows what Better Auth writes itself (ids, tokens, timestamps set in code).
      return known ? { ...converted, writtenByBetterAuth: known.writtenByBetterAuth, ...(known.note ? { note: known.note } : {}) } : converted;
    })];
    const coreId = core?.fields.find((field) => field.isId);
    if (coreId) fields[0] = { ...coreId, fieldName: "id" };
    return { key, modelName: raw.modelName, fields, ...(installed.tableOrigins[key] ? { origin: installed.tableOrigins[key] } : {}) };
  });
}

export function expectedTables(layout: VersionLayout, config: LintConfig, version: string | null, installed?: InstalledTables, plugins?: BuiltInPluginTables): ExpectedModel[] {
  return installed ? installedTables(layout, installed) : builtInTables(layout, config, version, plugins);
}

/** Better Auth's `getModelName` as the Prisma adapter applies it: `usePlural` adds an `s`. */
export function adapterModelName(model: ExpectedModel, config: LintConfig): string {
  const base = model.modelName ?? config.models?.[model.key]?.modelName ?? model.key;
  return config.usePlural ? `${base}s` : base;
}
