import { connectMysql } from "./drivers/mysql";
import { connectPostgres } from "./drivers/postgres";
import { connectSqlite } from "./drivers/sqlite";
import { connectSqlServer } from "./drivers/sqlserver";
import type { ConnectOptions, DbConnection, SqlProvider } from "./types";

/** One connection to the database, through the pure JavaScript (or wasm) driver for `provider`. */
export function connect(provider: SqlProvider, options: ConnectOptions): Promise<DbConnection> {
  switch (provider) {
    case "postgresql":
    case "cockroachdb":
      return connectPostgres(options.url, options.timeoutMs);
    case "mysql":
      return connectMysql(options.url, options.timeoutMs);
    case "sqlite":
      return connectSqlite(options.url, options.baseDir);
    case "sqlserver":
      return connectSqlServer(options.url, options.timeoutMs);
  }
}

/** The schema Prisma's URL puts unqualified tables in (`?schema=` / `;schema=`), when it says one. */
export function urlSchema(provider: SqlProvider, url: string): string | undefined {
  if (provider === "postgresql" || provider === "cockroachdb") {
    try {
      return new URL(url).searchParams.get("schema") ?? undefined;
    } catch {
      return undefined;
    }
  }
  if (provider === "sqlserver") return /;\s*schema\s*=\s*([^;]+)/i.exec(url)?.[1]?.trim();
  return undefined;
}
