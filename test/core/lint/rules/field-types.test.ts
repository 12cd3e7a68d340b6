import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

describe("field-types", () => {
  it("flags expiresAt stored as String on the type and changes it to DateTime", () => {
    const text = edit(CURRENT_SCHEMA, "  expiresAt DateTime\n  token", "  expiresAt String\n  token");
    const [finding, ...rest] = findingsOf("field-types", text, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 22, character: 12 }, end: { line: 22, character: 18 } });
    expect(finding!.message).toBe(
      "Session.expiresAt is String, but Better Auth 1.7.25 writes a date there (Prisma accepts DateTime), so Prisma rejects the write. The fix changes the type to DateTime.",
    );
    expect(lintWith(fixed(text, finding!), "1.7.25")).toEqual([]);
  });

  it("keeps the optional marker and accepts Int ids (generateId: serial)", () => {
    const text = edit(CURRENT_SCHEMA, "  image         String?", "  image         Int?");
    const [finding] = findingsOf("field-types", text, "1.7.25");
    expect(fixed(text, finding!)).toContain("  image         String?");
    const serial = CURRENT_SCHEMA.replace(/id(\s+)String(\s+)@id/g, "id$1Int$2@id").replace(/userId(\s+)String/g, "userId$1Int");
    expect(findingsOf("field-types", serial, "1.7.25")).toEqual([]);
  });
});
