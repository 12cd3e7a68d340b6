import type { DbConnection } from "../types";
import { sqlServerConfig } from "./sqlserver-config";

// Not run against a server in this project's tests (none available); the SQL and the URL parsing are unit-tested.
export async function connectSqlServer(url: string, timeoutMs: number): Promise<DbConnection> {
  // Loaded here, not at import time, so the extension activates without parsing any driver.
  const tedious = require("tedious") as typeof import("tedious");
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
