import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

describe("unique-fields", () => {
  it("flags a non-unique email and adds @unique", () => {
    const text = edit(CURRENT_SCHEMA, "  @@unique([email])\n", "");
    const [finding, ...rest] = findingsOf("unique-fields", text, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 8, character: 2 }, end: { line: 8, character: 22 } });
    expect(finding!.message).toMatch(/^User\.email must be unique for Better Auth 1\.7\.25: Better Auth looks user records up by it/);
    expect(lintWith(fixed(text, finding!), "1.7.25")).toEqual([]);
  });

  it("does not repeat session-token-layout's token finding", () => {
    const text = edit(CURRENT_SCHEMA, "  @@unique([token])\n", "");
    expect(findingsOf("unique-fields", text, "1.7.25")).toEqual([]);
  });

  it("does not count a compound @@unique as unique", () => {
    const text = edit(CURRENT_SCHEMA, "  @@unique([email])", "  @@unique([email, name])");
    expect(findingsOf("unique-fields", text, "1.7.25")).toHaveLength(1);
  });
});
