import { createRequire } from "node:module";
import type { BetterAuthOptions } from "better-auth";
import { admin, organization, twoFactor } from "better-auth/plugins";
import { describe, expect, it } from "vitest";
import type { LintConfig } from "../../../../src/core/better-auth/options-mirror";
import { planFixes } from "../../../../src/core/fixes/fix-plan";
import { plannedMigrationFor } from "../../../../src/core/fixes/migration-for-finding";
import { lintSchema } from "../../../../src/core/lint/lint";
import type { Schema } from "../../../../src/core/schema/ast";
import { parseSchemaText } from "../../../../src/core/schema/parser";
import { generatedSchema, modelBlocks, type AuthConfig } from "../../../migrations/add-auth-configs";
import { CURRENT_SCHEMA, edit, fixed } from "./helpers";
import { installedTablesFor } from "./installed-helpers";

// Missing tables and fields get what Better Auth's own generator (`auth generate`) writes for the
// app's config, with the migration that creates them. The tables come from the real installed
// better-auth's getAuthTables; the expected model text from the real generator.

const RULE = "core-model-fields";
const PATH = "/project/prisma/schema.prisma";
const NOW = new Date("2026-01-02T03:04:05Z");
const VERSION = { version: "1.7.25", source: "override" as const };
const prismaWasm = createRequire(__filename)("@prisma/prisma-schema-wasm") as { validate(params: string): void };

function parsed(text: string): Schema {
  const file = parseSchemaText(text, PATH);
  return { files: [file], blocks: file.blocks };
}

function linted(text: string, options: BetterAuthOptions, config: LintConfig = {}) {
  const schema = parsed(text);
  const app = { installed: installedTablesFor(options) };
  return { schema, version: VERSION, app: { context: app }, findings: lintSchema(schema, { version: VERSION, app, config }) };
}

function generatorConfig(options: BetterAuthOptions, provider: AuthConfig["provider"] = "postgresql"): AuthConfig {
  return { name: "test", provider, idStrategy: "default", usePlural: false, options };
}

/** Prisma's own validator: the fixed schema is one `prisma generate` accepts. */
function expectPrismaAccepts(text: string): void {
  const schema = text.replace(/^\s*url\s*=.*$/m, "");
  expect(() => prismaWasm.validate(JSON.stringify({ prismaSchema: [["schema.prisma", schema]], noColorErrors: true }))).not.toThrow();
}

describe("core-model-fields fixes for plugin tables", () => {
  it("adds the twoFactor model, User's back-relation and twoFactorEnabled, with one migration", async () => {
    const options = { plugins: [twoFactor()] };
    const result = linted(CURRENT_SCHEMA, options);
    const findings = result.findings.filter((finding) => finding.rule === RULE);
    expect(findings.map((finding) => finding.fix?.title)).toEqual(["Add User.twoFactorEnabled", "Add model TwoFactor"]);
    expect(findings[1]!.message).toBe(
      "The schema has no model for Better Auth's `twoFactor` table, which two-factor() needs (the Prisma adapter calls prisma.twoFactor), so every request fails with SCHEMA_MISMATCH. " +
        "The fix adds model TwoFactor as `npx auth generate` writes it, the back-relation lines in User and a migration that creates the table; or map an existing model with modelName in the auth config.",
    );
    const generated = modelBlocks(await generatedSchema(generatorConfig(options)));

    // The model on its own: the generator's block, and `twofactors TwoFactor[]` after User's last field.
    const alone = fixed(CURRENT_SCHEMA, findings[1]!);
    expect(alone).toBe(
      edit(CURRENT_SCHEMA, "  accounts      Account[]\n", "  accounts      Account[]\n  twofactors    TwoFactor[]\n").trimEnd() + `\n\n${generated.get("TwoFactor")}\n`,
    );
    expect(plannedMigrationFor(result.schema, findings[1]!, { now: NOW, schemaPath: PATH })?.folder).toBe("20260102030405_better_auth_add_twoFactor");

    const plan = planFixes(result, { now: NOW, schemaPath: PATH });
    expect(plan.skipped).toEqual([]);
    expect(plan.remaining).toEqual([]);
    const after = plan.files[0]!.after;
    expect(after).toContain("  updatedAt     DateTime  @updatedAt\n  twoFactorEnabled Boolean? @default(false)\n  sessions      Session[]\n  accounts      Account[]\n  twofactors    TwoFactor[]\n");
    expect(modelBlocks(after).get("TwoFactor")).toBe(generated.get("TwoFactor"));
    expectPrismaAccepts(after);
    expect(plan.migration).toMatchObject({
      transition: "add-tables-and-columns",
      path: "/project/prisma/migrations/20260102030405_better_auth_add_tables_and_fields/migration.sql",
      notes: [],
    });
    expect(plan.migration!.sql).toBe(TWO_FACTOR_SQL);
  }, 60_000);

  it("adds organization, member, invitation, team and teamMember together, as the generator writes them", async () => {
    const options = { plugins: [organization({ teams: { enabled: true } })] };
    const result = linted(CURRENT_SCHEMA, options);
    const tableFindings = result.findings.filter((finding) => finding.rule === RULE && finding.fix?.migration?.kind === "add-tables");
    expect(tableFindings).toHaveLength(5);
    // A table's fix brings the tables it references: one group, one identical fix on each finding.
    for (const finding of tableFindings) expect(finding.fix).toEqual(tableFindings[0]!.fix);
    expect(tableFindings[0]!.fix!.title).toBe("Add models Organization, Team, TeamMember, Member and Invitation");

    const plan = planFixes(result, { now: NOW, schemaPath: PATH });
    expect(plan.skipped).toEqual([]);
    expect(plan.remaining).toEqual([]);
    const after = plan.files[0]!.after;
    const generated = modelBlocks(await generatedSchema(generatorConfig(options)));
    const blocks = modelBlocks(after);
    for (const model of ["Organization", "Team", "TeamMember", "Member", "Invitation"]) expect(blocks.get(model), model).toBe(generated.get(model));
    expect(blocks.get("User")).toContain("  accounts      Account[]\n  teammembers   TeamMember[]\n  members       Member[]\n  invitations   Invitation[]\n");
    expect(blocks.get("Session")).toContain("  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n  activeOrganizationId String?\n  activeTeamId String?\n\n");
    expectPrismaAccepts(after);

    expect(plan.migration!.folder).toBe("20260102030405_better_auth_add_tables_and_fields");
    const sql = plan.migration!.sql!;
    // Columns first (a guard would stop before anything changed), then every table, index and foreign key.
    expect(sql.indexOf('ALTER TABLE "session" ADD COLUMN "activeOrganizationId" TEXT;')).toBeLessThan(sql.indexOf('CREATE TABLE "organization"'));
    expect(sql).toContain('ALTER TABLE "session" ADD COLUMN "activeTeamId" TEXT;');
    for (const table of ["organization", "team", "teamMember", "member", "invitation"]) expect(sql).toContain(`CREATE TABLE "${table}" (`);
    expect(sql).toContain('CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");');
    expect(sql).toContain(
      'ALTER TABLE "invitation" ADD CONSTRAINT "invitation_inviterId_fkey" FOREIGN KEY ("inviterId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;',
    );
  }, 60_000);

  it("adds admin's role to User exactly as the generator has it, with ADD COLUMN", async () => {
    const options = { plugins: [admin()] };
    const full = await generatedSchema(generatorConfig(options));
    const roleLine = full.split("\n").find((line) => /^\s+role\s/.test(line))!;
    const text = full.replace(`${roleLine}\n`, "");
    const result = linted(text, options);
    const [finding, ...rest] = result.findings.filter((f) => f.rule === RULE);
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      "User has no `role` field, which admin() adds and Better Auth 1.7.25 writes whenever it has a value: Prisma rejects the write (\"Unknown argument `role`\") and Better Auth's schema check fails every request (SCHEMA_MISMATCH). " +
        "The fix adds `role String?` and a migration that adds the column.",
    );
    expect(fixed(text, finding!)).toBe(full);
    const migration = plannedMigrationFor(result.schema, finding!, { now: NOW, schemaPath: PATH })!;
    expect(migration.folder).toBe("20260102030405_better_auth_add_User_fields");
    expect(migration.sql).toBe(
      [
        '-- Better Auth Doctor: add "role" to "user", which Better Auth needs and the database lacks.',
        '-- Written for provider "postgresql" to match the fixed Prisma model (names, types, nullability, indexes), so `prisma migrate dev` sees no drift.',
        "-- Keeps every row. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).",
        "",
        '-- Add "role" (optional: existing rows keep it empty).',
        'ALTER TABLE "user" ADD COLUMN "role" TEXT;',
        "",
      ].join("\n"),
    );
  }, 60_000);
});

describe("no fix where the generator's text would be wrong", () => {
  it("generateId: false (the generator writes no id default)", () => {
    const result = linted(CURRENT_SCHEMA, { plugins: [twoFactor()] }, { generateId: false });
    const finding = result.findings.find((f) => f.rule === RULE && f.message.includes("`twoFactor` table"))!;
    expect(finding.fix).toBeUndefined();
    expect(finding.message).toMatch(/ No automatic fix: with generateId: false the database must give ids, and Better Auth's generator writes no id default\.$/);
  });

  it("a text default on MySQL (the generator drops it)", () => {
    const mysql = edit(CURRENT_SCHEMA, 'provider = "postgresql"', 'provider = "mysql"');
    const options = { user: { additionalFields: { plan: { type: "string", required: false, defaultValue: "free" } } } } as BetterAuthOptions;
    const [finding] = linted(mysql, options).findings.filter((f) => f.rule === RULE);
    expect(finding!.fix).toBeUndefined();
    expect(finding!.message).toContain('No automatic fix: Better Auth\'s generator drops user.plan\'s default ("free") on MySQL.');
  });

  it("a required column without a default says the migration stops on rows", () => {
    const options = { user: { additionalFields: { nickname: { type: "string", required: true } } } } as BetterAuthOptions;
    const [finding] = linted(CURRENT_SCHEMA, options).findings.filter((f) => f.rule === RULE);
    expect(finding!.fix!.title).toBe("Add User.nickname (its migration stops while user has rows)");
    const migration = plannedMigrationFor(parsed(CURRENT_SCHEMA), finding!, { now: NOW, schemaPath: PATH })!;
    expect(migration.sql).toContain('RAISE EXCEPTION \'Better Auth Doctor: "user" has rows, and the new required column "nickname" has no default.');
  });
});

const TWO_FACTOR_SQL = `-- Better Auth Doctor: add "twoFactorEnabled" to "user", which Better Auth needs and the database lacks.
-- Written for provider "postgresql" to match the fixed Prisma model (names, types, nullability, indexes), so \`prisma migrate dev\` sees no drift.
-- Keeps every row. Review it, then apply with \`npx prisma migrate deploy\` (or \`npx prisma migrate dev\`).

-- Add "twoFactorEnabled"; existing rows get its default, as the schema declares.
ALTER TABLE "user" ADD COLUMN "twoFactorEnabled" BOOLEAN DEFAULT false;

-- Better Auth Doctor: create "twoFactor", which Better Auth needs and the database lacks.
-- Written for provider "postgresql" to match the fixed Prisma schema (names, types, keys, indexes), so \`prisma migrate dev\` sees no drift.
-- Only creates tables; no existing row is touched. Review it, then apply with \`npx prisma migrate deploy\` (or \`npx prisma migrate dev\`).

-- The table for the new twoFactor model, exactly as Prisma creates it.
CREATE TABLE "twoFactor" (
    "id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "backupCodes" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verified" BOOLEAN DEFAULT true,
    "failedVerificationCount" INTEGER DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "twoFactor_pkey" PRIMARY KEY ("id")
);

-- Index Better Auth's schema declares on twoFactor (lookups by this column); named as Prisma names it.
CREATE INDEX "twoFactor_secret_idx" ON "twoFactor"("secret");

-- Index Better Auth's schema declares on twoFactor (lookups by this column); named as Prisma names it.
CREATE INDEX "twoFactor_userId_idx" ON "twoFactor"("userId");

-- twoFactor.userId references user; rows go with it as the schema says (ON DELETE Cascade).
ALTER TABLE "twoFactor" ADD CONSTRAINT "twoFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;
