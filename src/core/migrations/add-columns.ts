import type { Block, Schema } from "../schema/ast";
import { datasourceProvider, fieldAttribute } from "../schema/query";
import { quoteIdent, quoteString, normalizeProvider, type SqlProvider } from "../sql/provider";
import { renderMigration } from "./render";
import { quoteTable } from "./session-context";
import { columnDefinition, columnType, defaultSql, type ServerSqlDialect } from "./sql/column-ddl";
import { addForeignKeySql, createIndexSql } from "./sql/create-table";
import { rebuildTable } from "./sql/sqlite-rebuild";
import { wrapInTransaction } from "./sql/sqlserver";
import { tableModel, type Column, type TableModel } from "./table-model";
import type { MigrationPlan, Statement } from "./types";

// The migration for fields a fix adds to an existing model. The table may hold rows, so a
// required column without a default is never added as NOT NULL straight away (that fails, or on
// some databases fills rows with an invented value):
// - `@updatedAt` columns are filled from createdAt (or the migration time): "not updated since";
// - any other required column without a default has no honest value to give existing rows, so
//   the migration stops before changing anything when the table has rows, and says how to go on.
// Columns with a default get it in every existing row, as the schema declares.

export interface AddColumnsInput {
  /** The schema after the fix. */
  schema: Schema;
  /** Prisma name of the model that gains fields. */
  model: string;
  /** Prisma names of the added fields; relation fields (no column) may be listed and are skipped. */
  fields: string[];
}

type Fill = { kind: "default" | "optional" } | { kind: "backfill"; from: string; why: string } | { kind: "none" };

interface NewColumn {
  column: Column;
  fill: Fill;
}

function classify(block: Block, table: TableModel, dialect: SqlProvider, column: Column, added: Set<string>): Fill {
  if (column.default && column.default.kind !== "client") {
    if (dialect === "sqlite" || defaultSql(dialect as ServerSqlDialect, column) !== undefined || column.default.kind === "autoincrement") return { kind: "default" };
  }
  if (column.optional) return { kind: "optional" };
  const field = block.fields.find((f) => f.name === column.field);
  if (field && fieldAttribute(field, "updatedAt")) {
    const createdAt = table.columns.find((c) => c.field === "createdAt" && c.scalar === "DateTime" && !added.has(c.name));
    const q = (name: string) => quoteIdent(dialect, name);
    return createdAt
      ? { kind: "backfill", from: q(createdAt.name), why: `Existing rows have not been updated since they were created: "${column.name}" starts as their "${createdAt.name}".` }
      : { kind: "backfill", from: "CURRENT_TIMESTAMP", why: `"${column.name}" is the last update time; existing rows get the time of this migration (no earlier time is known).` };
  }
  return { kind: "none" };
}

const guardMessage = (table: string, columns: string[]) =>
  `Better Auth Doctor: "${table}" has rows, and the new required column${columns.length > 1 ? "s" : ""} ${columns.map((c) => `"${c}"`).join(", ")} ` +
  `${columns.length > 1 ? "have" : "has"} no default. Give existing rows a value in this migration (see its comments) or make the field optional, then apply it again.`;

function guardHelp(table: TableModel, columns: string[], dialect: SqlProvider): string {
  const target = dialect === "sqlite" ? quoteIdent("sqlite", table.name) : quoteTable(dialect, table);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const howTo =
    dialect === "sqlite"
      ? `remove this guard and add ${list} with a value expression to the INSERT … SELECT of the rebuild below`
      : `remove this guard and add ${columns
          .map((c) => `UPDATE ${target} SET ${quoteIdent(dialect, c)} = <value> WHERE ${quoteIdent(dialect, c)} IS NULL;`)
          .join(" ")} right after the ADD COLUMN statements`;
  return `Stop before any change if "${table.name}" has rows: there is no honest value for ${list} in them. To keep the rows, ${howTo}.`;
}

/** A statement that fails with a readable message when the table has rows; undefined where the next steps fail on their own. */
function guardSql(dialect: SqlProvider, table: TableModel, columns: string[]): string | undefined {
  const target = dialect === "sqlite" ? quoteIdent("sqlite", table.name) : quoteTable(dialect, table);
  const message = guardMessage(table.name, columns);
  switch (dialect) {
    case "postgresql":
      return ["DO $$", "BEGIN", `  IF EXISTS (SELECT 1 FROM ${target}) THEN`, `    RAISE EXCEPTION ${quoteString(message)};`, "  END IF;", "END $$;"].join("\n");
    case "sqlserver":
      return `IF EXISTS (SELECT 1 FROM ${target})\n    THROW 50000, ${quoteString(message)}, 1;`;
    case "mysql": {
      // No anonymous blocks in MySQL: a CHECK on a temporary table fails with the constraint's name.
      const name = `fill_${columns[0]}_in_${table.name}_first`.slice(0, 64);
      return (
        "CREATE TEMPORARY TABLE `better_auth_doctor_guard` (`rows` INTEGER, CONSTRAINT " + quoteIdent("mysql", name) + " CHECK (`rows` = 0));\n" +
        `INSERT INTO \`better_auth_doctor_guard\` SELECT COUNT(*) FROM ${target};\n` +
        "DROP TEMPORARY TABLE `better_auth_doctor_guard`;"
      );
    }
    case "sqlite":
      // SQLite raises errors only in triggers; a failing CHECK names its constraint, which carries the message.
      return (
        `CREATE TEMP TABLE "better_auth_doctor_guard" ("rows" INTEGER CONSTRAINT ${quoteIdent("sqlite", message)} CHECK ("rows" = 0));\n` +
        `INSERT INTO "better_auth_doctor_guard" SELECT COUNT(*) FROM ${target};\n` +
        `DROP TABLE temp."better_auth_doctor_guard";`
      );
    case "cockroachdb":
      // The script runs as one transaction: SET NOT NULL fails on the empty column and rolls everything back.
      return undefined;
  }
}

function serverStatements(dialect: ServerSqlDialect, table: TableModel, added: NewColumn[], names: Set<string>): Statement[] {
  const q = (name: string) => quoteIdent(dialect, name);
  const target = quoteTable(dialect, table);
  const statements: Statement[] = [];
  for (const { column, fill } of added) {
    const later = fill.kind === "backfill" || fill.kind === "none";
    const definition = columnDefinition(dialect, column, { nullable: later, table: table.name });
    statements.push({
      comment: later
        ? `Add "${column.name}" without NOT NULL first: existing rows have no value for it yet.`
        : fill.kind === "default"
          ? `Add "${column.name}"; existing rows get its default, as the schema declares.`
          : `Add "${column.name}" (optional: existing rows keep it empty).`,
      // SQL Server gives a nullable column's default to existing rows only WITH VALUES.
      sql:
        dialect === "sqlserver"
          ? `ALTER TABLE ${target} ADD ${definition}${fill.kind === "default" && column.optional ? " WITH VALUES" : ""};`
          : `ALTER TABLE ${target} ADD COLUMN ${definition};`,
    });
  }
  for (const { column, fill } of added) {
    if (fill.kind !== "backfill") continue;
    const update = `UPDATE ${target} SET ${q(column.name)} = ${fill.from} WHERE ${q(column.name)} IS NULL`;
    // SQL Server compiles the whole batch first; a column added in it is only visible through EXEC().
    statements.push({ comment: fill.why, sql: dialect === "sqlserver" ? `EXEC(${quoteString(update)});` : `${update};` });
  }
  for (const { column, fill } of added) {
    if (fill.kind !== "backfill" && fill.kind !== "none") continue;
    const type = columnType(dialect, column);
    const sql =
      dialect === "mysql"
        ? `ALTER TABLE ${target} MODIFY ${q(column.name)} ${type} NOT NULL;`
        : dialect === "sqlserver"
          ? `ALTER TABLE ${target} ALTER COLUMN ${q(column.name)} ${type} NOT NULL;`
          : `ALTER TABLE ${target} ALTER COLUMN ${q(column.name)} SET NOT NULL;`;
    statements.push({ comment: `Every row has a value now; make "${column.name}" required, as the field is in the schema.`, sql });
  }
  for (const index of table.indexes.filter((i) => i.columns.some((c) => names.has(c.name)))) {
    statements.push({
      comment: `${index.unique ? "Unique" : "Index"} on the new column${index.columns.length > 1 ? "s" : ""}, named as Prisma names it.`,
      sql: dialect === "mysql" ? `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${q(index.name)} ON ${target}(${index.columns.map((c) => q(c.name) + (c.length ? `(${c.length})` : "")).join(", ")});` : createIndexSql(dialect, table, index),
    });
  }
  for (const fk of table.foreignKeys.filter((f) => f.columns.some((c) => names.has(c)))) {
    statements.push({
      comment: `${fk.columns.join(", ")} references ${fk.referencedTable} (ON DELETE ${fk.onDelete}), as the relation in the schema says.`,
      sql: addForeignKeySql(dialect, table, fk),
    });
  }
  return statements;
}

function sqliteStatements(table: TableModel, added: NewColumn[], names: Set<string>): Statement[] {
  const q = (name: string) => quoteIdent("sqlite", name);
  const copy = table.columns.filter((c) => !names.has(c.name)).map((c) => ({ column: c.name, from: q(c.name) }));
  for (const { column, fill } of added) if (fill.kind === "backfill") copy.push({ column: column.name, from: fill.from });
  const described = added.map(({ column, fill }) =>
    fill.kind === "backfill" ? fill.why : fill.kind === "default" ? `"${column.name}" gets its default.` : fill.kind === "optional" ? `"${column.name}" starts empty.` : "",
  );
  return rebuildTable(table, copy, ["Copy every row.", ...described.filter(Boolean)].join(" "));
}

function mongodbNotes(table: TableModel, added: NewColumn[]): string[] {
  const collection = `db.getCollection(${JSON.stringify(table.name)})`;
  const notes = ["MongoDB has no SQL migrations (Prisma Migrate does not support it), so no migration folder is written."];
  for (const { column, fill } of added) {
    if (fill.kind === "default" && column.default && "value" in column.default) {
      notes.push(`Give existing documents the default of ${column.name}: ${collection}.updateMany({ ${column.name}: { $exists: false } }, { $set: { ${column.name}: ${JSON.stringify(column.default.value)} } })`);
    } else if (fill.kind === "backfill") {
      notes.push(`Give existing documents ${column.name}: ${collection}.updateMany({ ${column.name}: { $exists: false } }, [{ $set: { ${column.name}: ${fill.from.startsWith("CURRENT") ? "$$NOW" : `"$${fill.from.replace(/"/g, "")}"`} } }])`);
    } else if (fill.kind === "none") {
      notes.push(`Existing documents have no ${column.name}, which the schema requires and has no default for: give them a value (updateMany) or Prisma fails reading them.`);
    }
  }
  if (table.indexes.some((i) => i.columns.some((c) => added.some((a) => a.column.name === c.name)))) notes.push("Then run `npx prisma db push` to create the new indexes.");
  return notes;
}

/** ADD COLUMN (or, on SQLite, a table rebuild) for fields added to an existing model, keeping every row. */
export function addColumnsMigration(input: AddColumnsInput): MigrationPlan {
  const { schema } = input;
  const provider = datasourceProvider(schema) ?? "";
  const block = schema.blocks.find((b) => b.kind === "model" && b.name === input.model);
  if (!block) throw new Error(`The schema has no model ${input.model}`);
  const dialect = provider === "mongodb" ? "postgresql" : normalizeProvider(provider);
  const name = `better_auth_add_${input.model}_fields`.replace(/[^A-Za-z0-9_]/g, "_");
  if (!dialect) {
    return { provider, name, notes: [provider ? `No migration is written for provider "${provider}".` : "The schema has no datasource provider, so no SQL dialect to write in."] };
  }
  const table = tableModel(schema, block, dialect);
  const columns = table.columns.filter((c) => input.fields.includes(c.field));
  const names = new Set(columns.map((c) => c.name));
  const added = columns.map((column) => ({ column, fill: classify(block, table, dialect, column, names) }));
  if (provider === "mongodb") return { provider, name, notes: mongodbNotes(table, added) };
  if (!added.length) return { provider, name, notes: [`No new column in ${table.name}: the added fields are relation fields only, which the database does not store.`] };

  const statements: Statement[] = [];
  const unfilled = added.filter((a) => a.fill.kind === "none").map((a) => a.column.name);
  const guard = unfilled.length ? guardSql(dialect, table, unfilled) : undefined;
  if (guard) statements.push({ comment: guardHelp(table, unfilled, dialect), sql: guard });
  statements.push(...(dialect === "sqlite" ? sqliteStatements(table, added, names) : serverStatements(dialect, table, added, names)));

  const notes: string[] = [];
  if (unfilled.length) notes.push(guardMessage(table.name, unfilled));
  if (dialect === "sqlserver" && added.some((a) => a.column.optional && table.indexes.some((i) => i.unique && i.columns.some((c) => c.name === a.column.name)))) {
    notes.push("SQL Server's unique constraints count NULLs as equal: the unique constraint on a new optional column fails when two or more existing rows leave it empty.");
  }
  if (dialect === "mysql") notes.push("MySQL/MariaDB commit each ALTER TABLE on its own: if a step fails, fix the cause and apply the remaining steps.");
  const header = [
    `Better Auth Doctor: add ${columns.map((c) => `"${c.name}"`).join(", ")} to "${table.name}", which Better Auth needs and the database lacks.`,
    `Written for provider "${provider}" to match the fixed Prisma model (names, types, nullability, indexes), so \`prisma migrate dev\` sees no drift.`,
    unfilled.length
      ? "Keeps every row; stops before any change if a new required column has no value to give existing rows. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`)."
      : "Keeps every row. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).",
  ];
  const body = dialect === "sqlserver" ? wrapInTransaction(statements) : statements;
  return { provider, name, sql: renderMigration(header, body), notes };
}
