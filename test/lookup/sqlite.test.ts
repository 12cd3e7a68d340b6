import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupSession, planLookup } from "../../src/core/lookup";
import { betterAuthApp } from "./better-auth-app";
import { parse, schema1x } from "./fixtures";
import { type Backend, lookupScenarios } from "./scenarios";

// A SQLite file written by Better Auth's Kysely adapter on better-sqlite3 (native, tests only)
// and read back by the lookup through sql.js (wasm), as the VS Code extension host does.

const dir = mkdtempSync(join(tmpdir(), "bad-lookup-sqlite-"));
let db: Database.Database;
let backend: Backend;

beforeAll(async () => {
  db = new Database(join(dir, "dev.db"));
  const app = await betterAuthApp(db);
  backend = {
    provider: "sqlite",
    prismaProvider: "sqlite",
    // Relative, as Prisma writes it: resolved from the schema's folder.
    url: "file:./dev.db",
    baseDir: dir,
    app,
    exec: async (sql, params) => void db.prepare(sql).run(...params),
    quote: (identifier) => `"${identifier}"`,
    param: () => "?",
    // Better Auth's Kysely adapter stores SQLite dates as ISO strings.
    dateValue: (date) => date.toISOString(),
  };
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("session lookup on a SQLite file (sql.js)", () => {
  lookupScenarios(() => backend);

  it("sees sessions still in the write-ahead log", async () => {
    const walDir = mkdtempSync(join(tmpdir(), "bad-lookup-wal-"));
    const walDb = new Database(join(walDir, "wal.db"));
    try {
      walDb.pragma("journal_mode = WAL");
      // No automatic checkpoint: the new session stays in wal.db-wal only, as in a busy app.
      walDb.pragma("wal_autocheckpoint = 0");
      const app = await betterAuthApp(walDb);
      walDb.pragma("wal_checkpoint(TRUNCATE)");
      const { token, email } = await app.signUp();
      const plan = planLookup(parse(schema1x("sqlite")), "1.7.25");
      const result = await lookupSession({ url: `file:${join(walDir, "wal.db")}`, provider: "sqlite", plan, token });
      expect(result.kind, result.message).toBe("found");
      expect(result.user?.email).toBe(email);
    } finally {
      walDb.close();
      rmSync(walDir, { recursive: true, force: true });
    }
  });

  it("reports a missing file as a connect error", async () => {
    const plan = planLookup(parse(schema1x("sqlite")), "1.7.25");
    const result = await lookupSession({ url: "file:./missing.db", provider: "sqlite", plan, token: "x".repeat(32), baseDir: dir });
    expect(result.kind).toBe("connect-error");
    expect(result.message).toMatch(/ENOENT/);
  });

  it("reads Prisma's epoch-millisecond dates", async () => {
    const { token } = await backend.app.signUp();
    const past = Date.now() - 60_000;
    db.prepare(`UPDATE "session" SET "expiresAt" = ? WHERE "token" = ?`).run(past, token);
    const result = await lookupSession({ url: backend.url, provider: "sqlite", plan: planLookup(parse(schema1x("sqlite")), "1.7.25"), token, baseDir: dir });
    expect(result.kind).toBe("expired");
    expect(result.session?.expiresAt).toBe(new Date(past).toISOString());
  });
});
