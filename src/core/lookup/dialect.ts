import { quoteIdent, type SqlProvider } from "../sql/provider";
import type { TableName } from "./types";

// The SQL the lookup sends, per database: only SELECTs, identifiers quoted from the schema's
// names (never spliced user text), values always as bound parameters.

export interface Dialect {
  quote(identifier: string): string;
  /** The n-th (1-based) bound parameter. */
  param(n: number): string;
  /** One row of `table` whose `column` equals the first parameter. */
  selectOneBy(table: TableName, column: string): string;
  /** At most `limit` rows of `table` (a small table read whole: the jwt plugin's keys). */
  selectAll(table: TableName, limit: number): string;
  /** Every table the connection can see, as rows with a `name` (and `schema`) column. */
  listTables: string;
  /** Makes the session refuse writes, where the database has such a switch. */
  readOnly?: string;
}

const doubleQuoted = (identifier: string) => quoteIdent("postgresql", identifier);
const qualified = (quote: (s: string) => string, table: TableName) => (table.schema ? `${quote(table.schema)}.${quote(table.name)}` : quote(table.name));

const postgres: Dialect = {
  quote: doubleQuoted,
  param: (n) => `$${n}`,
  selectOneBy: (table, column) => `SELECT * FROM ${qualified(doubleQuoted, table)} WHERE ${doubleQuoted(column)} = $1 LIMIT 1`,
  selectAll: (table, limit) => `SELECT * FROM ${qualified(doubleQuoted, table)} LIMIT ${Math.trunc(limit)}`,
  listTables: `SELECT table_schema AS "schema", table_name AS "name" FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'crdb_internal', 'pg_extension') ORDER BY 1, 2 LIMIT 500`,
  readOnly: "SET default_transaction_read_only = true",
};

const backticked = (identifier: string) => quoteIdent("mysql", identifier);
const mysql: Dialect = {
  quote: backticked,
  param: () => "?",
  selectOneBy: (table, column) => `SELECT * FROM ${qualified(backticked, table)} WHERE ${backticked(column)} = ? LIMIT 1`,
  selectAll: (table, limit) => `SELECT * FROM ${qualified(backticked, table)} LIMIT ${Math.trunc(limit)}`,
  listTables: "SELECT table_schema AS `schema`, table_name AS `name` FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 2 LIMIT 500",
  readOnly: "SET SESSION TRANSACTION READ ONLY",
};

const sqlite: Dialect = {
  quote: doubleQuoted,
  param: () => "?",
  // SQLite has no schemas in Prisma's sense: `@@schema` is not supported there, so it is ignored.
  selectOneBy: (table, column) => `SELECT * FROM ${doubleQuoted(table.name)} WHERE ${doubleQuoted(column)} = ? LIMIT 1`,
  selectAll: (table, limit) => `SELECT * FROM ${doubleQuoted(table.name)} LIMIT ${Math.trunc(limit)}`,
  listTables: `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 500`,
};

const bracketed = (identifier: string) => quoteIdent("sqlserver", identifier);
const sqlserver: Dialect = {
  quote: bracketed,
  param: (n) => `@p${n}`,
  selectOneBy: (table, column) => `SELECT TOP (1) * FROM ${qualified(bracketed, table)} WHERE ${bracketed(column)} = @p1`,
  selectAll: (table, limit) => `SELECT TOP (${Math.trunc(limit)}) * FROM ${qualified(bracketed, table)}`,
  listTables: "SELECT TOP (500) TABLE_SCHEMA AS [schema], TABLE_NAME AS [name] FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY 1, 2",
};

export function dialectFor(provider: SqlProvider): Dialect {
  switch (provider) {
    case "postgresql":
    case "cockroachdb":
      return postgres;
    case "mysql":
      return mysql;
    case "sqlite":
      return sqlite;
    case "sqlserver":
      return sqlserver;
  }
}
