import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/core/rules";
import { renderRuleDoc, renderRulesTable } from "../../scripts/docs/render-rule-doc";

const root = path.join(__dirname, "../..");

describe("rule docs", () => {
  for (const rule of rules) {
    it(`docs/rules/${rule.id}.md is up to date (npx vite-node scripts/docs/generate.ts)`, () => {
      expect(readFileSync(path.join(root, "docs/rules", `${rule.id}.md`), "utf8")).toBe(renderRuleDoc(rule));
    });
  }

  it("README's rules table is up to date", () => {
    expect(readFileSync(path.join(root, "README.md"), "utf8")).toContain(renderRulesTable(rules));
  });

  it("every rule has a unique kebab-case id and examples", () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.examples).toBeDefined();
    }
  });
});
