import { expect, it } from "vitest";
import { lookupSession, planLookup } from "../../src/core/lookup";
import type { LookupSessionOptions, SqlProvider } from "../../src/core/lookup";
import type { betterAuthApp } from "./better-auth-app";
import { parse, schema08, schema1x } from "./fixtures";

export interface Backend {
  provider: SqlProvider;
  /** The datasource provider written in the Prisma schema. */
  prismaProvider: string;
  url: string;
  baseDir?: string;
  app: Awaited<ReturnType<typeof betterAuthApp>>;
  /** Runs SQL on the test's own connection (the lookup never writes). */
  exec(sql: string, params: unknown[]): Promise<void>;
  quote(identifier: string): string;
  param(n: number): string;
  /** How a Date is written to the expiresAt column by this backend's Better Auth adapter. */
  dateValue(date: Date): unknown;
  /** How the lookup opens its connection, when not through the default drivers. */
  connect?: LookupSessionOptions["connect"];
}

const TIMEOUT = 5000;

/** The lookups every real database must answer the same way. */
export function lookupScenarios(backend: () => Backend): void {
  const lookup = (token: string, schemaText?: string, version: string | null = "1.7.25") => {
    const b = backend();
    const plan = planLookup(parse(schemaText ?? schema1x(b.prismaProvider)), version);
    return lookupSession({ url: b.url, provider: b.provider, plan, token, timeoutMs: TIMEOUT, baseDir: b.baseDir, connect: b.connect });
  };

  it("finds a session Better Auth just wrote, with its user, expiry, IP and user agent", async () => {
    const { token, email } = await backend().app.signUp();
    const result = await lookup(token);
    expect(result.kind, result.message).toBe("found");
    expect(result).toMatchObject({ column: "token", otherColumn: "id", foundIn: "token", table: "session" });
    expect(result.user).toMatchObject({ email, name: "Lookup Test" });
    expect(result.session).toMatchObject({ ipAddress: "203.0.113.7", userAgent: "lookup-test/1.0", userId: result.user?.id });
    // Better Auth's default expiresIn is 7 days; a timezone slip would show as hours off.
    const expires = Date.parse(result.session!.expiresAt!);
    expect(Math.abs(expires - (Date.now() + 7 * 86400_000))).toBeLessThan(120_000);
    expect(Math.abs(Date.parse(result.session!.createdAt!) - Date.now())).toBeLessThan(120_000);
    expect(result.message).not.toContain(token);
  });

  it("reports an expired session", async () => {
    const b = backend();
    const { token } = await b.app.signUp();
    await b.exec(`UPDATE ${b.quote("session")} SET ${b.quote("expiresAt")} = ${b.param(1)} WHERE ${b.quote("token")} = ${b.param(2)}`, [b.dateValue(new Date(Date.now() - 3600_000)), token]);
    const result = await lookup(token);
    expect(result.kind, result.message).toBe("expired");
    expect(result.message).toMatch(/expired at/);
  });

  it("reports a deleted session as not found", async () => {
    const b = backend();
    const { token } = await b.app.signUp();
    await b.exec(`DELETE FROM ${b.quote("session")} WHERE ${b.quote("token")} = ${b.param(1)}`, [token]);
    const result = await lookup(token);
    expect(result.kind, result.message).toBe("not-found");
    expect(result.session).toBeNull();
  });

  it("finds 1.x rows under the other column when the schema and version are ≤ 0.8", async () => {
    const b = backend();
    const { token } = await b.app.signUp();
    const result = await lookup(token, schema08(b.prismaProvider), "0.8.8");
    expect(result.kind, result.message).toBe("found-under-other-column");
    expect(result).toMatchObject({ column: "id", otherColumn: "token", foundIn: "token" });
    expect(result.message).toMatch(/session-token-layout fix/);
    expect(result.session?.userId).toBeTruthy();
  });

  it("reports a wrong @@map as a missing table and names the real one", async () => {
    const b = backend();
    const { token } = await b.app.signUp();
    const result = await lookup(token, schema1x(b.prismaProvider, "sessions"));
    expect(result.kind, result.message).toBe("table-missing");
    expect(result.table).toMatch(/sessions$/);
    expect(result.similarTables?.some((name) => /(^|\.)session$/.test(name))).toBe(true);
  });

  it("reports a session whose user row is gone", async () => {
    const b = backend();
    const { token } = await b.app.signUp();
    // The wrong user table name stands for a user that cannot be found (deleting the user would cascade).
    const text = schema1x(b.prismaProvider).replace('@@map("user")', '@@map("user_archive")');
    const result = await lookup(token, text);
    expect(result.kind, result.message).toBe("user-missing");
    expect(result.message).toMatch(/user_archive/);
  });
}
