import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { verifyCookies } from "../../src/core/cookie";
import { lookupSession, planLookup, withCacheVerdict } from "../../src/core/lookup";
import { parse } from "./fixtures";
import { SECRET } from "../cookie/mint-cookies";
import { schema1x } from "./fixtures";
import { forgeCache, JWKS_MODEL, jwtPluginApp, type JwtSignedUp } from "./jwt-plugin-app";

// `cookie --lookup` on a real SQLite file written by Better Auth 1.7 with the jwt plugin's
// sessionCookieCache: the cache is verified with the public keys in the app's own jwks table.

function fakeIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: "", err: "", cwd, env: { BETTER_AUTH_SECRET: SECRET }, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") };
  return io;
}

const project = mkdtempSync(join(tmpdir(), "bad-jwks-sqlite-"));
let db: Database.Database;
let signedUp: JwtSignedUp;
let kid: string;

async function cookie(args: string[]) {
  const io = fakeIo(project);
  const code = await main(["cookie", "--better-auth-version", "1.7.25", ...args], io);
  return { code, io, json: args.includes("json") ? JSON.parse(io.out) : undefined };
}

/** A copy of the app's database changed by `sql`, looked up with --database-url. */
function copyWith(name: string, sql: string): string {
  const path = join(project, "prisma", `${name}.db`);
  db.exec(`VACUUM INTO '${path}'`);
  const copy = new Database(path);
  copy.exec(sql);
  copy.close();
  return `file:${path}`;
}

beforeAll(async () => {
  mkdirSync(join(project, "prisma"));
  writeFileSync(join(project, "prisma", "schema.prisma"), schema1x("sqlite") + JWKS_MODEL);
  writeFileSync(join(project, ".env"), "DATABASE_URL=file:./dev.db\n");
  db = new Database(join(project, "prisma", "dev.db"));
  signedUp = await (await jwtPluginApp(db)).signUp();
  kid = (db.prepare(`SELECT "id" FROM "jwks"`).all() as { id: string }[]).map((row) => row.id).join();
});

afterAll(() => {
  db?.close();
  rmSync(project, { recursive: true, force: true });
});

describe("cookie --lookup verifies the jwt plugin's cache against the jwks table", () => {
  it("is unverified without --lookup (nothing gave the keys)", async () => {
    const { code, json } = await cookie(["--format", "json", signedUp.cookieHeader]);
    expect(code).toBe(1);
    expect(json.sessionData.verdict).toBe("unverified");
  });

  it("verifies it from the table read in the lookup's connection: valid, exit 0", async () => {
    const { code, io, json } = await cookie(["--format", "json", "--lookup", signedUp.cookieHeader]);
    expect(io.err).toBe("");
    expect(json.reasons).toEqual([]);
    expect(json.verdict).toBe("valid");
    expect(json.sessionData).toMatchObject({ strategy: "jwt", verdict: "valid", user: { name: "Ada" } });
    expect(Object.keys(json.lookup)).toEqual(["kind", "message", "database", "urlSource", "provider", "betterAuthVersion", "table", "column", "otherColumn", "foundIn", "session", "user", "jwks", "elapsedMs"]);
    expect(json.lookup.kind).toBe("found");
    expect(json.lookup.jwks).toEqual({ table: "jwks", keys: 1, message: "Read 1 public key from jwks; the cookie cache is checked against them as Better Auth does, by kid." });
    expect(code).toBe(0);
  });

  it("names the table and database that verified it in the text report", async () => {
    const { code, io } = await cookie(["--lookup", signedUp.cookieHeader]);
    expect(code).toBe(0);
    expect(io.out).toContain(`JWKS key ${kid} (the jwks table of file:./dev.db)`);
    expect(io.out).toContain("  jwks:      Read 1 public key from jwks;");
  });

  it("finds a forged cache invalid", async () => {
    const { code, json } = await cookie(["--format", "json", "--lookup", forgeCache(signedUp)]);
    expect(code).toBe(1);
    expect(json.sessionData.verdict).toBe("invalid");
    expect(json.reasons[0]).toContain(`better-auth.session_data: its signature does not verify with key ${kid} of the jwks table of file:./dev.db: the cache was altered.`);
  });

  it("a table without the cache's kid: invalid, as Better Auth ignores such a cache", async () => {
    const url = copyWith("rotated", `UPDATE "jwks" SET "id" = 'rotated-key'`);
    const { code, json } = await cookie(["--format", "json", "--lookup", "--database-url", url, signedUp.cookieHeader]);
    expect(code).toBe(1);
    expect(json.lookup.kind).toBe("found");
    expect(json.sessionData.verdict).toBe("invalid");
    expect(json.reasons[0]).toContain(`its key id "${kid}" is not in the jwks table of ${url} (1 key)`);
  });

  it("an empty table or none at all: unverified, with the reason in the lookup", async () => {
    const empty = await cookie(["--format", "json", "--lookup", "--database-url", copyWith("empty", `DELETE FROM "jwks"`), signedUp.cookieHeader]);
    expect(empty.json.sessionData.verdict).toBe("unverified");
    expect(empty.json.lookup.jwks).toMatchObject({ table: "jwks", keys: 0 });
    expect(empty.json.lookup.jwks.message).toMatch(/^jwks in file:.+empty\.db holds no keys: the app has not created one yet, or this is not the database the app signs with; the cookie cache stays unverified\.$/);
    expect(empty.code).toBe(1);

    const dropped = await cookie(["--lookup", "--database-url", copyWith("dropped", `DROP TABLE "jwks"`), signedUp.cookieHeader]);
    expect(dropped.code).toBe(1);
    expect(dropped.io.out).toMatch(/ {2}jwks: {6}No table jwks in file:.+dropped\.db: the jwt plugin keeps its public keys there, so the cookie cache stays unverified\./);
    expect(dropped.io.out).not.toMatch(/INVALID/);
  });

  it("does not read the table when --jwks already verified the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-jwks-file-"));
    try {
      writeFileSync(join(dir, "empty.json"), JSON.stringify({ keys: [] }));
      const { json } = await cookie(["--format", "json", "--lookup", "--jwks", join(dir, "empty.json"), signedUp.cookieHeader]);
      expect(json.sessionData.verdict).toBe("invalid");
      expect(json.lookup.jwks).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the editor's path (lookup with readJwks, verify again, withCacheVerdict) says which key of which table verified it", async () => {
    const plan = planLookup(parse(schema1x("sqlite") + JWKS_MODEL), "1.7.25");
    const lookUp = (url: string) => lookupSession({ url, provider: "sqlite", plan, token: signedUp.sessionToken.split(".")[0], baseDir: join(project, "prisma"), readJwks: true });
    const verifyWith = async (url: string, input: string) => {
      const result = await lookUp(url);
      const report = await verifyCookies(input, { secrets: [], jwks: result.jwks?.jwks ?? undefined, jwksSource: result.jwks?.source });
      return withCacheVerdict(result, report);
    };
    const valid = await verifyWith("file:./dev.db", signedUp.cookieHeader);
    expect(valid.kind).toBe("found");
    expect(valid.jwks?.message).toBe(`The jwt plugin's cookie cache verifies with JWKS key ${kid} (the jwks table of file:./dev.db).`);
    const forged = await verifyWith("file:./dev.db", forgeCache(signedUp));
    expect(forged.jwks?.message).toMatch(new RegExp(`^better-auth\\.session_data: its signature does not verify with key ${kid} of the jwks table of file:\\./dev\\.db: the cache was altered\\.`));
    const dropped = await lookUp(copyWith("dropped-editor", `DROP TABLE "jwks"`));
    expect(withCacheVerdict(dropped, await verifyCookies(signedUp.cookieHeader, { secrets: [] })).jwks?.message).toMatch(/^No table jwks in file:.+: the jwt plugin keeps its public keys there, so the cookie cache stays unverified\./);
    expect(dropped.jwks?.jwks).toBeNull();
  });
});
