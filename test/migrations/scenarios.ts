import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SessionTransition } from "../../src/core/migrations";
import { situation, type TestProvider } from "./fixtures";
import type { SessionLayout } from "./mariadb-ddl";

// The same end-to-end checks for every real database: build the "before" database the way
// Prisma would, fill it with users and sessions, apply the planned migration, then check that
// every session is found by the column the new Better Auth version reads, and that the database
// is structurally identical to one Prisma creates from the fixed schema.

export interface TestDb {
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  structure(): Promise<unknown>;
}

export interface DatabaseUnderTest {
  provider: Extract<TestProvider, "postgresql" | "mysql" | "sqlite">;
  /** A new empty database. */
  open(name: string): Promise<TestDb>;
  /** The SQL Prisma creates for a schema (MariaDB: hand-written for the layout). */
  ddl(schema: string, layout: SessionLayout): Promise<string>;
  quote(name: string): string;
}

const LAYOUTS: Record<SessionTransition, { before: SessionLayout; after: SessionLayout }> = {
  "add-token": { before: "legacy", after: "current" },
  "drop-token": { before: "token-on-08", after: "legacy-08" },
  "make-token-unique": { before: "non-unique", after: "current" },
};

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** A Better Auth ≥ 1.1 `generateId(32)`-like value. */
function generateId(): string {
  return [...randomBytes(32)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
}

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

interface SessionRow {
  id: string;
  token?: string;
  userId: string;
  expiresAt: string;
}

function insert(q: (n: string) => string, table: string, row: Record<string, string | boolean>): string {
  const keys = Object.keys(row);
  const values = keys.map((key) => (typeof row[key] === "boolean" ? String(row[key]) : lit(row[key] as string)));
  return `INSERT INTO ${q(table)} (${keys.map(q).join(", ")}) VALUES (${values.join(", ")});`;
}

async function seed(db: TestDb, target: DatabaseUnderTest, layout: SessionLayout, sessions: SessionRow[]): Promise<void> {
  const q = target.quote;
  const now = "2026-01-01 00:00:00.000";
  const statements: string[] = [];
  for (const userId of new Set(sessions.map((s) => s.userId))) {
    statements.push(insert(q, "user", { id: userId, name: userId, email: `${userId}@example.com`, emailVerified: false, createdAt: now, updatedAt: now }));
  }
  const timestamps = layout === "legacy" || layout === "current" || layout === "non-unique";
  for (const session of sessions) {
    statements.push(
      insert(q, "session", {
        id: session.id,
        ...(session.token !== undefined ? { token: session.token } : {}),
        expiresAt: session.expiresAt,
        ...(timestamps ? { createdAt: now, updatedAt: now } : {}),
        userAgent: "vitest",
        userId: session.userId,
      }),
    );
  }
  for (const statement of statements) await db.exec(statement);
}

function sessionsFor(layout: SessionLayout, count = 6): SessionRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: generateId(),
    token: layout === "legacy" ? undefined : generateId(),
    userId: `user_${i % 3}`,
    expiresAt: `2030-01-0${1 + (i % 9)} 00:00:00.000`,
  }));
}

async function freshFrom(target: DatabaseUnderTest, name: string, schema: string, layout: SessionLayout): Promise<TestDb> {
  const db = await target.open(name);
  await db.exec(await target.ddl(schema, layout));
  return db;
}

let counter = 0;
const dbName = (label: string) => `t${++counter}_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;

export function describeMigrations(label: string, target: () => DatabaseUnderTest): void {
  const q = (name: string) => target().quote(name);
  const sessionById = (value: string) => `SELECT ${q("id")} AS ${q("id")}, ${q("userId")} AS ${q("userId")} FROM ${q("session")} WHERE ${q("id")} = ${lit(value)}`;
  const sessionByToken = (value: string) =>
    `SELECT ${q("id")} AS ${q("id")}, ${q("userId")} AS ${q("userId")} FROM ${q("session")} WHERE ${q("token")} = ${lit(value)}`;
  const count = async (db: TestDb) => Number(Object.values((await db.query(`SELECT COUNT(*) AS n FROM ${q("session")}`))[0]!)[0]);

  describe(`${label}: ≤ 0.8 → 1.x (add-token)`, () => {
    it("keeps every session: each is found by token = its old id, and the database matches Prisma's for the fixed schema", async () => {
      const t = target();
      const s = situation(t.provider, "add-token");
      expect(s.sessionFindingsAfter).toEqual([]);
      const db = await freshFrom(t, dbName("add_before"), s.before, LAYOUTS["add-token"].before);
      const sessions = sessionsFor("legacy");
      await seed(db, t, "legacy", sessions);
      await db.exec(s.plan.sql!);
      expect(await count(db)).toBe(sessions.length);
      for (const session of sessions) {
        // 1.x reads `where token = <cookie token>`; the cookie of a 0.8 session carries its id.
        expect(await db.query(sessionByToken(session.id))).toEqual([{ id: session.id, userId: session.userId }]);
      }
      const reference = await freshFrom(t, dbName("add_reference"), s.after, LAYOUTS["add-token"].after);
      expect(await db.structure()).toEqual(await reference.structure());
    });
  });

  describe(`${label}: 1.x → ≤ 0.8 (drop-token)`, () => {
    it("keeps every session: each is found by id = its old token, and the database matches Prisma's for the fixed schema", async () => {
      const t = target();
      const s = situation(t.provider, "drop-token");
      expect(s.sessionFindingsAfter).toEqual([]);
      const db = await freshFrom(t, dbName("drop_before"), s.before, LAYOUTS["drop-token"].before);
      const sessions = sessionsFor("token-on-08");
      await seed(db, t, "token-on-08", sessions);
      await db.exec(s.plan.sql!);
      expect(await count(db)).toBe(sessions.length);
      for (const session of sessions) {
        // 0.8 reads `where id = <cookie token>`.
        expect(await db.query(sessionById(session.token!))).toEqual([{ id: session.token, userId: session.userId }]);
      }
      const reference = await freshFrom(t, dbName("drop_reference"), s.after, LAYOUTS["drop-token"].after);
      expect(await db.structure()).toEqual(await reference.structure());
    });
  });

  describe(`${label}: make-token-unique`, () => {
    it("adds Prisma's unique index when no token is shared, and the database matches Prisma's for the fixed schema", async () => {
      const t = target();
      const s = situation(t.provider, "make-token-unique");
      expect(s.sessionFindingsAfter).toEqual([]);
      const db = await freshFrom(t, dbName("unique_before"), s.before, "non-unique");
      const sessions = sessionsFor("non-unique");
      await seed(db, t, "non-unique", sessions);
      expect(await db.query(s.plan.duplicateCheckSql!)).toEqual([]);
      await db.exec(s.plan.sql!);
      for (const session of sessions) expect(await db.query(sessionByToken(session.token!))).toEqual([{ id: session.id, userId: session.userId }]);
      const reference = await freshFrom(t, dbName("unique_reference"), s.after, "current");
      expect(await db.structure()).toEqual(await reference.structure());
    });

    it("with shared tokens: the duplicate check finds them and the migration stops without changing anything", async () => {
      const t = target();
      const s = situation(t.provider, "make-token-unique");
      const db = await freshFrom(t, dbName("dup_before"), s.before, "non-unique");
      const sessions = sessionsFor("non-unique");
      sessions[1]!.token = sessions[0]!.token;
      sessions[2]!.token = sessions[0]!.token;
      await seed(db, t, "non-unique", sessions);
      const before = await db.structure();

      const duplicates = await db.query(s.plan.duplicateCheckSql!);
      expect(duplicates).toHaveLength(1);
      expect(Object.values(duplicates[0]!).map(String)).toEqual([sessions[0]!.token, "3"]);
      expect(s.plan.notes.join("\n")).toMatch(/duplicate check/);
      // No statement deletes rows unless the user chose to (the guard's message may mention deleting).
      expect(s.plan.sql).not.toMatch(/^\s*(DELETE|TRUNCATE)\b/im);

      const error = await db.exec(s.plan.sql!).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error, "the migration must not succeed over duplicate tokens").toBeInstanceOf(Error);
      expect(error!.message).toMatch(t.provider === "postgresql" ? /Better Auth Doctor: several rows of session share a token/ : /duplicate|UNIQUE constraint failed/i);
      expect(await count(db)).toBe(sessions.length);
      expect(await db.structure()).toEqual(before);
    });

    it("with shared tokens and `keep-latest` chosen: keeps the session that expires last per token, then adds the index", async () => {
      const t = target();
      const s = situation(t.provider, "make-token-unique", "keep-latest");
      expect(s.plan.sql).toMatch(/^DELETE /m);
      const db = await freshFrom(t, dbName("dup_keep"), s.before, "non-unique");
      const sessions = sessionsFor("non-unique");
      sessions[1]!.token = sessions[0]!.token;
      sessions[2]!.token = sessions[0]!.token;
      sessions[2]!.expiresAt = "2031-01-01 00:00:00.000";
      await seed(db, t, "non-unique", sessions);
      await db.exec(s.plan.sql!);
      expect(await count(db)).toBe(sessions.length - 2);
      expect(await db.query(sessionByToken(sessions[0]!.token!))).toEqual([{ id: sessions[2]!.id, userId: sessions[2]!.userId }]);
      const reference = await freshFrom(t, dbName("dup_keep_reference"), s.after, "current");
      expect(await db.structure()).toEqual(await reference.structure());
    });
  });
}
