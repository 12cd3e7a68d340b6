import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { prismaDiff } from "./prisma-engine";
import { describeMigrations, type DatabaseUnderTest } from "./scenarios";
import { sqliteStructure } from "./structure";

// SQLite needs no server: one database file per scenario in a temp dir, through better-sqlite3.
let dir: string;
const open: Database.Database[] = [];
let target: DatabaseUnderTest;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bad-sqlite-"));
  target = {
    provider: "sqlite",
    quote: (name) => `"${name}"`,
    ddl: (schema) => prismaDiff("sqlite", schema),
    async open(name) {
      const db = new Database(join(dir, `${name}.db`));
      open.push(db);
      // Prisma's SQLite connections run with foreign keys on.
      db.pragma("foreign_keys = ON");
      return {
        exec: async (sql) => void db.exec(sql),
        query: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
        structure: async () => sqliteStructure(db),
      };
    },
  };
});

afterAll(() => {
  for (const db of open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describeMigrations("SQLite", () => target);
