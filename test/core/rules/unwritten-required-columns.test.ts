import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

const WITH_TENANT = edit(CURRENT_SCHEMA, "  image         String?\n", "  image         String?\n  tenantId      String\n");

describe("unwritten-required-columns", () => {
  it("flags a required column Better Auth never writes, from 1.7.3", () => {
    const [finding, ...rest] = findingsOf("unwritten-required-columns", WITH_TENANT, "1.7.25");
    expect(rest).toEqual([]);
    expect(finding!.range).toEqual({ start: { line: 11, character: 2 }, end: { line: 11, character: 22 } });
    expect(finding!.message).toMatch(/^User\.tenantId is required but Better Auth 1\.7\.25 never writes it, so its schema check fails every request with SCHEMA_MISMATCH/);
    expect(lintWith(fixed(WITH_TENANT, finding!), "1.7.25")).toEqual([]);
  });

  it("is quiet before 1.7.3 and for optional, defaulted and relation fields", () => {
    expect(findingsOf("unwritten-required-columns", WITH_TENANT, "1.7.2")).toEqual([]);
    const fine = edit(CURRENT_SCHEMA, "  image         String?\n", '  image         String?\n  tenantId      String  @default("t")\n  nickname      String?\n');
    expect(findingsOf("unwritten-required-columns", fine, "1.7.25")).toEqual([]);
  });
});
