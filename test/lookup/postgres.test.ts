import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupSession, planLookup } from "../../src/core/lookup";
import { startPostgres, type PostgresServer } from "../migrations/servers";
import { betterAuthApp } from "./better-auth-app";
import { parse, schema1x } from "./fixtures";
import { type Backend, lookupScenarios } from "./scenarios";
import { closedPort } from "./network";
import { projectDriversOnly, tempProject } from "./temp-project";

// PostgreSQL started from the Debian package by test/migrations/servers.ts; Better Auth writes
// through its Kysely adapter on a pg Pool, the lookup reads through its own single pg Client.

let server: PostgresServer;
let backend: Backend;
let pool: pg.Pool;
let admin: pg.Client;
const DB = "lookup";
const PASSWORD = "Pg-S3cret:pass@word/42";

beforeAll(async () => {
  server = await startPostgres();
  admin = await server.database(DB);
  pool = new pg.Pool({ host: server.socketDir, port: server.port, user: "postgres", database: DB, max: 2 });
  const app = await betterAuthApp(pool);
  backend = {
    provider: "postgresql",
    prismaProvider: "postgresql",
    url: `postgresql://postgres@localhost:${server.port}/${DB}?host=${encodeURIComponent(server.socketDir)}`,
    app,
    exec: async (sql, params) => void (await admin.query(sql, params)),
    quote: (identifier) => `"${identifier}"`,
    param: (n) => `$${n}`,
    dateValue: (date) => date,
  };
  // The server trusts every local connection; make one role prove a password (scram) so a wrong one fails.
  await admin.query(`CREATE ROLE doctor LOGIN PASSWORD '${PASSWORD}'`);
  const hba = (await admin.query("SHOW hba_file")).rows[0].hba_file as string;
  writeFileSync(hba, `local all doctor scram-sha-256\n${readFileSync(hba, "utf8")}`);
  await admin.query("SELECT pg_reload_conf()");
});

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

describe("session lookup on PostgreSQL", () => {
  lookupScenarios(() => backend);

  const plan = () => planLookup(parse(schema1x("postgresql")), "1.7.25");

  it("reports a wrong password clearly, within the timeout, without the password", async () => {
    const { token } = await backend.app.signUp();
    const wrong = "Wr0ng-Pa55:word@x";
    const url = `postgresql://doctor:${encodeURIComponent(wrong)}@localhost:${server.port}/${DB}?host=${encodeURIComponent(server.socketDir)}`;
    const result = await lookupSession({ url, provider: "postgresql", plan: plan(), token, timeoutMs: 3000 });
    expect(result.kind).toBe("connect-error");
    expect(result.message).toMatch(/password authentication failed for user "doctor"/);
    expect(result.elapsedMs).toBeLessThan(3000);
    for (const text of [result.message, result.database, JSON.stringify(result)]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(encodeURIComponent(wrong));
    }
    expect(result.database).toContain("doctor:***@");
  });

  it("connects with the right password", async () => {
    const { token } = await backend.app.signUp();
    await admin.query("GRANT SELECT ON ALL TABLES IN SCHEMA public TO doctor");
    const url = `postgresql://doctor:${encodeURIComponent(PASSWORD)}@localhost:${server.port}/${DB}?host=${encodeURIComponent(server.socketDir)}&schema=public`;
    const result = await lookupSession({ url, provider: "postgresql", plan: plan(), token, timeoutMs: 3000 });
    expect(result.kind, result.message).toBe("found");
    expect(result.table).toBe("public.session");
  });

  it("reports a closed port within the timeout", async () => {
    const url = `postgresql://doctor:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await closedPort()}/${DB}`;
    const result = await lookupSession({ url, provider: "postgresql", plan: plan(), token: "x".repeat(32), timeoutMs: 2000 });
    expect(result.kind).toBe("connect-error");
    expect(result.message).toMatch(/ECONNREFUSED/);
    expect(result.elapsedMs).toBeLessThan(2500);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it("gives up on an unreachable host at the timeout", async () => {
    const url = `postgresql://doctor:${encodeURIComponent(PASSWORD)}@10.255.255.1:5432/${DB}`;
    const result = await lookupSession({ url, provider: "postgresql", plan: plan(), token: "x".repeat(32), timeoutMs: 1500 });
    expect(result.kind).toBe("connect-error");
    expect(result.elapsedMs).toBeLessThan(2500);
    expect(result.message).toContain("postgresql://doctor:***@10.255.255.1:5432/lookup");
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    expect(JSON.stringify(result)).not.toContain(encodeURIComponent(PASSWORD));
  });

  it("uses the project's pg, else the editor's bundled one, else says what is missing", async () => {
    const { token } = await backend.app.signUp();
    const withPg = tempProject();
    const withoutPg = tempProject();
    try {
      withPg.link("node_modules/pg", "pg");
      const through = (baseDir: string, own: Parameters<typeof projectDriversOnly>[0]) =>
        lookupSession({ url: backend.url, provider: "postgresql", plan: plan(), token, baseDir, connect: projectDriversOnly(own) });
      expect((await through(withPg.dir, [])).kind).toBe("found");
      expect((await through(withoutPg.dir, ["pg"])).kind).toBe("found");
      const missing = await through(withoutPg.dir, []);
      expect(missing.kind).toBe("connect-error");
      expect(missing.message).toContain(`no PostgreSQL driver found: looked for pg or @prisma/adapter-pg in ${withoutPg.dir}/node_modules`);
    } finally {
      withPg.remove();
      withoutPg.remove();
    }
  });

  it("never writes: the session survives an expired lookup", async () => {
    const { token } = await backend.app.signUp();
    await admin.query(`UPDATE "session" SET "expiresAt" = now() - interval '1 day' WHERE token = $1`, [token]);
    expect((await lookupSession({ url: backend.url, provider: "postgresql", plan: plan(), token })).kind).toBe("expired");
    expect((await admin.query(`SELECT count(*)::int AS n FROM "session" WHERE token = $1`, [token])).rows[0].n).toBe(1);
  });
});
