import type { FixMigration } from "../lint/findings";
import { addColumnsMigration } from "../migrations/add-columns";
import { addTablesMigration } from "../migrations/add-table";
import type { MigrationPlan } from "../migrations";
import type { Schema } from "../schema/ast";
import { isRelationField } from "../schema/query";
import { placeMigration, type MigrationOptions, type PlannedMigration, type SchemaChange } from "./planned-migration";

// The migration for fixes that add Better Auth's tables and columns. Users run `fix` once, so
// every such fix of one run goes into ONE migration folder, planned from the schema after all of
// them: the new tables and each model's new columns, as `prisma migrate dev` would write them.

export type SchemaFixMigration = Exclude<FixMigration, { kind: "session" }>;

export function isSchemaMigration(migration: FixMigration | undefined): migration is SchemaFixMigration {
  return migration?.kind === "add-tables" || migration?.kind === "add-columns";
}

export interface SchemaChanges {
  tables: string[];
  /** Prisma model → new fields, in the order the fixes add them. */
  columns: Map<string, string[]>;
}

export function collectSchemaChanges(migrations: readonly SchemaFixMigration[]): SchemaChanges {
  const tables: string[] = [];
  const columns = new Map<string, string[]>();
  for (const migration of migrations) {
    if (migration.kind === "add-tables") {
      for (const model of migration.models) if (!tables.includes(model)) tables.push(model);
    } else {
      const fields = columns.get(migration.model) ?? [];
      for (const field of migration.fields) if (!fields.includes(field)) fields.push(field);
      columns.set(migration.model, fields);
    }
  }
  return { tables, columns };
}

/** Whether one of the new fields of `model` is a relation to one of the new tables. */
function referencesNewTable(schema: Schema, model: string, fields: string[], tables: string[]): boolean {
  const block = schema.blocks.find((b) => b.kind === "model" && b.name === model);
  const names = new Set(schema.blocks.map((b) => b.name));
  return !!block?.fields.some((field) => fields.includes(field.name) && isRelationField(names, field) && !!field.type && tables.includes(field.type.name));
}

function merged(parts: MigrationPlan[], name: string): MigrationPlan {
  const sql = parts.map((part) => part.sql).filter((text): text is string => text !== undefined);
  const notes: string[] = [];
  for (const note of parts.flatMap((part) => part.notes)) if (!notes.includes(note)) notes.push(note);
  return { provider: parts[0]!.provider, name, ...(sql.length ? { sql: sql.join("\n") } : {}), notes };
}

/**
 * One migration for every table and column the fixes add. Columns come first: their guard stops
 * the migration before anything changed when a table has rows and a new required column has no
 * value for them. Columns that reference a new table come after the tables.
 */
export function planSchemaMigration(fixed: Schema, changes: SchemaChanges, options: MigrationOptions): PlannedMigration | undefined {
  const early: MigrationPlan[] = [];
  const late: MigrationPlan[] = [];
  for (const [model, fields] of changes.columns) {
    (referencesNewTable(fixed, model, fields, changes.tables) ? late : early).push(addColumnsMigration({ schema: fixed, model, fields }));
  }
  const tables = changes.tables.length ? [addTablesMigration({ schema: fixed, models: changes.tables })] : [];
  const parts = [...early, ...tables, ...late];
  if (!parts.length) return undefined;
  const transition: SchemaChange = !changes.tables.length ? "add-columns" : changes.columns.size ? "add-tables-and-columns" : "add-tables";
  const name = parts.length === 1 ? parts[0]!.name : transition === "add-columns" ? "better_auth_add_fields" : "better_auth_add_tables_and_fields";
  return placeMigration(parts.length === 1 ? parts[0]! : merged(parts, name), transition, options);
}
