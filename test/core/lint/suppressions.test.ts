import { describe, expect, it } from "vitest";
import { lintText } from "../../../src/core/lint/lint";
import { CURRENT_SCHEMA, edit } from "./rules/helpers";

const BROKEN = edit(edit(CURRENT_SCHEMA, "  @@unique([token])\n", ""), "  @@unique([email])\n", "");

function rules(text: string, config = {}) {
  return lintText(text, { config: { betterAuthVersion: "1.7.25", ...config } }).map((finding) => `${finding.rule}:${finding.model}`);
}

describe("suppressions and severities", () => {
  it("reports both problems without suppressions", () => {
    expect(rules(BROKEN)).toEqual(["unique-fields:User", "session-token-layout:Session"]);
  });

  it("honours a model-level ignore for one rule, inside the model", () => {
    const text = edit(BROKEN, "model Session {\n", "model Session {\n  /// better-auth-doctor-ignore-model session-token-layout\n");
    expect(rules(text)).toEqual(["unique-fields:User"]);
  });

  it("honours a model-level ignore of every rule, above the model", () => {
    const text = edit(BROKEN, "model User {\n", "/// better-auth-doctor-ignore-model\nmodel User {\n");
    expect(rules(text)).toEqual(["session-token-layout:Session"]);
  });

  it("honours a field-level ignore only for that field and rule", () => {
    const text = edit(BROKEN, "  email         String\n", "  /// better-auth-doctor-ignore unique-fields\n  email         String\n");
    expect(rules(text)).toEqual(["session-token-layout:Session"]);
    const other = edit(BROKEN, "  email         String\n", "  /// better-auth-doctor-ignore field-types\n  email         String\n");
    expect(rules(other)).toEqual(["unique-fields:User", "session-token-layout:Session"]);
  });

  it("does not let a field-level ignore reach the fields above it", () => {
    const text = edit(BROKEN, "  emailVerified Boolean", "  /// better-auth-doctor-ignore unique-fields\n  emailVerified Boolean");
    expect(rules(text)).toEqual(["unique-fields:User", "session-token-layout:Session"]);
  });

  it("applies per-rule severity, including off and ESLint's warn", () => {
    const findings = lintText(BROKEN, { config: { betterAuthVersion: "1.7.25", rules: { "unique-fields": "off", "session-token-layout": "warn" } } });
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([["session-token-layout", "warning"]]);
  });
});
