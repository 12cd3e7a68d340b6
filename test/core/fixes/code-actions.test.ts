import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/fixes/apply";
import { codeActionsFor, FIX_ALL_KIND } from "../../../src/core/fixes/code-actions";
import type { Finding } from "../../../src/core/lint/findings";
import { lintSchema } from "../../../src/core/lint/lint";
import type { Range, Schema } from "../../../src/core/schema/ast";
import { parseSchemaText } from "../../../src/core/schema/parser";

const PATH = "/project/prisma/schema.prisma";
const FIXTURES = join(__dirname, "__fixtures__");

function fixture(name: string, version = "1.7.25"): { text: string; schema: Schema; findings: Finding[] } {
  const text = readFileSync(join(FIXTURES, name), "utf8");
  const file = parseSchemaText(text, PATH);
  const schema: Schema = { files: [file], blocks: file.blocks };
  return { text, schema, findings: lintSchema(schema, { version: { version, source: "override" } }) };
}

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

describe("codeActionsFor", () => {
  it("offers the fix (preferred), ignore for the field and the model, docs, then fix all — as data with the exact edits", () => {
    const { text, schema, findings } = fixture("session-id-default-0.8.prisma", "0.8.8");
    const actions = codeActionsFor(findings, at(21, 30), undefined, { schema });
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred ?? false])).toEqual([
      ["Remove the default from Session.id", "quickfix", true],
      ["Ignore session-token-layout for this field (Session.id)", "quickfix", false],
      ["Ignore session-token-layout for this model (Session)", "quickfix", false],
      ["Show documentation for session-token-layout", "quickfix", false],
      ["Fix all Better Auth problems in this schema", "quickfix", false],
    ]);
    const [fix, ignoreField, ignoreModel, docs, fixAll] = actions;
    expect(applyEdits(text, fix!.edits!)).toContain("model Session {\n  id        String   @id\n  token     String\n");
    expect(applyEdits(text, ignoreField!.edits!)).toContain("model Session {\n  /// better-auth-doctor-ignore session-token-layout\n  id        String   @id @default(cuid())\n");
    expect(applyEdits(text, ignoreModel!.edits!)).toContain("model Session {\n  /// better-auth-doctor-ignore-model session-token-layout\n  id ");
    expect(docs!.command).toEqual({ name: "openDocs", url: expect.stringMatching(/session-token-layout/) });
    expect(fixAll!.command).toEqual({ name: "fixAll" });
    expect(fixAll!.finding).toBeUndefined();
    // Every finding-bound action answers the finding at the cursor.
    expect(actions.slice(0, 4).every((action) => action.finding === findings[0])).toBe(true);
  });

  it("turns a fix that needs a migration into the applyFix command, with the migration in its title", () => {
    const { schema, findings } = fixture("session-without-token.prisma");
    const actions = codeActionsFor(findings, findings[0]!.range, "quickfix", { schema });
    expect(actions.map((action) => action.title)).toEqual([
      "Add Session.token String @unique and write the migration",
      "Ignore session-token-layout for this model (Session)",
      "Show documentation for session-token-layout",
    ]);
    expect(actions[0]).toMatchObject({ isPreferred: true, command: { name: "applyFix", finding: findings[0] } });
    expect(actions[0]!.edits).toBeUndefined();
  });

  it("offers nothing away from every finding", () => {
    const { schema, findings } = fixture("session-id-default-0.8.prisma", "0.8.8");
    expect(codeActionsFor(findings, at(0, 0), undefined, { schema })).toEqual([]);
  });

  it("answers source.fixAll requests with the text-only fixes of the whole file, and other kinds with nothing", () => {
    const { text, schema, findings } = fixture("session-id-default-0.8.prisma", "0.8.8");
    for (const only of [FIX_ALL_KIND, "source.fixAll", "source"]) {
      const actions = codeActionsFor(findings, at(0, 0), only, { schema });
      expect(actions.map((action) => [action.title, action.kind])).toEqual([["Fix all Better Auth problems (text only)", FIX_ALL_KIND]]);
      // The token removal and Account.expiresAt need migrations: only the id default goes.
      expect(applyEdits(text, actions[0]!.edits!)).toBe(text.replace("  id        String   @id @default(cuid())\n  token", "  id        String   @id\n  token"));
    }
    expect(codeActionsFor(findings, at(21, 30), "refactor", { schema })).toEqual([]);
    expect(codeActionsFor(fixture("session-without-token.prisma").findings, at(0, 0), "source.fixAll")).toEqual([]);
  });

  it("offers a config doctor finding an ignore line and a generated secret, and no schema-wide fix all", () => {
    const text = "DATABASE_URL=postgres://x\nBETTER_AUTH_SECRET=secret\n";
    const range = { start: { line: 1, character: 19 }, end: { line: 1, character: 25 } };
    const finding: Finding = { rule: "weak-secret", severity: "error", message: "weak", file: "/project/.env", range };
    const actions = codeActionsFor([finding, { ...finding, rule: "other", fix: { title: "t", edits: [] } }, { ...finding, rule: "third", fix: { title: "t", edits: [] } }], range, undefined, {
      doctorFile: { text },
      projectDir: "/project",
    });
    expect(actions.slice(0, 3).map((action) => action.title)).toEqual(["Generate a strong secret into .env", "Ignore weak-secret for this line", "Show documentation for weak-secret"]);
    expect(actions[0]!.command).toEqual({ name: "generateSecret", projectDir: "/project", file: "/project/.env" });
    expect(applyEdits(text, actions[1]!.edits!)).toBe("DATABASE_URL=postgres://x\n# better-auth-doctor-ignore weak-secret\nBETTER_AUTH_SECRET=secret\n");
    expect(actions.some((action) => action.command?.name === "fixAll")).toBe(false);
  });
});
