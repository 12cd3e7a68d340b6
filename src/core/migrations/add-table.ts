import type { Block, Schema } from "../schema/ast";
import { datasourceProvider } from "../schema/query";
import { normalizeProvider } from "../sql/provider";
import { renderMigration } from "./render";
import { addForeignKeySql, createIndexSql, createTableSql, separateIndexes } from "./sql/create-table";
import { createIndexSql as sqliteIndexSql, createTableSql as sqliteTableSql } from "./sql/sqlite-table";
import { wrapInTransaction } from "./sql/sqlserver";
import { tableModel, type TableModel } from "./table-model";
import type { MigrationPlan, Statement } from "./types";

// The migration for models a fix adds (a plugin's tables, rateLimit…): the tables exactly as
// `prisma migrate dev` would create them from the fixed schema, in Prisma's order — every table
// first, then indexes, then foreign keys — so tables that reference each other can be added in
// one migration. New tables hold no rows, so nothing can be lost.

export interface AddTablesInput {
  /** The schema after the fix: it holds the new models and the models they reference. */
  schema: Schema;
  /** Prisma model names of the new models, in the order the fix adds them. */
  models: string[];
}

function modelBlock(schema: Schema, name: string): Block {
  const block = schema.blocks.find((b) => b.kind === "model" && b.name === name);
  if (!block) throw new Error(`The schema has no model ${name}`);
  return block;
}

function migrationName(tables: TableModel[]): string {
  return tables.length === 1 ? `better_auth_add_${tables[0]!.name}` : "better_auth_add_tables";
}

function mongodbNotes(schema: Schema, blocks: Block[]): string[] {
  const uniques = blocks.flatMap((block) => tableModel(schema, block, "postgresql").indexes.map((index) => `"${index.name}"`));
  return [
    "MongoDB has no SQL migrations (Prisma Migrate does not support it), so no migration folder is written.",
    `MongoDB creates the collection${blocks.length > 1 ? "s" : ""} ${blocks.map((b) => tableModel(schema, b, "postgresql").name).join(", ")} on the first write.`,
    uniques.length
      ? `Run \`npx prisma db push\` to create the indexes Better Auth relies on (${uniques.join(", ")}).`
      : "Run `npx prisma db push` to bring the database in line with the schema.",
  ];
}

/** CREATE TABLE statements for new models, as Prisma Migrate writes them for the datasource's provider. */
export function addTablesMigration(input: AddTablesInput): MigrationPlan {
  const { schema } = input;
  const provider = datasourceProvider(schema) ?? "";
  const blocks = input.models.map((name) => modelBlock(schema, name));
  if (provider === "mongodb") return { provider, name: "better_auth_add_tables", notes: mongodbNotes(schema, blocks) };
  const dialect = normalizeProvider(provider);
  if (!dialect) {
    return { provider, name: "better_auth_add_tables", notes: [provider ? `No migration is written for provider "${provider}".` : "The schema has no datasource provider, so no SQL dialect to write in."] };
  }
  const tables = blocks.map((block) => tableModel(schema, block, dialect));
  const statements: Statement[] = [];
  if (dialect === "sqlite") {
    // SQLite declares foreign keys inside CREATE TABLE, and they may name tables created later.
    for (const table of tables) {
      statements.push({ comment: `The table for the new ${table.name} model, exactly as Prisma creates it.`, sql: sqliteTableSql(table, table.name) });
      for (const index of table.indexes) statements.push({ comment: indexWhy(table, index.unique), sql: sqliteIndexSql(table, index) });
    }
  } else {
    for (const table of tables) statements.push({ comment: `The table for the new ${table.name} model, exactly as Prisma creates it.`, sql: createTableSql(dialect, table) });
    for (const table of tables) {
      for (const index of separateIndexes(dialect, table)) statements.push({ comment: indexWhy(table, index.unique), sql: createIndexSql(dialect, table, index) });
    }
    for (const table of tables) {
      for (const fk of table.foreignKeys) {
        statements.push({
          comment: `${table.name}.${fk.columns.join(", ")} references ${fk.referencedTable}; rows go with it as the schema says (ON DELETE ${fk.onDelete}).`,
          sql: addForeignKeySql(dialect, table, fk),
        });
      }
    }
  }
  const header = [
    `Better Auth Doctor: create ${tables.map((t) => `"${t.name}"`).join(", ")}, which Better Auth needs and the database lacks.`,
    `Written for provider "${provider}" to match the fixed Prisma schema (names, types, keys, indexes), so \`prisma migrate dev\` sees no drift.`,
    "Only creates tables; no existing row is touched. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).",
  ];
  const body = dialect === "sqlserver" ? wrapInTransaction(statements) : statements;
  return { provider, name: migrationName(tables), sql: renderMigration(header, body), notes: [] };
}

function indexWhy(table: TableModel, unique: boolean): string {
  return unique
    ? `Unique, because Better Auth looks ${table.name} rows up by this key; named as Prisma names it.`
    : `Index Better Auth's schema declares on ${table.name} (lookups by this column); named as Prisma names it.`;
}

/** One new model. */
export function addTableMigration(input: { schema: Schema; model: string }): MigrationPlan {
  return addTablesMigration({ schema: input.schema, models: [input.model] });
}
