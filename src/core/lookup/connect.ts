import { connectMysql } from "./drivers/mysql";
import { connectPostgres } from "./drivers/postgres";
import { connectSqlite } from "./drivers/sqlite";
import { connectSqlServer } from "./drivers/sqlserver";
import type { ConnectOptions, DbConnection, SqlProvider } from "./types";

/** Drivers a program carries itself, used when the project has none. */
export type OwnDriver = "pg" | "mysql2" | "tedious";

/** The CLI's: npm installs all three with it. The editor bundles pg only (see src/vscode/lookup/entry.ts). */
export const CLI_DRIVERS: readonly OwnDriver[] = ["pg", "mysql2", "tedious"];

/**
 * One connection to the database, through the project's driver for `provider` (looked for from
 * `options.baseDir` up, as Node resolves the app's imports), else one of `own`. SQLite always
 * goes through sql.js (wasm): the project's better-sqlite3 is native, built for Node, not for
 * the editor's Electron.
 */
export function connect(provider: SqlProvider, options: ConnectOptions, own: readonly OwnDriver[] = CLI_DRIVERS): Promise<DbConnection> {
  const fromDir = options.baseDir ?? process.cwd();
  switch (provider) {
    case "postgresql":
    case "cockroachdb":
      return connectPostgres(options.url, options.timeoutMs, fromDir, own.includes("pg"));
    case "mysql":
      return connectMysql(options.url, options.timeoutMs, fromDir, own.includes("mysql2"));
    case "sqlite":
      return connectSqlite(options.url, options.baseDir);
    case "sqlserver":
      return connectSqlServer(options.url, options.timeoutMs, fromDir, own.includes("tedious"));
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
