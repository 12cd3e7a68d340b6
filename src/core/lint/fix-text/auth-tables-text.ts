import type { InstalledTables } from "../../better-auth/app-tables";
import type { ExpectedField, ExpectedModel } from "../../better-auth/core-schema";
import type { AuthField, AuthTable, IdStrategy, PrismaModelContext, PrismaProvider } from "../../better-auth/prisma-model-text";
import { CORE_MODELS, type ResolvedModel } from "../../better-auth/resolve-models";
import type { LintConfig } from "../../better-auth/options-mirror";
import type { Schema } from "../../schema/ast";

// What a quick fix needs to write a table or field exactly as `auth generate` would: the tables
// getAuthTables returns for the app, the provider, the id strategy and the schema's own model
// names. Exact only where the truth is known (the installed better-auth's tables, or the core
// tables of the built-in layout) and where the generator's text is a schema Prisma accepts and
// Better Auth can use; everywhere else `reason` says why no fix is offered.

export interface AuthTablesInput {
  schema: Schema;
  config: LintConfig;
  provider: string | undefined;
  expected: readonly ExpectedModel[];
  models: ReadonlyMap<string, ResolvedModel>;
  installed?: InstalledTables;
}

export type TextContext = { ctx: PrismaModelContext; exact: (key: string) => boolean } | { reason: string };

const PROVIDERS: readonly string[] = ["postgresql", "cockroachdb", "mysql", "sqlite", "sqlserver", "mongodb"];

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** A built-in layout field as getAuthTables returns it, with the defaults Better Auth declares for core columns. */
function builtInField(model: ExpectedModel, field: ExpectedField): AuthField {
  const written = field.writtenByBetterAuth && !field.origin;
  return {
    type: field.type === "bigint" ? "number" : field.type,
    required: field.required,
    ...(field.type === "bigint" ? { bigint: true } : {}),
    ...(field.unique ? { unique: true } : {}),
    ...(field.index ? { index: true } : {}),
    ...(field.fieldName && field.fieldName !== field.name ? { fieldName: field.fieldName } : {}),
    ...(field.references ? { references: field.references } : {}),
    ...(field.origin && field.writtenByBetterAuth ? { hasDefault: true } : {}),
    ...(written && field.name === "createdAt" ? { hasDefault: true } : {}),
    ...(written && field.name === "updatedAt" ? { hasDefault: true, hasOnUpdate: true } : {}),
    ...(model.key === "user" && field.name === "emailVerified" ? { defaultValue: false } : {}),
  };
}

function builtInTables(expected: readonly ExpectedModel[]): Record<string, AuthTable> {
  return Object.fromEntries(
    expected.map((model) => [
      model.key,
      { modelName: model.modelName ?? model.key, fields: Object.fromEntries(model.fields.filter((f) => !f.isId).map((f) => [f.name, builtInField(model, f)])) },
    ]),
  );
}

function idStrategy(config: LintConfig): IdStrategy {
  const value = config.generateId;
  // A function gives string ids Better Auth sends itself: the generator writes the default id line.
  return value === "uuid" || value === "serial" || value === false ? value : "default";
}

export function authTablesText(input: AuthTablesInput): TextContext {
  const { provider, config } = input;
  if (!provider) return { reason: "the schema has no datasource provider to write the model for" };
  if (!PROVIDERS.includes(provider)) return { reason: `Better Auth's generator does not write models for provider "${provider}"` };
  const tables = input.installed ? (input.installed.tables as Record<string, AuthTable>) : builtInTables(input.expected);
  const usePlural = config.usePlural === true;
  const prismaModelNameOf = (key: string) => input.models.get(key)?.block?.name ?? capitalize((tables[key]?.modelName || key) + (usePlural ? "s" : ""));
  const ctx: PrismaModelContext = { provider: provider as PrismaProvider, idStrategy: idStrategy(config), usePlural, tables, prismaModelNameOf };
  const byKey = new Map(input.expected.map((model) => [model.key, model]));
  // Core tables of the built-in layout are exact; tables or fields from additionalFields and
  // rateLimit are exact only through the installed package (defaults are not read statically).
  const exact = (key: string) =>
    !!input.installed || ((CORE_MODELS as readonly string[]).includes(key) && !byKey.get(key)?.fields.some((field) => field.origin));
  return { ctx, exact };
}

/** Why the generator's text for this field would be wrong for Prisma or for Better Auth, if it would. */
export function fieldQuirk(ctx: PrismaModelContext, tableKey: string, fieldKey: string): string | undefined {
  const field = ctx.tables[tableKey]?.fields[fieldKey];
  if (!field) return undefined;
  const flat = ctx.provider === "mysql" || ctx.provider === "sqlite";
  const name = `${tableKey}.${fieldKey}`;
  if ((field.type === "string[]" || field.type === "number[]") && flat && field.defaultValue !== undefined) {
    return `Better Auth's generator writes ${name} as a String with a list default on ${ctx.provider}, which Prisma rejects`;
  }
  if (field.type === "number[]" && field.required === false) {
    return `Better Auth's generator makes ${name} required although Better Auth may leave it empty`;
  }
  if (ctx.provider === "mysql" && typeof field.defaultValue === "string") {
    return `Better Auth's generator drops ${name}'s default ("${field.defaultValue}") on MySQL`;
  }
  if (ctx.provider === "sqlserver" && field.type === "json") return `Prisma has no Json type on SQL Server, which Better Auth's generator writes for ${name}`;
  return undefined;
}

/** Why the generator's model text for this table would be wrong, if it would. */
export function tableQuirk(ctx: PrismaModelContext, tableKey: string): string | undefined {
  if (ctx.idStrategy === false) {
    return "with generateId: false the database must give ids, and Better Auth's generator writes no id default";
  }
  if (ctx.idStrategy === "serial" && ctx.provider === "cockroachdb") return "Better Auth's generator writes autoincrement() ids, which CockroachDB does not support as Prisma expects";
  const table = ctx.tables[tableKey];
  if (!table) return `Better Auth's tables have no ${tableKey}`;
  const base = table.modelName || tableKey;
  if (base.endsWith("s") && Object.values(table.fields).some((field) => field.references)) {
    return `Better Auth's generator names the back-relation to ${capitalize(base)} by adding another "s" (${base.toLowerCase()}s)`;
  }
  for (const field of Object.keys(table.fields)) {
    const quirk = fieldQuirk(ctx, tableKey, field);
    if (quirk) return quirk;
  }
  return undefined;
}
