import type { ConnectionOptions } from "mysql2";
import type { DbConnection } from "../types";

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

export async function connectMysql(url: string, timeoutMs: number): Promise<DbConnection> {
  // Loaded here, not at import time, so the extension activates without parsing any driver.
  const mysql = require("mysql2/promise") as typeof import("mysql2/promise");
  const connection = await mysql.createConnection(mysqlConfig(url, timeoutMs));
  // Late socket errors must not become unhandled 'error' events.
  connection.on("error", () => undefined);
  return {
    async query(sql, params) {
      const [rows] = await connection.query({ sql, values: [...params], timeout: timeoutMs });
      return rows as Record<string, unknown>[];
    },
    async close() {
      // A graceful QUIT, but never waiting on a server that stopped answering.
      await Promise.race([connection.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      connection.destroy();
    },
  };
}
