import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/cli/format/unified-diff";
import { CURRENT_SCHEMA, edit } from "../core/lint/rules/helpers";
import { writeFiles } from "../write-files";
import { runCli } from "./run-cli";

/** A 1.x app with the ≤ 0.8 Session layout. */
const LEGACY = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
const ENV = { BETTER_AUTH_DOCTOR_NOW: "2026-01-02T03:04:05Z" };
const ADD_TOKEN = "prisma/migrations/20260102030405_better_auth_session_token/migration.sql";
const V1 = JSON.stringify({ dependencies: { "better-auth": "1.7.25" } });
let root: string;

const project = (name: string, files: Record<string, string>) => writeFiles(path.join(root, name), files);

/** Every file under `dir` with its text, to prove a dry run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (statSync(path.join(dir, name)).isFile()) out[name] = readFileSync(path.join(dir, name), "utf8");
  }
  return out;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-fix-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("better-auth-doctor fix", () => {
  it("without --write prints the diff and the migration, and writes nothing", async () => {
    const dir = project("dry", { "package.json": V1, "prisma/schema.prisma": LEGACY });
    const before = snapshot(dir);
    const result = await runCli(["fix"], { cwd: dir, env: ENV });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(
      "--- a/prisma/schema.prisma\n+++ b/prisma/schema.prisma\n@@ -20,6 +20,7 @@\n \n model Session {\n   id        String   @id\n+  token     String   @unique\n   expiresAt DateTime\n",
    );
    expect(result.stdout).toContain(`Would write ${ADD_TOKEN} (add-token, postgresql):\n  -- Better Auth Doctor:`);
    expect(result.stdout).toContain('  ALTER TABLE "session" ADD COLUMN "token" TEXT;\n');
    expect(result.stdout).toContain("Dry run: nothing was written.");
    expect(result.stdout).toMatch(/After fixing:\nNo problems found in 1 schema file\.\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("with --write rewrites the Session model and writes migration.sql next to the schema; lint is clean afterwards", async () => {
    const dir = project("write", { "package.json": V1, "prisma/schema.prisma": LEGACY });
    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Wrote prisma/schema.prisma\n");
    expect(result.stdout).toContain(`Wrote ${ADD_TOKEN} (add-token, postgresql)\n`);
    expect(result.stdout).toMatch(/npx prisma migrate dev.*npx prisma migrate deploy/);
    expect(read(dir, "prisma/schema.prisma")).toContain("  id        String   @id\n  token     String   @unique\n");
    const sql = read(dir, ADD_TOKEN);
    expect(sql).toContain('ALTER TABLE "session" ADD COLUMN "token" TEXT;');
    expect(sql).toContain('UPDATE "session" SET "token" = "id" WHERE "token" IS NULL;');
    expect(sql).toContain('ALTER TABLE "session" ALTER COLUMN "token" SET NOT NULL;');
    expect(sql).toContain('CREATE UNIQUE INDEX "session_token_key" ON "session"("token");');

    const lint = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout).files[0].findings).toEqual([]);
    // Nothing left to fix, so a second run writes no second migration.
    const again = await runCli(["fix", "--write"], { cwd: dir, env: { BETTER_AUTH_DOCTOR_NOW: "2026-01-02T03:04:06Z" } });
    expect(again).toMatchObject({ code: 0, stdout: "No problems found in 1 schema file.\n" });
    expect(readdirSync(path.join(dir, "prisma/migrations"))).toEqual(["20260102030405_better_auth_session_token"]);
  });

  it("writes into prisma.config.ts migrations.path", async () => {
    const dir = project("config", {
      "package.json": V1,
      "prisma.config.ts": 'import { defineConfig } from "prisma/config";\nexport default defineConfig({\n  schema: "db/schema.prisma",\n  migrations: { path: "db/sql" },\n});\n',
      "db/schema.prisma": LEGACY,
    });
    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, "db/sql/20260102030405_better_auth_session_token/migration.sql"))).toBe(true);
    expect(existsSync(path.join(dir, "db/migrations"))).toBe(false);
  });

  it("puts a multi-file schema's migration in the schema folder", async () => {
    const sessionStart = CURRENT_SCHEMA.indexOf("model Session");
    const accountStart = CURRENT_SCHEMA.indexOf("model Account");
    const dir = project("multi", {
      "package.json": JSON.stringify({ dependencies: { "better-auth": "1.7.25" }, prisma: { schema: "prisma/schema" } }),
      "prisma/schema/base.prisma": LEGACY.slice(0, sessionStart),
      "prisma/schema/auth/session.prisma": LEGACY.slice(sessionStart, LEGACY.indexOf("model Account")),
      "prisma/schema/auth/rest.prisma": CURRENT_SCHEMA.slice(accountStart),
    });
    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result.stdout).toContain("Wrote prisma/schema/auth/session.prisma\n");
    expect(existsSync(path.join(dir, "prisma/schema/migrations/20260102030405_better_auth_session_token/migration.sql"))).toBe(true);
    expect(read(dir, "prisma/schema/auth/session.prisma")).toContain("  token     String   @unique\n");
  });

  it("on a 0.8 project with a token field writes the drop-token migration", async () => {
    const dir = project("legacy", { "package.json": JSON.stringify({ dependencies: { "better-auth": "0.8.8" } }), "prisma/schema.prisma": CURRENT_SCHEMA });
    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result.stderr).toBe("");
    const sql = read(dir, "prisma/migrations/20260102030405_better_auth_session_id_is_token/migration.sql");
    expect(sql).toContain('UPDATE "session" SET "id" = "token"');
    expect(sql).toContain('DROP COLUMN "token"');
    const schema = read(dir, "prisma/schema.prisma");
    expect(schema).not.toMatch(/^\s+token\s/m);
    expect(schema).not.toContain("@@unique([token])");
    const lint = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(JSON.parse(lint.stdout).files[0].findings.filter((finding: { rule: string }) => finding.rule === "session-token-layout")).toEqual([]);
  });

  it("on MongoDB writes no SQL file and prints what to run instead", async () => {
    const dir = project("mongo", { "package.json": V1, "prisma/schema.prisma": edit(LEGACY, 'provider = "postgresql"', 'provider = "mongodb"') });
    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result.stdout).toContain("No migration.sql is written for add-token on mongodb.\n");
    expect(result.stdout).toMatch(/Notes:\n {2}- MongoDB has no SQL migrations.*\n {2}1\. In mongosh, give every existing session its id as token/);
    expect(result.stdout).toContain("npx prisma db push");
    expect(existsSync(path.join(dir, "prisma/migrations"))).toBe(false);
    expect(read(dir, "prisma/schema.prisma")).toContain("  token     String   @unique\n");
  });

  it("reports an overlapping fix as skipped, exits 1 while its error remains, and fixes it on the next run", async () => {
    const dir = project("overlap", { "package.json": V1, "prisma/schema.prisma": edit(LEGACY, "  expiresAt DateTime\n", "") });
    const first = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(
      "Skipped (run fix again to apply):\n  prisma/schema.prisma:21:7  core-model-fields: its edit on line 22 overlaps another fix; run fix again to apply it\n",
    );
    expect(first.stdout).toMatch(/After fixing:\nprisma\/schema\.prisma .*\n .*error .*Session has no `expiresAt` field/);
    const second = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(second.code).toBe(0);
    // The added column comes with its own migration (ADD COLUMN, guarded: no value for existing rows).
    expect(second.stdout).toContain("Wrote prisma/migrations/20260102030405_better_auth_add_Session_fields/migration.sql (add-columns, postgresql)\n");
    expect(read(dir, "prisma/schema.prisma")).toContain("  id        String   @id\n  expiresAt DateTime\n  token     String   @unique\n");
  });

  it("never overwrites an existing migration folder", async () => {
    const dir = project("exists", {
      "package.json": V1,
      "prisma/schema.prisma": LEGACY,
      [ADD_TOKEN]: "-- mine\n",
    });
    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "better-auth-doctor fix: prisma/migrations/20260102030405_better_auth_session_token already exists; not overwriting it (nothing was changed). Run fix again in a second.\n",
    );
    expect(read(dir, ADD_TOKEN)).toBe("-- mine\n");
    expect(read(dir, "prisma/schema.prisma")).toBe(LEGACY);
  });

  it("shows the duplicate check when making the token unique, and deletes duplicates only with the flag", async () => {
    const text = edit(CURRENT_SCHEMA, "  @@unique([token])\n", "");
    const dir = project("unique", { "package.json": V1, "prisma/schema.prisma": text });
    const dry = await runCli(["fix"], { cwd: dir, env: ENV });
    expect(dry.stdout).toContain("Sessions that share a token make the migration stop. Find them first with:\n    SELECT");
    expect(dry.stdout).toContain("--keep-latest-duplicate-sessions");
    expect(dry.stdout).not.toContain("DELETE");
    const keep = await runCli(["fix", "--write", "--keep-latest-duplicate-sessions"], { cwd: dir, env: ENV });
    expect(keep.code).toBe(0);
    expect(keep.stdout).toContain("The migration deletes all but the latest session of each shared token.");
    expect(read(dir, "prisma/migrations/20260102030405_better_auth_session_token_unique/migration.sql")).toContain("DELETE");
  });

  it("exits 2 on usage errors", async () => {
    const dir = project("usage", { "schema.prisma": LEGACY });
    expect((await runCli(["fix", "--frobnicate"], { cwd: dir, env: ENV })).code).toBe(2);
    expect((await runCli(["fix", "missing.prisma"], { cwd: dir, env: ENV })).stderr).toMatch(/missing\.prisma: no such schema file or folder/);
    const badNow = await runCli(["fix"], { cwd: dir, env: { BETTER_AUTH_DOCTOR_NOW: "soon" } });
    expect(badNow).toMatchObject({ code: 2, stderr: "better-auth-doctor fix: BETTER_AUTH_DOCTOR_NOW is not a date (got 'soon')\n" });
  });
});

describe("unifiedDiff", () => {
  it("prints hunks with three lines of context, as diff -u does", () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i}\n`).join("");
    const after = before.replace("line 5\n", "line 5\nnew\n").replace("line 9\n", "").replace("line 25\n", "changed 25\n");
    expect(unifiedDiff("x.txt", before, after)).toBe(
      "--- a/x.txt\n+++ b/x.txt\n" +
        "@@ -4,10 +4,10 @@\n line 3\n line 4\n line 5\n+new\n line 6\n line 7\n line 8\n-line 9\n line 10\n line 11\n line 12\n" +
        "@@ -23,7 +23,7 @@\n line 22\n line 23\n line 24\n-line 25\n+changed 25\n line 26\n line 27\n line 28\n",
    );
  });

  it("marks a missing final newline and handles empty sides", () => {
    expect(unifiedDiff("y", "a\nb", "a\nb\n")).toBe("--- a/y\n+++ b/y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    expect(unifiedDiff("z", "", "a\n")).toBe("--- a/z\n+++ b/z\n@@ -0,0 +1 @@\n+a\n");
    expect(unifiedDiff("z", "same\n", "same\n")).toBe("");
  });
});
