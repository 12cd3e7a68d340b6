import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

const SESSION_RELATION = "  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@unique([token])";

describe("user-relation", () => {
  it("flags a relation without onDelete on the attribute and adds Cascade", () => {
    const text = edit(CURRENT_SCHEMA, SESSION_RELATION, "  user      User     @relation(fields: [userId], references: [id])\n\n  @@unique([token])");
    const [finding, ...rest] = findingsOf("user-relation", text, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe("warning");
    expect(finding!.range).toEqual({ start: { line: 29, character: 21 }, end: { line: 29, character: 66 } });
    expect(finding!.message).toMatch(/^Session\.user has no onDelete, but Better Auth 1\.7\.25 relies on onDelete: Cascade/);
    const after = fixed(text, finding!);
    expect(after).toContain("@relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@unique([token])");
    expect(lintWith(after, "1.7.25")).toEqual([]);
  });

  it("replaces another referential action", () => {
    const text = edit(CURRENT_SCHEMA, "onDelete: Cascade)\n\n  @@unique([token])", "onDelete: Restrict)\n\n  @@unique([token])");
    const [finding] = findingsOf("user-relation", text, "1.7.25");
    expect(finding!.message).toContain("deletes with onDelete: Restrict");
    expect(lintWith(fixed(text, finding!), "1.7.25")).toEqual([]);
  });

  it("flags a userId that is not a relation at all, without a guessed fix", () => {
    const text = edit(edit(CURRENT_SCHEMA, SESSION_RELATION, "\n  @@unique([token])"), "  sessions      Session[]\n", "");
    const [finding] = findingsOf("user-relation", text, "1.7.25");
    expect(finding!.message).toMatch(/^Session\.userId is not a relation to User/);
    expect(finding!.fix).toBeUndefined();
  });
});
