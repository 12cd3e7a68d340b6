import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

const RULE = "core-model-fields";

describe("core-model-fields", () => {
  it("flags a missing required field at the model name and adds it after its neighbour", () => {
    const text = edit(CURRENT_SCHEMA, "  expiresAt DateTime\n  token", "  token");
    const [finding, ...rest] = findingsOf(RULE, text, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 20, character: 6 }, end: { line: 20, character: 13 } });
    expect(finding!.message).toBe(
      "Session has no `expiresAt` field, which Better Auth 1.7.25 writes on every session it creates: Prisma rejects the write (\"Unknown argument `expiresAt`\") and Better Auth's schema check fails every request (SCHEMA_MISMATCH). The fix adds `expiresAt DateTime` and a migration that adds the column; it is required with no default, so the migration stops, changing nothing, while the session table has rows (give them a value in it, or make the field optional).",
    );
    const after = fixed(text, finding!);
    expect(after).toContain("  id        String   @id\n  expiresAt DateTime\n  token");
    expect(lintWith(after, "1.7.25")).toEqual([]);
  });

  it("adds the relation with a missing userId", () => {
    const text = edit(edit(CURRENT_SCHEMA, "  userId    String\n  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@unique([token])", "\n  @@unique([token])"), "  @@index([userId])\n  @@map(\"session\")", "  @@map(\"session\")");
    const [finding] = findingsOf(RULE, text, "1.7.25");
    expect(finding!.message).toContain("Session has no `userId` field");
    const after = fixed(text, finding!);
    expect(after).toContain("  userAgent String?\n  userId    String\n  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n");
    expect(lintWith(after, "1.7.25")).toEqual([]);
  });

  it("says when the version does not validate the schema at start-up", () => {
    const text = edit(CURRENT_SCHEMA, "  image         String?\n", "");
    const [finding] = findingsOf(RULE, text, "1.4.22");
    expect(finding!.message).toBe(
      'User has no `image` field, which Better Auth 1.4.22 writes whenever it has a value: Prisma rejects the write ("Unknown argument `image`"). The fix adds `image String?` and a migration that adds the column.',
    );
  });

  it("reports a missing core model on the first Better Auth model present", () => {
    const start = CURRENT_SCHEMA.indexOf("model Verification");
    const text = CURRENT_SCHEMA.slice(0, start);
    const [finding, ...rest] = findingsOf(RULE, text, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.model).toBe("User");
    expect(finding!.message).toMatch(/^The schema has no model for Better Auth's `verification` table/);
    expect(finding!.message).toContain("The fix adds model Verification as `npx auth generate` writes it and a migration that creates the table");
    // The core table of the built-in layout, exactly as the complete schema (the generator's) has it.
    expect(fixed(text, finding!)).toBe(`${text.trimEnd()}\n\n${CURRENT_SCHEMA.slice(start).trimEnd()}\n\n`);
    expect(finding!.fix!.migration).toEqual({ kind: "add-tables", models: ["Verification"] });
  });

  it("finds models by the configured modelName and usePlural", () => {
    const text = CURRENT_SCHEMA.replace(/@@map\("(\w+)"\)/g, '@@map("$1s")')
      .replace("model Session {", "model Sessions {")
      .replace(/Session\[\]/, "Sessions[]");
    expect(findingsOf(RULE, text, "1.7.25", { usePlural: true })).toEqual([]);
  });
});
