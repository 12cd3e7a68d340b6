import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/fixes/apply";
import { suppressionEdit } from "../../src/core/fixes/suppress";
import { lintSchema } from "../../src/core/lint/lint";
import { parseSchemaText } from "../../src/core/schema/parser";
import { CURRENT_SCHEMA, edit } from "./lint/rules/helpers";

const BROKEN = edit(CURRENT_SCHEMA, "  @@unique([email])\n", "");

function lint(text: string) {
  const file = parseSchemaText(text);
  const schema = { files: [file], blocks: file.blocks };
  return { schema, findings: lintSchema(schema, { config: { betterAuthVersion: "1.7.25" } }) };
}

describe("suppressionEdit", () => {
  it("writes a field ignore comment above the field, which silences exactly that finding", () => {
    const { schema, findings } = lint(BROKEN);
    const finding = findings.find((f) => f.rule === "unique-fields")!;
    expect(finding.field).toBe("email");
    const after = applyEdits(BROKEN, [suppressionEdit(schema, finding, "field")!]);
    expect(after).toContain("  name          String\n  /// better-auth-doctor-ignore unique-fields\n  email         String\n");
    expect(lint(after).findings).toEqual([]);
  });

  it("writes a model ignore comment at the top of the body", () => {
    const { schema, findings } = lint(BROKEN);
    const after = applyEdits(BROKEN, [suppressionEdit(schema, findings[0]!, "model")!]);
    expect(after).toContain("model User {\n  /// better-auth-doctor-ignore-model unique-fields\n  id ");
    expect(lint(after).findings).toEqual([]);
  });
});
