import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/fixes/apply";
import { chooseFixes } from "../../../src/core/fixes/choose-fixes";
import { planFixes } from "../../../src/core/fixes/fix-plan";
import type { Finding, TextEdit } from "../../../src/core/lint/findings";
import { lintSchema } from "../../../src/core/lint/lint";
import type { Schema } from "../../../src/core/schema/ast";
import { parseSchemaText } from "../../../src/core/schema/parser";
import { CURRENT_SCHEMA, edit } from "../lint/rules/helpers";

const PATH = "/project/prisma/schema.prisma";
const NOW = new Date("2026-01-02T03:04:05Z");
const TEXT = "model A {\n  id String @id\n}\n";

function insertion(rule: string, line: number, character: number, newText: string): Finding {
  const range = { start: { line, character }, end: { line, character } };
  const textEdit: TextEdit = { file: PATH, range, newText };
  return { rule, severity: "error", message: rule, file: PATH, range, fix: { title: `fix ${rule}`, edits: [textEdit] } };
}

function linted(text: string, version: string) {
  const file = parseSchemaText(text, PATH);
  const schema: Schema = { files: [file], blocks: file.blocks };
  const detected = { version, source: "override" as const };
  return { schema, version: detected, findings: lintSchema(schema, { version: detected }) };
}

describe("chooseFixes", () => {
  it("takes only one of two insertions at one point, as planFixes does", () => {
    const first = insertion("first", 1, 15, " @map(\"a\")");
    const second = insertion("second", 1, 15, " @unique");
    const choice = chooseFixes([first, second], { withMigrations: false });
    expect(choice.applied).toEqual([first]);
    expect(choice.skipped).toEqual([{ finding: second, reason: "its edit on line 2 overlaps another fix; run fix again to apply it" }]);
    expect(applyEdits(TEXT, choice.edits)).toBe('model A {\n  id String @id @map("a")\n}\n');

    const file = parseSchemaText(TEXT, PATH);
    const plan = planFixes(
      { schema: { files: [file], blocks: file.blocks }, version: { version: "1.7.25", source: "override" }, findings: [first, second] },
      { now: NOW, schemaPath: PATH },
    );
    expect(plan.files[0]!.after).toBe(applyEdits(TEXT, choice.edits));
    expect(plan.skipped).toEqual(choice.skipped);
  });

  it("takes insertions at different points and one copy of an edit two findings share", () => {
    const a = insertion("a", 0, 9, " // a");
    const b = insertion("b", 1, 15, " @unique");
    const twin = { ...b, rule: "twin" };
    const choice = chooseFixes([a, b, twin], { withMigrations: false });
    expect(choice.applied).toEqual([a, b, twin]);
    expect(applyEdits(TEXT, choice.edits)).toBe("model A { // a\n  id String @id @unique\n}\n");
  });

  it("leaves out fixes that need a migration when asked for text only, without calling them skipped", () => {
    const legacy = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
    const { findings } = linted(legacy, "1.7.25");
    expect(findings.map((finding) => finding.rule)).toContain("session-token-layout");
    const textOnly = chooseFixes(findings, { withMigrations: false });
    expect(textOnly.applied).toEqual([]);
    expect(textOnly.skipped).toEqual([]);
    expect(textOnly.edits).toEqual([]);
    const all = chooseFixes(findings, { withMigrations: true });
    expect(all.sessionFix?.rule).toBe("session-token-layout");
    expect(all.applied.map((finding) => finding.rule)).toEqual(["session-token-layout"]);
  });
});
