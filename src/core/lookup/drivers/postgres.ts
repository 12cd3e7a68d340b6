import type { ClientConfig } from "pg";
import type { DbConnection } from "../types";
import { type DriverPackage, loadDriver } from "./project-driver";

/** pg as an app has it: its own dependency, or the one Prisma's adapter brings. */
export const POSTGRES_DRIVERS: readonly DriverPackage[] = [
  { chain: ["pg"], specifier: "pg" },
  { chain: ["@prisma/adapter-pg", "pg"], specifier: "pg" },
];

// pg's oid for `timestamp` (without zone); older pg versions have no types.builtins.
const TIMESTAMP_OID = 1114;

// Prisma's own URL parameters; pg would misread some of them (sslaccept, schema) or ignore the rest.
const PRISMA_ONLY = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size", "sslaccept", "connect_timeout", "sslidentity", "sslpassword"];

/** pg settings from a Prisma PostgreSQL URL, plus the `?schema=` Prisma would set as search_path. */
export function postgresConfig(url: string, timeoutMs: number): { config: ClientConfig; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  for (const name of PRISMA_ONLY) parsed.searchParams.delete(name);
  return {
    config: {
      connectionString: parsed.toString(),
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      application_name: "better-auth-doctor",
    },
    schema,
  };
}

/** Prisma writes `timestamp(3)` without a zone in UTC; pg would read it as local time. */
function parseUtcTimestamp(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** `fromDir`: where the project's pg is looked for; `ownDriver`: whether this program's own pg may be used instead. */
export async function connectPostgres(url: string, timeoutMs: number, fromDir: string, ownDriver: boolean): Promise<DbConnection> {
  // Loaded here, not at import time, so the extension activates without parsing any driver.
  const pg = loadDriver("PostgreSQL", POSTGRES_DRIVERS, fromDir, ownDriver ? () => require("pg") : undefined).module as typeof import("pg");
  const { config } = postgresConfig(url, timeoutMs);
  const client = new pg.Client({
    ...config,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An 'error' event without a listener would crash the process (e.g. the server going away).
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    async query(sql, params) {
      const result = await client.query({ text: sql, values: [...params] });
      return result.rows as Record<string, unknown>[];
    },
    async close() {
      // A graceful Terminate, but never waiting on a server that stopped answering.
      await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    },
  };
}
