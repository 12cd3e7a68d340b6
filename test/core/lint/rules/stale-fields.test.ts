import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit, findingsOf, fixed, lintWith } from "./helpers";

const WITH_ISSUER = edit(CURRENT_SCHEMA, "  providerId            String\n", "  providerId            String\n  issuer                String\n");

describe("stale-fields", () => {
  it("flags account.issuer left from 1.7.0–1.7.2 on 1.7.3+, and removes it", () => {
    const [finding, ...rest] = findingsOf("stale-fields", WITH_ISSUER, "1.7.3");
    expect(rest).toEqual([]);
    expect(finding!.range.start).toEqual({ line: 40, character: 2 });
    expect(finding!.message).toMatch(/^Account\.issuer is required, but Better Auth 1\.7\.3 never writes it: account\.issuer existed only in 1\.7\.0–1\.7\.2/);
    expect(lintWith(fixed(WITH_ISSUER, finding!), "1.7.3")).toEqual([]);
  });

  it("is quiet on 1.7.0–1.7.2, where issuer belongs", () => {
    expect(findingsOf("stale-fields", WITH_ISSUER, "1.7.1")).toEqual([]);
  });

  it("is quiet about an optional leftover, which only stays empty", () => {
    const text = edit(CURRENT_SCHEMA, "  providerId            String\n", "  providerId            String\n  issuer                String?\n");
    expect(findingsOf("stale-fields", text, "1.7.25")).toEqual([]);
  });
});
