import { describe, expect, it } from "vitest";
import { twoFactor } from "better-auth/plugins";
import { lintText } from "../../../../src/core/lint/lint";
import { applyEdits } from "../../../../src/core/fixes/apply";
import { CURRENT_SCHEMA, edit, findingsOf } from "./helpers";
import { installedTablesFor } from "./installed-helpers";

const SESSION_RELATION = "  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)\n\n  @@unique([token])";

const TWO_FACTOR = `
model TwoFactor {
  id          String @id
  secret      String
  backupCodes String
  userId      String
  user        User   @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@index([secret])
  @@index([userId])
  @@map("twoFactor")
}
`;

const WITH_TWO_FACTOR = edit(CURRENT_SCHEMA, "  image         String?\n", "  image         String?\n  twoFactorEnabled Boolean? @default(false)\n  twofactors    TwoFactor[]\n") + TWO_FACTOR;
const app = { installed: installedTablesFor({ plugins: [twoFactor()] }, { "two-factor": "twoFactor() in src/lib/auth.ts:9" }) };
const lint = (text: string) => lintText(text, { config: { betterAuthVersion: "1.7.25" }, app }).filter((finding) => finding.rule === "user-relation");

describe("user-relation", () => {
  it("is quiet for session and account without cascade: Better Auth deletes those rows itself before the user", () => {
    const restrict = edit(CURRENT_SCHEMA, SESSION_RELATION, "  user      User     @relation(fields: [userId], references: [id])\n\n  @@unique([token])");
    for (const version of ["0.8.8", "1.0.0", "1.7.25"]) expect(findingsOf("user-relation", restrict, version)).toEqual([]);
    const noRelation = edit(edit(CURRENT_SCHEMA, SESSION_RELATION, "\n  @@unique([token])"), "  sessions      Session[]\n", "");
    expect(findingsOf("user-relation", noRelation, "1.7.25")).toEqual([]);
  });

  it("is quiet on a plugin table generated with cascade", () => {
    expect(lint(WITH_TWO_FACTOR)).toEqual([]);
  });

  it("warns that deleting a user fails when a plugin table's relation has no onDelete, and adds Cascade", () => {
    const text = edit(WITH_TWO_FACTOR, "references: [id], onDelete: Cascade)\n\n  @@index([secret])", "references: [id])\n\n  @@index([secret])");
    const [finding, ...rest] = lint(text);
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe("warning");
    expect(finding!.model).toBe("TwoFactor");
    expect(finding!.message).toMatch(/^TwoFactor\.user has no onDelete \(Prisma's default is Restrict\), so deleting a user that still has TwoFactor rows fails on the foreign key: Better Auth 1\.7\.25 deletes only session and account rows before the user\./);
    const after = applyEdits(text, finding!.fix!.edits);
    expect(after).toContain("references: [id], onDelete: Cascade)\n\n  @@index([secret])");
    expect(lint(after)).toEqual([]);
  });

  it("warns on Restrict and says only info for SetNull", () => {
    const restrict = edit(WITH_TWO_FACTOR, "onDelete: Cascade)\n\n  @@index([secret])", "onDelete: Restrict)\n\n  @@index([secret])");
    expect(lint(restrict).map((f) => [f.severity, f.message.slice(0, 44)])).toEqual([["warning", "TwoFactor.user deletes with onDelete: Restri"]]);
    const setNull = edit(WITH_TWO_FACTOR, "onDelete: Cascade)\n\n  @@index([secret])", "onDelete: SetNull)\n\n  @@index([secret])");
    expect(lint(setNull).map((f) => f.severity)).toEqual(["info"]);
  });

  it("says only info when a plugin table's userId is no relation at all (rows outlive the user, nothing fails)", () => {
    const text = edit(edit(WITH_TWO_FACTOR, "  user        User   @relation(fields: [userId], references: [id], onDelete: Cascade)\n", ""), "  twofactors    TwoFactor[]\n", "");
    const [finding, ...rest] = lint(text);
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe("info");
    expect(finding!.message).toMatch(/^TwoFactor\.userId is not a relation to User: nothing fails/);
    expect(finding!.fix).toBeUndefined();
  });
});
