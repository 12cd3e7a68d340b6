// The SQL dialects Prisma Migrate writes, keyed by the datasource `provider` value.

export type SqlDialect = "postgresql" | "cockroachdb" | "mysql" | "sqlite" | "sqlserver";

/** `postgres` is Prisma's alias for `postgresql`; anything unknown is undefined. */
export function sqlDialect(provider: string): SqlDialect | undefined {
  switch (provider) {
    case "postgresql":
    case "postgres":
      return "postgresql";
    case "cockroachdb":
    case "mysql":
    case "sqlite":
    case "sqlserver":
      return provider;
    default:
      return undefined;
  }
}

/** Identifier length limits Prisma truncates generated constraint names to (psl `max_identifier_length`). */
export function maxIdentifierLength(dialect: SqlDialect): number {
  switch (dialect) {
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

export function quoteIdent(dialect: SqlDialect, name: string): string {
  switch (dialect) {
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
