import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { describeAddMigrations, type AddTarget } from "./add-scenarios";
import { prismaDiff } from "./prisma-engine";
import { sqliteStructure } from "./structure";

// Adding tables and columns on SQLite (better-sqlite3, one file per database), compared with
// what Prisma's engine creates, CREATE statements verbatim.
let dir: string;
const open: Database.Database[] = [];
let target: AddTarget;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bad-add-sqlite-"));
  target = {
    provider: "sqlite",
    ddl: (schema) => prismaDiff("sqlite", schema),
    async open(name) {
      const db = new Database(join(dir, `${name}.db`));
      open.push(db);
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

describeAddMigrations("SQLite", () => target);
