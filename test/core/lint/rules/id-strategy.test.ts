import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf } from "./helpers";

const UUID_USER = edit(CURRENT_SCHEMA, "  id            String    @id\n", "  id            String    @id @default(uuid()) @db.Uuid\n");

describe("id-strategy", () => {
  it("is an error for @default(uuid()) @db.Uuid under the default strategy", () => {
    const [finding, ...rest] = findingsOf("id-strategy", UUID_USER, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe("error");
    expect(finding!.range).toEqual({ start: { line: 6, character: 47 }, end: { line: 6, character: 55 } });
    expect(finding!.message).toContain('every insert fails ("invalid input syntax for type uuid", better-auth#2598)');
  });

  it("is an error for a @db.Uuid id without any default too, with advice in the version's own option", () => {
    const text = edit(CURRENT_SCHEMA, "  id            String    @id\n", "  id            String    @id @db.Uuid\n");
    const advice = (version: string) => findingsOf("id-strategy", text, version).map((finding) => [finding.severity, finding.message.split("Either ")[1]]);
    expect(advice("1.7.25")).toEqual([["error", 'set advanced.database.generateId: "uuid" in your auth config, or drop @db.Uuid.']]);
    expect(advice("1.3.34")).toEqual([["error", "set advanced.database.generateId: false (the boolean, not the string) in your auth config and give the column a database default, or drop @db.Uuid."]]);
    expect(advice("1.2.5")).toEqual([["error", "set advanced.generateId: false (the boolean, not the string) in your auth config and give the column a database default, or drop @db.Uuid."]]);
  });

  it("is only info for a dead @default(uuid()) on a text column", () => {
    const text = edit(CURRENT_SCHEMA, "  id            String    @id\n", "  id            String    @id @default(uuid())\n");
    expect(findingsOf("id-strategy", text, "1.7.25").map((finding) => finding.severity)).toEqual(["info"]);
  });

  it("quotes the default as written: uuid(7), cuid(2)", () => {
    for (const written of ["uuid(7)", "cuid(2)", "cuid()"]) {
      const text = edit(CURRENT_SCHEMA, "  id            String    @id\n", `  id            String    @id @default(${written})\n`);
      const [finding] = findingsOf("id-strategy", text, "1.7.25");
      expect(finding!.message).toMatch(new RegExp(`^User\\.id has @default\\(${written.replace(/[()]/g, "\\$&")}\\), but Better Auth 1\\.7\\.25 always sends its own id`));
    }
  });

  it("accepts uuid ids when generateId is uuid, and demands a default when it is false", () => {
    expect(findingsOf("id-strategy", UUID_USER, "1.7.25", { generateId: "uuid" })).toEqual([]);
    const none = findingsOf("id-strategy", CURRENT_SCHEMA, "1.7.25", { generateId: false });
    expect(none.map((finding) => [finding.model, finding.severity])).toEqual([
      ["User", "info"],
      ["Session", "info"],
      ["Account", "info"],
      ["Verification", "info"],
    ]);
    expect(none[0]!.message).toContain('Prisma rejects every create ("Argument `id` is missing")');
  });

  it("wants Int ids with generateId serial", () => {
    const [finding] = findingsOf("id-strategy", CURRENT_SCHEMA, "1.7.25", { generateId: "serial" });
    expect(finding!.message).toContain('generateId: "serial"');
  });
});
