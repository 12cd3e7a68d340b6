import { renderNativeType } from "../column-types";
import { quoteIdent, quoteString, type SqlProvider } from "../../sql/provider";
import type { Column, DefaultValue } from "../table-model";

// Column definitions as Prisma Migrate writes them for the server databases (PostgreSQL,
// CockroachDB, MySQL, SQL Server): type, nullability, default. Checked against the DDL of
// Prisma's schema engine for PostgreSQL and CockroachDB in test/migrations/add-sql.test.ts.

export type ServerSqlDialect = Exclude<SqlProvider, "sqlite">;

const SCALARS: Record<ServerSqlDialect, Record<string, string>> = {
  postgresql: {
    String: "TEXT",
    Boolean: "BOOLEAN",
    Int: "INTEGER",
    BigInt: "BIGINT",
    Float: "DOUBLE PRECISION",
    Decimal: "DECIMAL(65,30)",
    DateTime: "TIMESTAMP(3)",
    Json: "JSONB",
    Bytes: "BYTEA",
  },
  cockroachdb: {
    String: "STRING",
    Boolean: "BOOL",
    Int: "INT4",
    BigInt: "INT8",
    Float: "FLOAT8",
    Decimal: "DECIMAL(65,30)",
    DateTime: "TIMESTAMP(3)",
    Json: "JSONB",
    Bytes: "BYTES",
  },
  mysql: {
    String: "VARCHAR(191)",
    Boolean: "BOOLEAN",
    Int: "INTEGER",
    BigInt: "BIGINT",
    Float: "DOUBLE",
    Decimal: "DECIMAL(65,30)",
    DateTime: "DATETIME(3)",
    Json: "JSON",
    Bytes: "LONGBLOB",
  },
  sqlserver: {
    String: "NVARCHAR(1000)",
    Boolean: "BIT",
    Int: "INT",
    BigInt: "BIGINT",
    Float: "FLOAT",
    Decimal: "DECIMAL(32,16)",
    DateTime: "DATETIME2",
    Json: "NVARCHAR(1000)",
    Bytes: "VARBINARY(MAX)",
  },
};

function autoincrementType(dialect: ServerSqlDialect, column: Column): string | undefined {
  if (column.default?.kind !== "autoincrement") return undefined;
  const big = column.scalar === "BigInt";
  switch (dialect) {
    case "postgresql":
      return big ? "BIGSERIAL" : "SERIAL";
    default:
      return undefined;
  }
}

/** The column's SQL type (`TEXT`, `VARCHAR(191)`, `TEXT[]`, `SERIAL`…). */
export function columnType(dialect: ServerSqlDialect, column: Column): string {
  const serial = autoincrementType(dialect, column);
  if (serial) return serial;
  let type: string;
  if (column.unsupported) type = column.scalar;
  else if (column.nativeType) type = renderNativeType(column.nativeType);
  // Enums would need CREATE TYPE first; Better Auth's generator never writes one.
  else if (column.isEnum) type = SCALARS[dialect].String!;
  else type = SCALARS[dialect][column.scalar] ?? column.scalar;
  return column.list ? `${type}[]` : type;
}

/** A `@default` value as SQL, for every provider; undefined where the database has none (uuid(), autoincrement…). */
export function defaultLiteral(dialect: SqlProvider, value: DefaultValue, column: Column): string | undefined {
  switch (value.kind) {
    case "now":
      return dialect === "mysql" ? "CURRENT_TIMESTAMP(3)" : "CURRENT_TIMESTAMP";
    case "string":
    case "enum":
      return quoteString(value.value);
    case "number":
      return value.text;
    case "boolean":
      return dialect === "sqlserver" ? (value.value ? "1" : "0") : String(value.value);
    case "dbgenerated":
      return value.sql;
    case "list": {
      // Prisma has no list columns on SQLite.
      if (dialect === "sqlite") return undefined;
      const items = value.items.map((item) => defaultLiteral(dialect, item, column));
      if (items.some((item) => item === undefined)) return undefined;
      return `ARRAY[${items.join(", ")}]::${columnType(dialect, column)}`;
    }
    default:
      return undefined;
  }
}

/** The SQL of the column's `@default`, undefined when the database has none (uuid(), autoincrement…). */
export function defaultSql(dialect: ServerSqlDialect, column: Column): string | undefined {
  return column.default ? defaultLiteral(dialect, column.default, column) : undefined;
}

export interface ColumnOptions {
  /** Leave NOT NULL off even if the field is required (added first, made required after the backfill). */
  nullable?: boolean;
  /** SQL Server names its default constraints; Prisma calls them `<table>_<column>_df`. */
  table?: string;
}

/** `"name" TYPE [NOT NULL] [DEFAULT …]` as Prisma writes it inside CREATE TABLE and ADD COLUMN. */
export function columnDefinition(dialect: ServerSqlDialect, column: Column, options: ColumnOptions = {}): string {
  const q = (name: string) => quoteIdent(dialect, name);
  const notNull = !column.optional && !options.nullable;
  let out = `${q(column.name)} ${columnType(dialect, column)}`;
  if (dialect === "mysql" || dialect === "sqlserver") out += notNull ? " NOT NULL" : " NULL";
  else if (notNull) out += " NOT NULL";
  if (column.default?.kind === "autoincrement") {
    if (dialect === "mysql") out += " AUTO_INCREMENT";
    if (dialect === "sqlserver") out += " IDENTITY(1,1)";
    if (dialect === "cockroachdb") out += " DEFAULT unique_rowid()";
    return out;
  }
  const value = defaultSql(dialect, column);
  if (value !== undefined) {
    out += dialect === "sqlserver" ? ` CONSTRAINT ${q(`${options.table ?? ""}_${column.name}_df`)} DEFAULT ${value}` : ` DEFAULT ${value}`;
  }
  return out;
}
