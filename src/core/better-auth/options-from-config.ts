import { relative } from "node:path";
import { Unknown, type AuthConfigRead, type SourceSpot, type StaticValue } from "../app-config";
import type { AdditionalFieldSpec, LintConfig, ModelMapping } from "./options-mirror";

// The part of a statically read auth config that decides the schema, in the linter's own
// terms (LintConfig): what getAuthTables(options) and the Prisma adapter take from it.

export const CORE_TABLES = ["user", "session", "account", "verification"] as const;

type Plain = Record<string, StaticValue>;

function isPlain(value: StaticValue): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Unknown) && !("kind" in value && typeof value.kind === "string" && "at" in value);
}

function objectAt(value: StaticValue, ...path: string[]): Plain | undefined {
  let current: StaticValue = value;
  for (const key of path) {
    if (!isPlain(current)) return undefined;
    current = current[key];
  }
  return isPlain(current) ? current : undefined;
}

export function spotLabel(spot: SourceSpot | undefined, cwd: string): string {
  return spot ? `${relative(cwd, spot.file) || spot.file}:${spot.line + 1}` : "";
}

function stringMap(value: StaticValue): Record<string, string> | undefined {
  if (!isPlain(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function additionalField(read: AuthConfigRead, table: string, name: string, value: StaticValue, cwd: string): AdditionalFieldSpec | undefined {
  if (!isPlain(value)) return undefined;
  const type = value.type;
  const spot = read.spotOf(value);
  const references = isPlain(value.references) ? value.references : undefined;
  return {
    type: typeof type === "string" ? type : Array.isArray(type) ? "string" : "other",
    ...(typeof value.required === "boolean" ? { required: value.required } : {}),
    ...(value.unique === true ? { unique: true } : {}),
    ...(value.defaultValue !== undefined ? { hasDefault: true } : {}),
    ...(typeof value.fieldName === "string" ? { fieldName: value.fieldName } : {}),
    ...(references && typeof references.model === "string" && typeof references.field === "string"
      ? { references: { model: references.model, field: references.field, ...(typeof references.onDelete === "string" ? { onDelete: references.onDelete } : {}) } }
      : {}),
    origin: `${table}.additionalFields.${name}${spot ? ` in ${spotLabel(spot, cwd)}` : ""}`,
    ...(spot ? { spot } : {}),
  };
}

function generateId(options: Plain, notes: string[]): LintConfig["generateId"] | undefined {
  const database = objectAt(options, "advanced", "database");
  const advanced = objectAt(options, "advanced");
  const value = database && "generateId" in database ? database.generateId : advanced?.generateId;
  if (value === undefined) return undefined;
  if (value === false) return false;
  if (value === "uuid" || value === "serial") return value;
  if (value instanceof Unknown) {
    // A function (`generateId: () => crypto.randomUUID()`) makes Better Auth send whatever it
    // returns: a UUID column may be right, so id checks must not assume Better Auth's own ids.
    if (/function/i.test(value.reason)) return "function";
    notes.push(`advanced.database.generateId: ${value.reason}; assuming Better Auth's own ids`);
  }
  return "default";
}

export interface ConfigFacts {
  config: LintConfig;
  /** The adapter's `provider`, when it is a string. */
  provider?: string;
  usesPrismaAdapter: boolean;
  notes: string[];
}

/** What the auth config says about the schema; settings and CLI flags override it later. */
export function lintConfigFromAuthConfig(read: AuthConfigRead, cwd: string): ConfigFacts {
  const notes: string[] = [];
  const config: LintConfig = {};
  const adapter = read.adapter;
  const usesPrismaAdapter = adapter?.name === "prismaAdapter";
  let provider: string | undefined;
  if (usesPrismaAdapter) {
    const adapterOptions = adapter.args[1];
    if (isPlain(adapterOptions)) {
      if (typeof adapterOptions.provider === "string") provider = adapterOptions.provider;
      if (typeof adapterOptions.usePlural === "boolean") config.usePlural = adapterOptions.usePlural;
      else if (adapterOptions.usePlural instanceof Unknown) notes.push(`prismaAdapter usePlural: ${adapterOptions.usePlural.reason}`);
    }
  }
  const options = read.options;
  if (options instanceof Unknown) return { config, usesPrismaAdapter, notes: [...notes, options.reason] };

  const models: Record<string, ModelMapping> = {};
  const additional: Record<string, Record<string, AdditionalFieldSpec>> = {};
  for (const table of CORE_TABLES) {
    const section = objectAt(options, table);
    if (!section) continue;
    const mapping: ModelMapping = {};
    if (typeof section.modelName === "string") mapping.modelName = section.modelName;
    const fields = stringMap(section.fields);
    if (fields) mapping.fields = fields;
    if (mapping.modelName || mapping.fields) models[table] = mapping;
    const extra = objectAt(section, "additionalFields");
    if (extra) {
      for (const [name, value] of Object.entries(extra)) {
        const spec = additionalField(read, table, name, value, cwd);
        if (spec) (additional[table] ??= {})[name] = spec;
        else notes.push(`${table}.additionalFields.${name}: not a literal object — not checked`);
      }
    } else if (section.additionalFields instanceof Unknown) {
      notes.push(`${table}.additionalFields: ${section.additionalFields.reason}`);
    }
  }
  if (Object.keys(models).length) config.models = models;
  if (Object.keys(additional).length) config.additionalFields = additional;
  const id = generateId(options, notes);
  if (id !== undefined) config.generateId = id;
  if (objectAt(options, "rateLimit")?.storage === "database") config.rateLimitTable = true;
  return { config, ...(provider ? { provider } : {}), usesPrismaAdapter, notes };
}
