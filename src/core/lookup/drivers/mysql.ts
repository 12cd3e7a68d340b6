import type { ConnectionOptions } from "mysql2";
import type { DbConnection } from "../types";
import { type DriverPackage, loadDriver } from "./project-driver";

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** mysql2 options from a Prisma MySQL URL (`mysql://user:pass@host:3306/db?socket=/path&sslaccept=strict`). */
export function mysqlConfig(url: string, timeoutMs: number): ConnectionOptions {
  const parsed = new URL(url);
  const socket = parsed.searchParams.get("socket");
  const sslaccept = parsed.searchParams.get("sslaccept");
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    ...(socket ? { socketPath: socket } : { host: parsed.hostname || "localhost", port: parsed.port ? Number(parsed.port) : 3306 }),
    user: decode(parsed.username),
    password: decode(parsed.password),
    database: decode(parsed.pathname.replace(/^\//, "")) || undefined,
    connectTimeout: timeoutMs,
    // Prisma stores DATETIME(3) in UTC; mysql2 would otherwise read it as local time.
    timezone: "Z",
    ...(sslaccept || sslmode === "require" ? { ssl: { rejectUnauthorized: sslaccept === "strict" } } : {}),
  };
}

const MYSQL2: DriverPackage = { chain: ["mysql2"], specifier: "mysql2/promise" };
const MARIADB = "mariadb";

/** mysql2, else mariadb as an app has it: its own dependency, or the one Prisma 7's adapter brings. */
export const MYSQL_DRIVERS: readonly DriverPackage[] = [
  MYSQL2,
  { chain: [MARIADB], specifier: MARIADB },
  { chain: ["@prisma/adapter-mariadb", MARIADB], specifier: MARIADB },
];

// A graceful QUIT, but never waiting on a server that stopped answering.
const endWithin1s = (end: Promise<unknown>) => Promise.race([end.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);

async function connectMysql2(mysql: typeof import("mysql2/promise"), config: ConnectionOptions, timeoutMs: number): Promise<DbConnection> {
  const connection = await mysql.createConnection(config);
  // Late socket errors must not become unhandled 'error' events.
  connection.on("error", () => undefined);
  return {
    async query(sql, params) {
      const [rows] = await connection.query({ sql, values: [...params], timeout: timeoutMs });
      return rows as Record<string, unknown>[];
    },
    async close() {
      await endWithin1s(connection.end());
      connection.destroy();
    },
  };
}

async function connectMariadb(mariadb: typeof import("mariadb"), config: ConnectionOptions): Promise<DbConnection> {
  const { socketPath, host, port, user, password, database, connectTimeout } = config;
  const connection = await mariadb.createConnection({
    ...(socketPath ? { socketPath } : { host, port }),
    user,
    password,
    database,
    connectTimeout,
    // Prisma writes DATETIME(3) in UTC. As text, toDate reads it as UTC; the connector's own
    // `timezone: "Z"` shifts the values by the machine's offset twice (mariadb 3.4.5, TZ=America/New_York).
    dateStrings: true,
    ...(typeof config.ssl === "object" ? { ssl: { rejectUnauthorized: config.ssl.rejectUnauthorized } } : {}),
  });
  connection.on("error", () => undefined);
  return {
    // No per-query timeout option: the connector's uses max_statement_time, which MySQL servers reject; lookupSession's deadline applies.
    async query(sql, params) {
      return (await connection.query(sql, [...params])) as Record<string, unknown>[];
    },
    async close() {
      await endWithin1s(connection.end());
      connection.destroy();
    },
  };
}

/** `fromDir`: where the project's driver is looked for; `ownDriver`: whether this program's own mysql2 may be used instead. */
export async function connectMysql(url: string, timeoutMs: number, fromDir: string, ownDriver: boolean): Promise<DbConnection> {
  // Loaded here, not at import time, so the extension activates without parsing any driver.
  const driver = loadDriver("MySQL/MariaDB", MYSQL_DRIVERS, fromDir, ownDriver ? () => require("mysql2/promise") : undefined);
  const config = mysqlConfig(url, timeoutMs);
  return driver.candidate?.specifier === MARIADB ? connectMariadb(driver.module as typeof import("mariadb"), config) : connectMysql2(driver.module as typeof import("mysql2/promise"), config, timeoutMs);
}
