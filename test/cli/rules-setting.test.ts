import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleIds } from "../../src/core/lint/config-validation";
import { doctorRules } from "../../src/core/doctor";
import { rules as schemaRules } from "../../src/core/lint/rules";

const manifest = JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
const setting = manifest.contributes.configuration.properties["betterAuthDoctor.rules"];

describe("betterAuthDoctor.rules in package.json", () => {
  it("has an entry for every rule, schema and config doctor alike, and none for a rule that does not exist", () => {
    expect(Object.keys(setting.properties).sort()).toEqual(ruleIds().sort());
    expect(setting.additionalProperties).toBe(false);
  });

  it("draws on one registry: every schema rule and every doctor rule is in it", () => {
    for (const rule of [...schemaRules, ...doctorRules]) expect(ruleIds()).toContain(rule.id);
  });

  it("offers the severities the config validator accepts, for every rule", () => {
    for (const [id, entry] of Object.entries(setting.properties)) expect(entry, id).toEqual({ type: "string", enum: ["error", "warn", "info", "off"] });
  });
});
