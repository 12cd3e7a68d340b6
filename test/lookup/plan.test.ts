import { describe, expect, it } from "vitest";
import { LookupCancelled, lookupSession, planLookup } from "../../src/core/lookup";
import type { DbConnection } from "../../src/core/lookup";
import { parse, schema08, schema1x } from "./fixtures";

describe("planLookup", () => {
  it("reads the 1.x token column and names id as the other one", () => {
    const plan = planLookup(parse(schema1x("postgresql")), "1.7.25");
    expect(plan).toMatchObject({ tokenField: "token", tokenColumn: "token", otherColumn: "id", versionLabel: "≥ 1.7.3", notes: [] });
    expect(plan.session.table).toEqual({ name: "session" });
    expect(plan.user).toEqual({ table: { name: "user" }, columns: { id: "id", email: "email", name: "name" } });
  });

  it("reads id up to 0.8, and says so without complaining about the absent token field", () => {
    const plan = planLookup(parse(schema08("mysql")), "0.8.8");
    expect(plan).toMatchObject({ tokenField: "id", tokenColumn: "id", otherColumn: "token", notes: [] });
  });

  it("follows @map, @@map, @@schema and Better Auth's fields mapping", () => {
    const text = `model AuthSession {
  id        String   @id @map("session_id")
  token     String   @unique @map("session_token")
  expires   DateTime @map("expires_at")
  userId    String   @map("user_id")
  @@map("auth_sessions")
  @@schema("auth")
}
model User {
  id    String @id
  email String @unique @map("email_address")
  name  String
}`;
    const config = { models: { session: { modelName: "authSession", fields: { expiresAt: "expires" } } } };
    const plan = planLookup(parse(text), null, config);
    expect(plan.session.table).toEqual({ name: "auth_sessions", schema: "auth" });
    expect(plan.session.columns).toMatchObject({ id: "session_id", token: "session_token", expiresAt: "expires_at", userId: "user_id" });
    expect(plan.tokenColumn).toBe("session_token");
    expect(plan.otherColumn).toBe("session_id");
    expect(plan.user.table).toEqual({ name: "User" });
    expect(plan.user.columns.email).toBe("email_address");
    expect(plan.notes).toEqual(["The AuthSession model has no createdAt, ipAddress, userAgent field; assuming column names of the same name."]);
  });

  it("assumes Better Auth's table names when the schema has no Session model", () => {
    const plan = planLookup(parse("model Post {\n  id Int @id\n}\n"), "1.2.0", { usePlural: true });
    expect(plan.session.table).toEqual({ name: "sessions" });
    expect(plan.notes[0]).toMatch(/no session model; assuming the table is named "sessions"/);
  });
});

describe("lookupSession without a server", () => {
  const plan = planLookup(parse(schema1x("postgresql")), "1.7.25");
  const url = "postgresql://app:Secr3tPassw0rd@db.internal:5432/app";

  it("gives up on a connect that never answers, and closes it if it opens later", async () => {
    let closed = false;
    let open!: (connection: DbConnection) => void;
    const late = new Promise<DbConnection>((resolve) => (open = resolve));
    const result = await lookupSession({ url, provider: "postgresql", plan, token: "t".repeat(32), timeoutMs: 200, connect: () => late });
    expect(result.kind).toBe("connect-error");
    expect(result.message).toBe("Cannot connect to postgresql://app:***@db.internal:5432/app: no answer while connecting within 0.2 s.");
    open({ query: async () => [], close: async () => void (closed = true) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
  });

  it("redacts a driver message that repeats the password", async () => {
    const result = await lookupSession({ url, provider: "postgresql", plan, token: "t".repeat(32), connect: async () => Promise.reject(new Error("auth failed for Secr3tPassw0rd")) });
    expect(result.message).toBe("Cannot connect to postgresql://app:***@db.internal:5432/app: auth failed for ***.");
  });

  it("times a hanging query out and closes the connection", async () => {
    let closed = false;
    const connection: DbConnection = { query: (sql) => (sql.startsWith("SET") ? Promise.resolve([]) : new Promise(() => undefined)), close: async () => void (closed = true) };
    const result = await lookupSession({ url, provider: "postgresql", plan, token: "t".repeat(32), timeoutMs: 100, connect: async () => connection });
    expect(result.kind).toBe("query-error");
    expect(result.message).toMatch(/no answer to the query within 0.1 s/);
    expect(closed).toBe(true);
  });

  it("stops on cancellation", async () => {
    const controller = new AbortController();
    let closed = false;
    const connection: DbConnection = { query: () => new Promise(() => undefined), close: async () => void (closed = true) };
    const pending = lookupSession({ url, provider: "postgresql", plan, token: "t".repeat(32), signal: controller.signal, connect: async () => connection });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(LookupCancelled);
    expect(closed).toBe(true);
  });

  it("sends only SELECTs (and the read-only switch) with the token as a parameter", async () => {
    const sent: { sql: string; params: readonly unknown[] }[] = [];
    const connection: DbConnection = { query: async (sql, params) => (sent.push({ sql, params }), []), close: async () => undefined };
    const token = "abcdefghijklmnopqrstuvwxyz012345";
    const result = await lookupSession({ url, provider: "postgresql", plan, token, connect: async () => connection });
    expect(result.kind).toBe("not-found");
    expect(sent).toEqual([
      { sql: "SET default_transaction_read_only = true", params: [] },
      { sql: 'SELECT * FROM "session" WHERE "token" = $1 LIMIT 1', params: [token] },
      { sql: 'SELECT * FROM "session" WHERE "id" = $1 LIMIT 1', params: [token] },
    ]);
  });
});
