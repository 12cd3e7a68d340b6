import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { OTHER_SECRET, SECRET } from "../cookie/mint-cookies";
import { betterAuthApp, type SignedUp } from "./better-auth-app";
import { schema1x } from "./fixtures";
import { closedPort } from "./network";

// `cookie --lookup` on a Prisma ≤ 6 style project: prisma/schema.prisma reads DATABASE_URL, .env
// in the project root says `file:./dev.db`, which Prisma resolves beside the schema.

function fakeIo(cwd: string, env: Record<string, string> = { BETTER_AUTH_SECRET: SECRET }): CliIo & { out: string; err: string } {
  const io = { out: "", err: "", cwd, env, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") };
  return io;
}

const project = mkdtempSync(join(tmpdir(), "bad-lookup-cli-"));
let db: Database.Database;
let app: Awaited<ReturnType<typeof betterAuthApp>>;
let signedUp: SignedUp;

beforeAll(async () => {
  mkdirSync(join(project, "prisma"));
  writeFileSync(join(project, "prisma", "schema.prisma"), schema1x("sqlite"));
  writeFileSync(join(project, ".env"), "DATABASE_URL=file:./dev.db\n");
  db = new Database(join(project, "prisma", "dev.db"));
  app = await betterAuthApp(db);
  signedUp = await app.signUp();
});

afterAll(() => {
  db?.close();
  rmSync(project, { recursive: true, force: true });
});

describe("better-auth-doctor cookie --lookup", () => {
  it("keeps the JSON contract without --lookup", async () => {
    const io = fakeIo(project);
    expect(await main(["cookie", "--format", "json", signedUp.cookieHeader], io)).toBe(0);
    expect(Object.keys(JSON.parse(io.out))).toEqual(["verdict", "reasons", "sessionToken", "sessionData", "cookies"]);
  });

  it("adds a lookup key after the cookie's keys and exits 0 when the session is found", async () => {
    const io = fakeIo(project);
    const code = await main(["cookie", "--format", "json", "--lookup", signedUp.cookieHeader], io);
    expect(io.err).toBe("");
    const json = JSON.parse(io.out);
    expect(Object.keys(json)).toEqual(["verdict", "reasons", "sessionToken", "sessionData", "cookies", "lookup"]);
    expect(Object.keys(json.lookup)).toEqual(["kind", "message", "database", "urlSource", "provider", "betterAuthVersion", "table", "column", "otherColumn", "foundIn", "session", "user", "elapsedMs"]);
    expect(json.lookup).toMatchObject({
      kind: "found",
      database: "file:./dev.db",
      urlSource: "DATABASE_URL from .env (the schema's datasource url)",
      provider: "sqlite",
      table: "session",
      column: "token",
      foundIn: "token",
      user: { email: signedUp.email },
      session: { ipAddress: "203.0.113.7", userAgent: "lookup-test/1.0" },
    });
    expect(code).toBe(0);
  });

  it("prints the lookup under the cookie report in text", async () => {
    const io = fakeIo(project);
    expect(await main(["cookie", "--lookup", "--schema", "prisma/schema.prisma", signedUp.cookieHeader], io)).toBe(0);
    expect(io.out).toMatch(/\nSession lookup: FOUND\n/);
    expect(io.out).toContain(`user:      ${signedUp.email}`);
    expect(io.out.slice(io.out.indexOf("Session lookup"))).not.toContain(signedUp.token);
  });

  it("exits 1 when the session is gone", async () => {
    const gone = await app.signUp();
    db.prepare(`DELETE FROM "session" WHERE "token" = ?`).run(gone.token);
    const io = fakeIo(project);
    expect(await main(["cookie", "--format=json", "--lookup", gone.cookieHeader], io)).toBe(1);
    expect(JSON.parse(io.out).lookup.kind).toBe("not-found");
  });

  it("does not look up a cookie that does not verify", async () => {
    const io = fakeIo(project, { BETTER_AUTH_SECRET: OTHER_SECRET });
    expect(await main(["cookie", "--format=json", "--lookup", signedUp.cookieHeader], io)).toBe(1);
    expect(JSON.parse(io.out).lookup).toEqual({ kind: "skipped", message: "Not looked up: its signature is invalid, so Better Auth would not look in the database either." });
  });

  it("takes --database-url, and never prints its password", async () => {
    const io = fakeIo(project);
    const url = `postgresql://app:Sup3r-Secret-Pw@127.0.0.1:${await closedPort()}/app`;
    expect(await main(["cookie", "--format=json", "--lookup", "--database-url", url, signedUp.cookieHeader], io)).toBe(1);
    const lookup = JSON.parse(io.out).lookup;
    expect(lookup).toMatchObject({ kind: "connect-error", provider: "postgresql", urlSource: "the URL you gave" });
    expect(io.out + io.err).not.toContain("Sup3r-Secret-Pw");
  });

  it("exits 2 when there is nothing to connect to", async () => {
    const empty = mkdtempSync(join(tmpdir(), "bad-lookup-empty-"));
    try {
      writeFileSync(join(empty, "schema.prisma"), schema1x("postgresql"));
      const io = fakeIo(empty);
      expect(await main(["cookie", "--format=json", "--lookup", signedUp.cookieHeader], io)).toBe(2);
      expect(JSON.parse(io.out).lookup).toEqual({ kind: "unavailable", message: "the schema's datasource url reads the URL from DATABASE_URL, which is not set in the environment." });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
