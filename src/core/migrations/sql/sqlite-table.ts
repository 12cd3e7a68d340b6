import { sqliteColumnType } from "../column-types";
import { quoteIdent, quoteString } from "../../sql/provider";
import type { Column, DefaultValue, ForeignKey, Index, ReferentialAction, TableModel } from "../table-model";

// Prisma's SQLite DDL, reproduced character for character (checked against
// @prisma/schema-engine-wasm in test/migrations): the table rebuild must create exactly the
// table `prisma migrate dev` would, or the next `migrate dev` reports drift.

const q = (name: string) => quoteIdent("sqlite", name);

function renderDefault(value: DefaultValue): string | undefined {
  switch (value.kind) {
    case "now":
      return "CURRENT_TIMESTAMP";
    case "string":
    case "enum":
      return quoteString(value.value);
    case "number":
      return value.text;
    case "boolean":
      return String(value.value);
    case "dbgenerated":
      return value.sql;
    default:
      return undefined;
  }
}

function renderColumn(column: Column, singlePrimaryKey: boolean): string {
  const type = sqliteColumnType(column) ?? column.scalar;
  let out = `${q(column.name)} ${type}`;
  if (!column.optional) out += " NOT NULL";
  if (singlePrimaryKey) {
    out += " PRIMARY KEY";
    if (column.default?.kind === "autoincrement") return `${out} AUTOINCREMENT`;
  }
  const value = column.default && renderDefault(column.default);
  if (value !== undefined) out += ` DEFAULT ${value}`;
  return out;
}

const ACTIONS: Record<ReferentialAction, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

function renderForeignKey(fk: ForeignKey): string {
  const columns = fk.columns.map(q).join(", ");
  const referenced = fk.referencedColumns.map(q).join(", ");
  return (
    `CONSTRAINT ${q(fk.name)} FOREIGN KEY (${columns}) REFERENCES ${q(fk.referencedTable)} (${referenced}) ` +
    `ON DELETE ${ACTIONS[fk.onDelete]} ON UPDATE ${ACTIONS[fk.onUpdate]}`
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
