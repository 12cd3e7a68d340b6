import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { startPostgres, type PostgresServer } from "../migrations/servers";
import { SECRET } from "../cookie/mint-cookies";
import { schema1x } from "./fixtures";
import { forgeCache, JWKS_MODEL, jwtPluginApp, type JwtSignedUp } from "./jwt-plugin-app";
import { tempProject, type TempProject } from "./temp-project";

// The same on the real PostgreSQL the lookup tests start: Better Auth 1.7 with the jwt plugin
// writes its key through Kysely on a pg Pool; `cookie --lookup` reads it through its own client,
// in a read-only session, from the schema's `@@map`ped, `@@schema`-qualified table.

let server: PostgresServer;
let pool: pg.Pool;
let admin: pg.Client;
let project: TempProject;
let signedUp: JwtSignedUp;
let kid: string;
const DB = "jwks";

function fakeIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: "", err: "", cwd, env: { BETTER_AUTH_SECRET: SECRET }, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") };
  return io;
}

async function cookie(input: string) {
  const io = fakeIo(project.dir);
  const code = await main(["cookie", "--better-auth-version", "1.7.25", "--format", "json", "--lookup", input], io);
  return { code, io, json: JSON.parse(io.out) };
}

beforeAll(async () => {
  server = await startPostgres();
  admin = await server.database(DB);
  pool = new pg.Pool({ host: server.socketDir, port: server.port, user: "postgres", database: DB, max: 2 });
  signedUp = await (await jwtPluginApp(pool)).signUp();
  kid = (await admin.query(`SELECT id FROM jwks`)).rows[0].id;
  project = tempProject("bad-jwks-pg-");
  mkdirSync(`${project.dir}/prisma`);
  writeFileSync(`${project.dir}/prisma/schema.prisma`, schema1x("postgresql") + JWKS_MODEL);
  writeFileSync(`${project.dir}/.env`, `DATABASE_URL=postgresql://postgres@localhost:${server.port}/${DB}?host=${encodeURIComponent(server.socketDir)}&schema=public\n`);
});

afterAll(async () => {
  project?.remove();
  await pool?.end();
  await server?.stop();
});

describe("cookie --lookup on PostgreSQL: the jwt plugin's cache against the jwks table", () => {
  const database = () => `postgresql://postgres@localhost:${server.port}/${DB}?host=${encodeURIComponent(server.socketDir)}&schema=public`;

  it("verifies the cache Better Auth signed: valid, exit 0", async () => {
    const { code, io, json } = await cookie(signedUp.cookieHeader);
    expect(io.err).toBe("");
    expect(json.lookup).toMatchObject({ kind: "found", provider: "postgresql", table: "public.session" });
    expect(json.lookup.jwks).toEqual({ table: "public.jwks", keys: 1, message: "Read 1 public key from public.jwks; the cookie cache is checked against them as Better Auth does, by kid." });
    expect(json.sessionData).toMatchObject({ strategy: "jwt", verdict: "valid", user: { name: "Ada" } });
    expect(json.reasons).toEqual([]);
    expect(code).toBe(0);
  });

  it("finds a forged cache invalid", async () => {
    const { code, json } = await cookie(forgeCache(signedUp));
    expect(code).toBe(1);
    expect(json.sessionData.verdict).toBe("invalid");
    expect(json.reasons[0]).toContain(`its signature does not verify with key ${kid} of the public.jwks table of ${database()}: the cache was altered.`);
  });

  it("a table without the key: invalid; no table: unverified with the reason", async () => {
    await admin.query(`UPDATE jwks SET id = 'rotated-key'`);
    const rotated = await cookie(signedUp.cookieHeader);
    expect(rotated.json.sessionData.verdict).toBe("invalid");
    expect(rotated.json.reasons[0]).toContain(`its key id "${kid}" is not in the public.jwks table of ${database()} (1 key)`);

    await admin.query(`ALTER TABLE jwks RENAME TO jwks_old`);
    const missing = await cookie(signedUp.cookieHeader);
    expect(missing.code).toBe(1);
    expect(missing.json.lookup.kind).toBe("found");
    expect(missing.json.sessionData.verdict).toBe("unverified");
    expect(missing.json.lookup.jwks).toEqual({
      table: "public.jwks",
      keys: 0,
      message: `No table public.jwks in ${database()}: the jwt plugin keeps its public keys there, so the cookie cache stays unverified. Run the migrations that add it, or pass the keys with --jwks.`,
    });
  });
});
