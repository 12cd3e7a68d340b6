import { quoteIdent, type SqlProvider } from "../../sql/provider";
import { quoteTable } from "../session-context";
import type { ForeignKey, Index, TableModel } from "../table-model";
import { columnDefinition, type ServerSqlDialect } from "./column-ddl";
import { REFERENTIAL_ACTION_SQL } from "./referential-actions";

// CREATE TABLE, CREATE INDEX and ADD FOREIGN KEY in the shape of Prisma Migrate's own output for
// the server databases, with Prisma's constraint names, so `prisma migrate dev` sees no drift.
// MySQL and SQL Server keep unique keys inside CREATE TABLE, as Prisma writes them.

function indexColumns(dialect: SqlProvider, index: Index): string {
  return index.columns
    .map((c) => quoteIdent(dialect, c.name) + (dialect === "mysql" && c.length ? `(${c.length})` : "") + (c.sort === "Desc" ? " DESC" : ""))
    .join(", ");
}

function inlineKeys(dialect: ServerSqlDialect, table: TableModel): string[] {
  const q = (name: string) => quoteIdent(dialect, name);
  const pk = table.primaryKey.columns.map(q).join(", ");
  if (dialect === "mysql") {
    return [...table.indexes.map((index) => `${index.unique ? "UNIQUE " : ""}INDEX ${q(index.name)}(${indexColumns(dialect, index)})`), `PRIMARY KEY (${pk})`];
  }
  if (dialect === "sqlserver") {
    return [
      `CONSTRAINT ${q(table.primaryKey.name)} PRIMARY KEY CLUSTERED (${pk})`,
      ...table.indexes.filter((index) => index.unique).map((index) => `CONSTRAINT ${q(index.name)} UNIQUE NONCLUSTERED (${indexColumns(dialect, index)})`),
    ];
  }
  return [`CONSTRAINT ${q(table.primaryKey.name)} PRIMARY KEY (${pk})`];
}

/** `CREATE TABLE` with columns and the keys Prisma declares inline. */
export function createTableSql(dialect: ServerSqlDialect, table: TableModel): string {
  const columns = table.columns.map((column) => `    ${columnDefinition(dialect, column, { table: table.name })}`);
  const keys = table.primaryKey.columns.length ? inlineKeys(dialect, table).map((key) => `    ${key}`) : [];
  // Prisma leaves a blank line before the keys on PostgreSQL and MySQL.
  const gap = dialect === "postgresql" || dialect === "mysql" ? [""] : [];
  const body = keys.length ? [...columns.map((c) => `${c},`), ...gap, ...keys.map((k, i) => (i < keys.length - 1 ? `${k},` : k))] : columns.map((c, i) => (i < columns.length - 1 ? `${c},` : c));
  const suffix = dialect === "mysql" ? " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" : "";
  return `CREATE TABLE ${quoteTable(dialect, table)} (\n${body.join("\n")}\n)${suffix};`;
}

/** Indexes Prisma creates with their own statement (MySQL: none; SQL Server: the non-unique ones). */
export function separateIndexes(dialect: ServerSqlDialect, table: TableModel): Index[] {
  if (dialect === "mysql") return [];
  if (dialect === "sqlserver") return table.indexes.filter((index) => !index.unique);
  return table.indexes;
}

export function createIndexSql(dialect: ServerSqlDialect, table: TableModel, index: Index): string {
  const q = (name: string) => quoteIdent(dialect, name);
  const target = quoteTable(dialect, table);
  if (dialect === "sqlserver") {
    return index.unique
      ? `ALTER TABLE ${target} ADD CONSTRAINT ${q(index.name)} UNIQUE NONCLUSTERED (${indexColumns(dialect, index)});`
      : `CREATE NONCLUSTERED INDEX ${q(index.name)} ON ${target}(${indexColumns(dialect, index)});`;
  }
  return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${q(index.name)} ON ${target}(${indexColumns(dialect, index)});`;
}

export function addForeignKeySql(dialect: ServerSqlDialect, table: TableModel, fk: ForeignKey): string {
  const q = (name: string) => quoteIdent(dialect, name);
  const referenced = quoteTable(dialect, { name: fk.referencedTable, schema: fk.referencedSchema } as TableModel);
  return (
    `ALTER TABLE ${quoteTable(dialect, table)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${fk.columns.map(q).join(", ")}) ` +
    `REFERENCES ${referenced}(${fk.referencedColumns.map(q).join(", ")}) ON DELETE ${REFERENTIAL_ACTION_SQL[fk.onDelete]} ON UPDATE ${REFERENTIAL_ACTION_SQL[fk.onUpdate]};`
  );
}
