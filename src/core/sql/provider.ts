// The SQL databases Prisma speaks, keyed by the datasource `provider` value: one type, one
// normaliser and one identifier quoter for the migrations (what Prisma Migrate would write) and
// the session lookup (what it sends to the database).

export type SqlProvider = "postgresql" | "cockroachdb" | "mysql" | "sqlite" | "sqlserver";

/** Prisma's `provider` string → the SQL family; `postgres` and `mariadb` are aliases; undefined for MongoDB and unknown names. */
export function normalizeProvider(provider: string | undefined): SqlProvider | undefined {
  switch (provider?.toLowerCase()) {
    case "postgresql":
    case "postgres":
      return "postgresql";
    case "cockroachdb":
      return "cockroachdb";
    case "mysql":
    case "mariadb":
      return "mysql";
    case "sqlite":
      return "sqlite";
    case "sqlserver":
      return "sqlserver";
    default:
      return undefined;
  }
}

/** Identifier length limits Prisma truncates generated constraint names to (psl `max_identifier_length`). */
export function maxIdentifierLength(provider: SqlProvider): number {
  switch (provider) {
    case "postgresql":
    case "cockroachdb":
      return 63;
    case "mysql":
      return 64;
    case "sqlserver":
      return 128;
    case "sqlite":
      return 10000;
  }
}

export function quoteIdent(provider: SqlProvider, name: string): string {
  switch (provider) {
    case "mysql":
      return "`" + name.replace(/`/g, "``") + "`";
    case "sqlserver":
      return "[" + name.replace(/]/g, "]]") + "]";
    default:
      return '"' + name.replace(/"/g, '""') + '"';
  }
}

export function quoteString(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}
