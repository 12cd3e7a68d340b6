import { sqliteColumnType } from "../column-types";
import { quoteIdent } from "../../sql/provider";
import { defaultLiteral } from "./column-ddl";
import { REFERENTIAL_ACTION_SQL } from "./referential-actions";
import type { Column, ForeignKey, Index, TableModel } from "../table-model";

// Prisma's SQLite DDL, reproduced character for character (checked against
// @prisma/schema-engine-wasm in test/migrations): the table rebuild must create exactly the
// table `prisma migrate dev` would, or the next `migrate dev` reports drift.

const q = (name: string) => quoteIdent("sqlite", name);

function renderColumn(column: Column, singlePrimaryKey: boolean): string {
  const type = sqliteColumnType(column) ?? column.scalar;
  let out = `${q(column.name)} ${type}`;
  if (!column.optional) out += " NOT NULL";
  if (singlePrimaryKey) {
    out += " PRIMARY KEY";
    if (column.default?.kind === "autoincrement") return `${out} AUTOINCREMENT`;
  }
  const value = column.default && defaultLiteral("sqlite", column.default, column);
  if (value !== undefined) out += ` DEFAULT ${value}`;
  return out;
}

function renderForeignKey(fk: ForeignKey): string {
  const columns = fk.columns.map(q).join(", ");
  const referenced = fk.referencedColumns.map(q).join(", ");
  return (
    `CONSTRAINT ${q(fk.name)} FOREIGN KEY (${columns}) REFERENCES ${q(fk.referencedTable)} (${referenced}) ` +
    `ON DELETE ${REFERENTIAL_ACTION_SQL[fk.onDelete]} ON UPDATE ${REFERENTIAL_ACTION_SQL[fk.onUpdate]}`
  );
}

/** `CREATE TABLE "<name>" (…)` for the table's columns, primary key and foreign keys. */
export function createTableSql(table: TableModel, name: string): string {
  const single = table.primaryKey.columns.length === 1 ? table.primaryKey.columns[0] : undefined;
  const lines = table.columns.map((column) => renderColumn(column, column.name === single));
  let body = lines.map((line) => `    ${line}`).join(",\n");
  if (table.primaryKey.columns.length > 1) body += `,\n\n    PRIMARY KEY (${table.primaryKey.columns.map(q).join(", ")})`;
  for (const fk of table.foreignKeys) body += `,\n    ${renderForeignKey(fk)}`;
  return `CREATE TABLE ${q(name)} (\n${body}\n);`;
}

export function createIndexSql(table: TableModel, index: Index): string {
  const columns = index.columns.map((c) => q(c.name) + (c.sort === "Desc" ? " DESC" : "")).join(", ");
  return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${q(index.name)} ON ${q(table.name)}(${columns});`;
}
