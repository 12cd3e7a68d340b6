import { describe, expect, it } from "vitest";
import { planFixes } from "../../../src/core/fixes/fix-plan";
import { migrationForFinding } from "../../../src/core/fixes/session-migration";
import { lintSchema } from "../../../src/core/lint/lint";
import type { Schema } from "../../../src/core/schema/ast";
import { parseSchemaText } from "../../../src/core/schema/parser";
import { CURRENT_SCHEMA, edit } from "../lint/rules/helpers";

const PATH = "/project/prisma/schema.prisma";
const NOW = new Date("2026-01-02T03:04:05Z");
/** The ≤ 0.8 layout: no token, id is the token. */
const LEGACY = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");

function linted(text: string, version: string) {
  const file = parseSchemaText(text, PATH);
  const schema: Schema = { files: [file], blocks: file.blocks };
  const detected = { version, source: "override" as const };
  return { schema, version: detected, findings: lintSchema(schema, { version: detected }) };
}

describe("planFixes", () => {
  it("adds the token on 1.x, plans the add-token migration next to the schema and re-lints clean", () => {
    const result = linted(LEGACY, "1.7.25");
    const plan = planFixes(result, { now: NOW, schemaPath: PATH });
    expect(plan.files).toHaveLength(1);
    expect(plan.files[0]!.before).toBe(LEGACY);
    expect(plan.files[0]!.after).toContain("model Session {\n  id        String   @id\n  token     String   @unique\n  expiresAt DateTime\n");
    expect(plan.applied.map((finding) => finding.rule)).toEqual(["session-token-layout"]);
    expect(plan.skipped).toEqual([]);
    expect(plan.remaining).toEqual([]);
    expect(plan.migration).toMatchObject({
      transition: "add-token",
      provider: "postgresql",
      dir: "/project/prisma/migrations",
      folder: "20260102030405_better_auth_session_token",
      path: "/project/prisma/migrations/20260102030405_better_auth_session_token/migration.sql",
    });
    expect(plan.migration!.sql).toContain('ALTER TABLE "session" ADD COLUMN "token" TEXT;');
    expect(plan.migration!.sql).toContain('UPDATE "session" SET "token" = "id"');
    // Pure: the input schema still holds the text it was parsed from.
    expect(result.schema.files[0]!.text).toBe(LEGACY);
  });

  it("skips a fix whose edit overlaps one already chosen, and the next run applies it", () => {
    const text = edit(LEGACY, "  expiresAt DateTime\n", "");
    const plan = planFixes(linted(text, "1.7.25"), { now: NOW, schemaPath: PATH });
    expect(plan.applied.map((finding) => finding.rule)).toEqual(["session-token-layout"]);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.skipped[0]!.finding.rule).toBe("core-model-fields");
    expect(plan.skipped[0]!.reason).toBe("its edit on line 22 overlaps another fix; run fix again to apply it");
    expect(plan.remaining.map((finding) => finding.rule)).toEqual(["core-model-fields"]);

    const second = planFixes(linted(plan.files[0]!.after, "1.7.25"), { now: NOW, schemaPath: PATH });
    expect(second.migration).toMatchObject({ transition: "add-columns", folder: "20260102030405_better_auth_add_Session_fields" });
    expect(second.remaining).toEqual([]);
  });

  it("drops the token on ≤ 0.8; removing the id default needs no migration", () => {
    const text = edit(CURRENT_SCHEMA, "  id        String   @id\n  expiresAt", "  id        String   @id @default(cuid())\n  expiresAt");
    const result = linted(text, "0.8.8");
    const layout = result.findings.filter((finding) => finding.rule === "session-token-layout");
    expect(layout.map((finding) => (finding.fix?.migration as { transition?: string } | undefined)?.transition)).toEqual([undefined, "drop-token"]);
    expect(migrationForFinding(result.schema, layout[0]!, { now: NOW, schemaPath: PATH })).toBeUndefined();

    const plan = planFixes(result, { now: NOW, schemaPath: PATH });
    expect(plan.skipped).toEqual([]);
    expect(plan.migration).toMatchObject({ transition: "drop-token", folder: "20260102030405_better_auth_session_id_is_token" });
    expect(plan.migration!.sql).toMatch(/UPDATE "session" SET "id" = "token"/);
    expect(plan.files[0]!.after).toContain("model Session {\n  id        String   @id\n  expiresAt DateTime\n  createdAt");
    expect(plan.remaining.filter((finding) => finding.rule === "session-token-layout")).toEqual([]);
  });

  it("makes the token unique and deletes duplicates only when asked", () => {
    const result = linted(edit(CURRENT_SCHEMA, "  @@unique([token])\n", ""), "1.7.25");
    const abort = planFixes(result, { now: NOW, schemaPath: PATH });
    expect(abort.migration!.transition).toBe("make-token-unique");
    expect(abort.migration!.duplicateCheckSql).toContain("GROUP BY");
    expect(abort.migration!.sql).not.toContain("DELETE");
    const keep = planFixes(result, { now: NOW, schemaPath: PATH, duplicates: "keep-latest" });
    expect(keep.migration!.sql).toContain("DELETE");
  });

  it("puts the migration where prisma.config.ts says", () => {
    const plan = planFixes(linted(LEGACY, "1.7.25"), {
      now: NOW,
      schemaPath: PATH,
      prismaConfig: { source: 'export default defineConfig({ schema: "prisma/schema.prisma", migrations: { path: "db/migrations" } })', dir: "/project" },
    });
    expect(plan.migration!.path).toBe("/project/db/migrations/20260102030405_better_auth_session_token/migration.sql");
  });

  it("writes no SQL for MongoDB and says what to run instead", () => {
    const plan = planFixes(linted(edit(LEGACY, 'provider = "postgresql"', 'provider = "mongodb"'), "1.7.25"), { now: NOW, schemaPath: PATH });
    expect(plan.migration!.sql).toBeUndefined();
    expect(plan.migration!.notes.join("\n")).toMatch(/mongosh[\s\S]*npx prisma db push/);
  });

  it("changes nothing on a clean schema", () => {
    const plan = planFixes(linted(CURRENT_SCHEMA, "1.7.25"), { now: NOW, schemaPath: PATH });
    expect(plan).toMatchObject({ files: [], applied: [], skipped: [], remaining: [] });
    expect(plan.migration).toBeUndefined();
  });
});
