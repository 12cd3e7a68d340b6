import { maxIdentifierLength, type SqlProvider } from "../sql/provider";

// Prisma's default constraint names (psl `ConstraintNames`): `<table>_<columns>_<suffix>`, the
// part before the suffix cut so the whole name fits the database's identifier limit. Using the
// same names is what keeps `prisma migrate dev` from seeing drift after our migration.

function withSuffix(dialect: SqlProvider, base: string, suffix: string): string {
  const limit = maxIdentifierLength(dialect) - suffix.length;
  const cut = base.length > limit ? base.slice(0, limit) : base;
  return cut + suffix;
}

export function uniqueIndexName(dialect: SqlProvider, table: string, columns: string[]): string {
  return withSuffix(dialect, `${table}_${columns.join("_")}`, "_key");
}

export function indexName(dialect: SqlProvider, table: string, columns: string[]): string {
  return withSuffix(dialect, `${table}_${columns.join("_")}`, "_idx");
}

export function foreignKeyName(dialect: SqlProvider, table: string, columns: string[]): string {
  return withSuffix(dialect, `${table}_${columns.join("_")}`, "_fkey");
}

export function primaryKeyName(dialect: SqlProvider, table: string): string {
  return withSuffix(dialect, table, "_pkey");
}
