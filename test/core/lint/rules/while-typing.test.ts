import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, lintWith } from "./helpers";

// A schema in the middle of an edit still gets its Better Auth findings: the broken part costs
// only itself.
const LEGACY_SESSION = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");

describe("linting while the user types", () => {
  it("still checks Session when User is missing its closing brace", () => {
    const text = edit(LEGACY_SESSION, "  @@map(\"user\")\n}\n", "  @@map(\"user\")\n\n");
    const rules = lintWith(text, "1.7.25").map((finding) => `${finding.rule}:${finding.model ?? ""}`);
    expect(rules).toContain("session-token-layout:Session");
    expect(rules).toContain("schema-syntax:");
  });

  it("still checks Session when a field above is half typed or a string is unclosed", () => {
    for (const broken of ["  emai\n", '  nickname String @default("abc\n', "  role Role @default(\n", "  tags String[\n"]) {
      const text = edit(LEGACY_SESSION, "  image         String?\n", `  image         String?\n${broken}`);
      const findings = lintWith(text, "1.7.25");
      expect(findings.filter((finding) => finding.rule === "session-token-layout")).toHaveLength(1);
      expect(findings.some((finding) => finding.rule === "schema-syntax")).toBe(true);
    }
  });

  it("reports nothing but syntax for a model still being named", () => {
    const findings = lintWith(`${CURRENT_SCHEMA}\nmodel \n`, "1.7.25");
    expect(findings.map((finding) => finding.rule)).toEqual(["schema-syntax", "schema-syntax"]);
  });
});
