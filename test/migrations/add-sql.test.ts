import { describe, expect, it } from "vitest";
import { addColumnsMigration } from "../../src/core/migrations/add-columns";
import { addTablesMigration } from "../../src/core/migrations/add-table";
import { generatedSchema, PLUGINS, type AuthConfig } from "./add-auth-configs";
import { parse } from "./fixtures";
import { prismaDiff } from "./prisma-engine";

// The new tables' DDL, statement for statement, against the migration Prisma's own engine writes
// from the schema before to the schema after (PostgreSQL and CockroachDB; no CockroachDB server
// here, so the text is the check). MySQL and SQL Server, which the engine cannot diff here, are
// kept as file snapshots for review.

const strip = (schema: string) => schema.replace(/  url      = [^\n]*\n/, "");
const config = (provider: AuthConfig["provider"], plugins: boolean): AuthConfig => ({
  name: provider,
  provider,
  idStrategy: "default",
  usePlural: false,
  options: plugins ? { plugins: [PLUGINS.twoFactor(), PLUGINS.organization(), PLUGINS.jwt(), PLUGINS.deviceAuthorization(), PLUGINS.siwe()] } : {},
});

function statements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

const newModels = (before: string, after: string) => {
  const names = (text: string) => parse(text).blocks.filter((b) => b.kind === "model").map((b) => b.name);
  const old = new Set(names(before));
  return names(after).filter((name) => !old.has(name));
};

describe("new tables: the statements of Prisma's own migration", () => {
  for (const provider of ["postgresql", "cockroachdb"] as const) {
    it(provider, async () => {
      const before = strip(await generatedSchema(config(provider, false)));
      const after = strip(await generatedSchema(config(provider, true)));
      const prisma = statements(await prismaDiff("postgres", after, before)).filter((s) => !/^ALTER TABLE "(user|session)" ADD COLUMN/.test(s));
      const ours = statements(addTablesMigration({ schema: parse(after), models: newModels(before, after) }).sql!);
      expect(ours).toEqual(prisma);
    });
  }
});

describe("migration.sql snapshots", () => {
  for (const provider of ["postgresql", "cockroachdb", "mysql", "sqlite", "sqlserver"] as const) {
    it(provider, async () => {
      const before = strip(await generatedSchema(config(provider, false)));
      const after = strip(await generatedSchema(config(provider, true)));
      const schema = parse(after);
      const tables = addTablesMigration({ schema, models: newModels(before, after) });
      const columns = addColumnsMigration({ schema, model: "User", fields: ["twoFactorEnabled"] });
      const nickname = addColumnsMigration({
        schema: parse(after.replace("  twoFactorEnabled Boolean?", "  nickname String\n  twoFactorEnabled Boolean?")),
        model: "User",
        fields: ["nickname"],
      });
      for (const plan of [tables, columns, nickname]) {
        // Every statement sits under a comment that says why.
        for (const block of plan.sql!.split(/\n\n(?=--)/)) expect(block.startsWith("-- "), block).toBe(true);
      }
      await expect(tables.sql).toMatchFileSnapshot(`__snapshots__/add/${provider}.tables.sql`);
      await expect(columns.sql).toMatchFileSnapshot(`__snapshots__/add/${provider}.column.sql`);
      await expect(nickname.sql).toMatchFileSnapshot(`__snapshots__/add/${provider}.required-column.sql`);
    });
  }

  it("mongodb: notes instead of SQL", async () => {
    const after = strip(await generatedSchema(config("mongodb", true)));
    const plan = addTablesMigration({ schema: parse(after), models: ["TwoFactor", "Jwks"] });
    expect(plan.sql).toBeUndefined();
    expect(plan.notes.join("\n")).toMatch(/prisma db push.*"twoFactor_secret_idx"/);
    const columns = addColumnsMigration({ schema: parse(after), model: "User", fields: ["twoFactorEnabled"] });
    expect(columns.notes).toContain('Give existing documents the default of twoFactorEnabled: db.getCollection("user").updateMany({ twoFactorEnabled: { $exists: false } }, { $set: { twoFactorEnabled: false } })');
  });
});
