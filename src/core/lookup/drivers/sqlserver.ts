import type { DbConnection } from "../types";
import { type DriverPackage, loadDriver } from "./project-driver";
import { sqlServerConfig } from "./sqlserver-config";

/** tedious as an app has it: its own dependency, or through mssql (which Prisma 7's @prisma/adapter-mssql brings). */
export const SQLSERVER_DRIVERS: readonly DriverPackage[] = [
  { chain: ["tedious"], specifier: "tedious" },
  { chain: ["mssql", "tedious"], specifier: "tedious" },
  { chain: ["@prisma/adapter-mssql", "mssql", "tedious"], specifier: "tedious" },
];

// Not run against a server in this project's tests (none available); the SQL and the URL parsing are unit-tested.
/** `fromDir`: where the project's tedious is looked for; `ownDriver`: whether this program's own tedious may be used instead. */
export async function connectSqlServer(url: string, timeoutMs: number, fromDir: string, ownDriver: boolean): Promise<DbConnection> {
  // Loaded here, not at import time, so the extension activates without parsing any driver.
  const tedious = loadDriver("SQL Server", SQLSERVER_DRIVERS, fromDir, ownDriver ? () => require("tedious") : undefined).module as typeof import("tedious");
  const connection = new tedious.Connection(sqlServerConfig(url, timeoutMs).config);
  connection.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    connection.connect((error) => (error ? reject(error) : resolve()));
  });
  return {
    query(sql, params) {
      return new Promise((resolve, reject) => {
        const rows: Record<string, unknown>[] = [];
        const request = new tedious.Request(sql, (error) => (error ? reject(error) : resolve(rows)));
        params.forEach((value, i) => request.addParameter(`p${i + 1}`, tedious.TYPES.NVarChar, value));
        request.on("row", (columns) => {
          const row: Record<string, unknown> = {};
          for (const column of columns as { metadata: { colName: string }; value: unknown }[]) row[column.metadata.colName] = column.value;
          rows.push(row);
        });
        connection.execSql(request);
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        connection.once("end", () => resolve());
        connection.close();
        setTimeout(resolve, 1000).unref();
      });
    },
  };
}
