import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

describe("field-optionality", () => {
  it("flags a required field Better Auth may leave out, and makes it optional", () => {
    const text = edit(CURRENT_SCHEMA, "  image         String?", "  image         String");
    const [finding, ...rest] = findingsOf("field-optionality", text, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 10, character: 2 }, end: { line: 10, character: 22 } });
    expect(finding!.message).toMatch(/^User\.image is required, but Better Auth 1\.7\.25 treats it as optional/);
    const after = fixed(text, finding!);
    expect(after).toContain("  image         String?\n");
    expect(lintWith(after, "1.7.25")).toEqual([]);
  });

  it("accepts a required field with a default", () => {
    const text = edit(CURRENT_SCHEMA, "  image         String?", '  image         String @default("")');
    expect(findingsOf("field-optionality", text, "1.7.25")).toEqual([]);
  });
});
