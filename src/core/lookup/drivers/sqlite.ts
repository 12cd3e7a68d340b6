import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { DbConnection } from "../types";
import { applyWal } from "./sqlite-wal";

/** The file a Prisma SQLite URL names (`file:./dev.db?…`), relative paths resolved from `baseDir`. */
export function sqlitePath(url: string, baseDir: string | undefined): string {
  let path = url.replace(/^file:/i, "").replace(/[?#].*$/, "");
  // `file://localhost/abs` and `file:///abs` are URL forms of an absolute path.
  if (path.startsWith("//")) path = path.replace(/^\/\/[^/]*/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  return isAbsolute(path) ? path : resolve(baseDir ?? process.cwd(), path);
}

/** sql.js's wasm: beside the bundle in dist/ (copied by esbuild.config.mjs), else from node_modules. */
function wasmFile(): string {
  const beside = join(__dirname, "sql-wasm.wasm");
  // Unbundled (tests): node_modules. A variable, so esbuild does not try to resolve it at build time.
  const fromPackage = "sql.js/dist/sql-wasm.wasm";
  return existsSync(beside) ? beside : require.resolve(fromPackage);
}

const MAX_BYTES = 1024 * 1024 * 1024;

// sql.js (SQLite compiled to WebAssembly) needs no native module, so it runs in any VS Code
// extension host whatever its Node ABI. It reads a copy of the file: the lookup cannot write.
export async function connectSqlite(url: string, baseDir: string | undefined): Promise<DbConnection> {
  const path = sqlitePath(url, baseDir);
  const size = statSync(path).size;
  if (size > MAX_BYTES) throw new Error(`${path} is ${Math.round(size / 1048576)} MiB; the lookup reads SQLite files into memory and stops at 1 GiB.`);
  const initSqlJs = require("sql.js") as typeof import("sql.js");
  const wasm = readFileSync(wasmFile());
  const SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  const walPath = `${path}-wal`;
  const image = applyWal(readFileSync(path), existsSync(walPath) ? readFileSync(walPath) : undefined);
  const db = new SQL.Database(image);
  return {
    async query(sql, params) {
      const statement = db.prepare(sql);
      try {
        statement.bind(params as import("sql.js").BindParams);
        const rows: Record<string, unknown>[] = [];
        while (statement.step()) rows.push(statement.getAsObject());
        return rows;
      } finally {
        statement.free();
      }
    },
    async close() {
      db.close();
    },
  };
}
