import { describe, expect, it } from "vitest";
import { HEALTHY } from "./fixtures";
import { doctor } from "./helpers";

describe("a healthy app", () => {
  it("gets no error or warning from any rule", () => {
    const findings = doctor(HEALTHY);
    expect(findings.filter((finding) => finding.severity !== "info")).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("is still clean on every version line the option list knows", () => {
    for (const version of ["1.5.6", "1.6.34", "1.7.25", null]) {
      expect(doctor({ ...HEALTHY, version }).filter((finding) => finding.severity !== "info")).toEqual([]);
    }
  });

  it("is as clean when auth.ts was read with the .env values", () => {
    expect(doctor({ ...HEALTHY, readConfigWithEnv: true })).toEqual([]);
  });

  it("without .env access (untrusted workspace) still has no error or warning", () => {
    expect(doctor({ ...HEALTHY, readEnv: false }).filter((finding) => finding.severity !== "info")).toEqual([]);
  });
});
