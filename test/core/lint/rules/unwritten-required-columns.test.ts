import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

const WITH_TENANT = edit(CURRENT_SCHEMA, "  image         String?\n", "  image         String?\n  tenantId      String\n");

describe("unwritten-required-columns", () => {
  it("flags a required column Better Auth never writes; from 1.7.3 the schema check fails every request too", () => {
    const [finding, ...rest] = findingsOf("unwritten-required-columns", WITH_TENANT, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 11, character: 2 }, end: { line: 11, character: 22 } });
    expect(finding!.message).toMatch(
      /^User\.tenantId is required, but Better Auth 1\.7\.25 never writes it, so Prisma rejects its creates \("Argument `tenantId` is missing"\) and every sign-up fails; its schema check also fails every request with SCHEMA_MISMATCH/,
    );
    expect(lintWith(fixed(WITH_TENANT, finding!), "1.7.25")).toEqual([]);
  });

  it("flags it in every version, because every insert fails (without the schema-check part before 1.7.3)", () => {
    for (const version of ["0.8.8", "1.0.0", "1.7.2"]) {
      const [finding] = findingsOf("unwritten-required-columns", WITH_TENANT, version);
      expect(finding!.message, version).toContain("every sign-up fails");
      expect(finding!.message, version).not.toContain("SCHEMA_MISMATCH");
    }
  });

  it("flags NextAuth leftovers in session, account and verification", () => {
    let text = edit(CURRENT_SCHEMA, "  token     String\n", "  token     String\n  sessionToken String @unique\n");
    text = edit(text, "  providerId            String\n", "  providerId            String\n  providerAccountId     String\n");
    text = edit(text, "  value      String\n", "  value      String\n  expires    DateTime\n");
    const found = findingsOf("unwritten-required-columns", text, "1.4.22").map((finding) => `${finding.model}.${finding.field}`);
    expect(found).toEqual(["Session.sessionToken", "Account.providerAccountId", "Verification.expires"]);
  });

  it("is quiet for optional, defaulted, relation fields and fields declared in additionalFields", () => {
    const fine = edit(CURRENT_SCHEMA, "  image         String?\n", '  image         String?\n  tenantId      String  @default("t")\n  nickname      String?\n');
    expect(findingsOf("unwritten-required-columns", fine, "1.7.25")).toEqual([]);
    const declared = { additionalFields: { user: { tenantId: { type: "string", required: true } } } };
    expect(findingsOf("unwritten-required-columns", WITH_TENANT, "1.7.25", declared)).toEqual([]);
  });
});
