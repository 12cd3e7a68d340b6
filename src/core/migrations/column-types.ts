import type { Column, NativeType } from "./table-model";
import type { SqlProvider } from "../sql/provider";

// Column types as Prisma Migrate writes them. `token String` without `@db.*` gets the
// provider's default String mapping, which is what a fresh `prisma migrate dev` would create.

const DEFAULT_STRING: Record<SqlProvider, string> = {
  postgresql: "TEXT",
  cockroachdb: "STRING",
  mysql: "VARCHAR(191)",
  sqlite: "TEXT",
  sqlserver: "NVARCHAR(1000)",
};

/** `@db.VarChar(191)` → `VARCHAR(191)`, `@db.NVarChar(Max)` → `NVARCHAR(MAX)`. */
export function renderNativeType(native: NativeType): string {
  const name = native.name.toUpperCase();
  return native.args.length ? `${name}(${native.args.map((a) => a.toUpperCase()).join(",")})` : name;
}

/** The SQL type of a String column (the token, or the id it is copied from). */
export function stringColumnType(dialect: SqlProvider, column: Pick<Column, "nativeType"> | undefined): string {
  // SQLite has no native type attributes for String; Prisma always writes TEXT.
  if (dialect !== "sqlite" && column?.nativeType) return renderNativeType(column.nativeType);
  return DEFAULT_STRING[dialect];
}

const SQLITE_TYPES: Record<string, string> = {
  String: "TEXT",
  Boolean: "BOOLEAN",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "REAL",
  Decimal: "DECIMAL",
  DateTime: "DATETIME",
  Json: "JSONB",
  Bytes: "BLOB",
};

/** The type Prisma's SQLite connector writes in CREATE TABLE; undefined when it has none. */
export function sqliteColumnType(column: Column): string | undefined {
  if (column.unsupported) return column.scalar;
  // Prisma stores enums on SQLite as TEXT.
  if (column.isEnum) return "TEXT";
  return SQLITE_TYPES[column.scalar];
}
