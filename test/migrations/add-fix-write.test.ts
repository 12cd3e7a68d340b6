import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli";
import { CURRENT_SCHEMA } from "../core/lint/rules/helpers";
import { prismaDiff } from "./prisma-engine";
import { startPostgres, type PostgresServer } from "./servers";
import { postgresStructure } from "./structure";

// `fix --write` on a project as users have it (package.json, node_modules/better-auth, auth.ts
// with plugins, a schema that has only Better Auth's core models): the schema gains the plugin
// models and fields, one migration folder holds every table and column, the result lints clean,
// and that migration, applied to a real PostgreSQL holding the core tables and a user, gives the
// database Prisma creates from the fixed schema, the user kept.

const ROOT_MODULES = path.join(__dirname, "../../node_modules");
const INSTALLED = (JSON.parse(readFileSync(path.join(ROOT_MODULES, "better-auth/package.json"), "utf8")) as { version: string }).version;
const ENV = { BETTER_AUTH_DOCTOR_NOW: "2026-01-02T03:04:05Z" };
const FOLDER = "prisma/migrations/20260102030405_better_auth_add_tables_and_fields";

const AUTH_TS = `import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization, twoFactor } from "better-auth/plugins";
import { prisma } from "./db";

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  plugins: [twoFactor(), organization({ teams: { enabled: true } })],
});
`;

let root: string;
let dir: string;
let server: PostgresServer | undefined;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
const noUrl = (schema: string) => schema.replace(/^\s*url\s*=.*\n/m, "");

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-fix-write-"));
  dir = path.join(root, "app");
  write("package.json", JSON.stringify({ name: "app", dependencies: { "better-auth": INSTALLED, "@prisma/client": "^6.19.0" } }));
  write("prisma/schema.prisma", CURRENT_SCHEMA);
  write("src/lib/auth.ts", AUTH_TS);
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(path.join(ROOT_MODULES, "better-auth"), path.join(dir, "node_modules/better-auth"));
});

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("fix --write adds the plugin tables and columns with one migration", () => {
  it("writes the schema and one migration folder, and the result lints clean", async () => {
    const before = await runCli(["lint", "--format", "json"], { cwd: dir, env: ENV });
    const rules = (JSON.parse(before.stdout).files[0].findings as { rule: string }[]).map((finding) => finding.rule);
    expect(rules.filter((rule) => rule === "core-model-fields")).toHaveLength(9);

    const result = await runCli(["fix", "--write"], { cwd: dir, env: ENV });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote ${FOLDER}/migration.sql (add-tables-and-columns, postgresql)\n`);
    expect(readdirSync(path.join(dir, "prisma/migrations"))).toEqual([path.basename(FOLDER)]);
    const schema = read("prisma/schema.prisma");
    for (const model of ["TwoFactor", "Organization", "Team", "TeamMember", "Member", "Invitation"]) expect(schema).toContain(`\nmodel ${model} {\n`);

    const after = await runCli(["lint", "--format", "json"], { cwd: dir, env: ENV });
    expect(JSON.parse(after.stdout).files[0].findings).toEqual([]);
    expect(after.code).toBe(0);

    // A second run has nothing to do and writes no second migration.
    const again = await runCli(["fix", "--write"], { cwd: dir, env: { BETTER_AUTH_DOCTOR_NOW: "2026-01-02T03:05:00Z" } });
    expect(again.code).toBe(0);
    expect(readdirSync(path.join(dir, "prisma/migrations"))).toHaveLength(1);
  }, 60_000);

  it("the written migration turns the core database into the one Prisma creates from the fixed schema, keeping its rows", async () => {
    server = await startPostgres();
    const migrated = await server.database("migrated");
    await migrated.query(await prismaDiff("postgres", noUrl(CURRENT_SCHEMA)));
    await migrated.query(`INSERT INTO "user" ("id", "name", "email", "updatedAt") VALUES ('u1', 'Ada', 'ada@example.com', now())`);
    await migrated.query(`INSERT INTO "session" ("id", "expiresAt", "token", "updatedAt", "userId") VALUES ('s1', now() + interval '1 day', 'tok', now(), 'u1')`);
    await migrated.query(read(`${FOLDER}/migration.sql`));

    const reference = await server.database("reference");
    await reference.query(await prismaDiff("postgres", noUrl(read("prisma/schema.prisma"))));
    expect(await postgresStructure(migrated)).toEqual(await postgresStructure(reference));

    expect((await migrated.query(`SELECT "id", "twoFactorEnabled" FROM "user"`)).rows).toEqual([{ id: "u1", twoFactorEnabled: false }]);
    expect((await migrated.query(`SELECT "token", "activeOrganizationId" FROM "session"`)).rows).toEqual([{ token: "tok", activeOrganizationId: null }]);
  }, 300_000);
});
