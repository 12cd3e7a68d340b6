import type { Block, Schema } from "../schema/ast";
import { fieldAttribute } from "../schema/query";
import { stringColumnType } from "./column-types";
import { uniqueIndexName } from "./constraint-names";
import { quoteIdent, type SqlProvider } from "../sql/provider";
import { tableModel, type Column, type Index, type TableModel } from "./table-model";

// Everything the SQL builders need to know about the Session table, resolved once: real table
// and column names, the token column's type, the indexes that mention it, and Prisma's name for
// the unique index the 1.x layout needs.

export interface SessionContext {
  dialect: SqlProvider;
  /** The table as the given block describes it (the layout before the fix). */
  table: TableModel;
  /** Quoted, schema-qualified table name for statements. */
  qualified: string;
  id: Column;
  token: {
    field: string;
    column: string;
    /** SQL type: from `@db.*` on the field, else the provider's default for `String`. */
    type: string;
    /** The column when the block already has the token field. */
    existing?: Column;
    /** Indexes of the block that list the token field. */
    indexes: Index[];
    /** Name of the unique index the 1.x layout needs (`<table>_<column>_key` unless `map:` says otherwise). */
    uniqueName: string;
    /** MySQL prefix length (`@unique(length: 191)`), when the schema gives one. */
    uniqueLength?: number;
  };
  /** The column that says which of several sessions sharing a token is the newest. */
  expiresAt?: Column;
}

export function quoteTable(dialect: SqlProvider, table: TableModel): string {
  // Prisma's SQL Server migrations always qualify with the schema, `dbo` by default.
  const schema = table.schema ?? (dialect === "sqlserver" ? "dbo" : undefined);
  return (schema ? `${quoteIdent(dialect, schema)}.` : "") + quoteIdent(dialect, table.name);
}

export function sessionContext(schema: Schema, session: Block, dialect: SqlProvider, tokenField: string, expiresAtField = "expiresAt"): SessionContext | string {
  const table = tableModel(schema, session, dialect);
  const idField = session.fields.find((field) => fieldAttribute(field, "id"));
  const id = idField && table.columns.find((column) => column.field === idField.name);
  if (!id) return `${session.name} has no single-field @id, so there is no id column to copy the token from or into.`;
  const existing = table.columns.find((column) => column.field === tokenField);
  const column = existing?.name ?? tokenField;
  const indexes = table.indexes.filter((index) => index.fields.includes(tokenField));
  const unique = indexes.find((index) => index.unique && index.fields.length === 1);
  return {
    dialect,
    table,
    qualified: quoteTable(dialect, table),
    id,
    token: {
      field: tokenField,
      column,
      type: stringColumnType(dialect, existing),
      existing,
      indexes,
      uniqueName: unique?.name ?? uniqueIndexName(dialect, table.name, [column]),
      uniqueLength: unique?.columns[0]?.length,
    },
    expiresAt: table.columns.find((c) => c.field === expiresAtField),
  };
}
