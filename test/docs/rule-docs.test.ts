import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { doctorRules, renderDoctorRuleDoc } from "../../src/core/doctor";
import { rules } from "../../src/core/lint/rules";
import { renderReadmeRulesTable, renderRuleDoc, renderSyntaxRuleDoc } from "../../scripts/docs/render-rule-doc";
import { SYNTAX_RULE } from "../../src/core/lint/lint";

const root = path.join(__dirname, "../..");
const pages = [
  ...rules.map((rule) => ({ id: rule.id, render: () => renderRuleDoc(rule) })),
  // SARIF's helpUri and the editor's diagnostic code link every finding's rule id here.
  { id: SYNTAX_RULE, render: renderSyntaxRuleDoc },
  ...doctorRules.map((rule) => ({ id: rule.id, render: () => renderDoctorRuleDoc(rule) }))];

describe("rule docs (npm run docs writes them)", () => {
  for (const page of pages) {
    it(`docs/rules/${page.id}.md is up to date`, () => {
      expect(readFileSync(path.join(root, "docs/rules", `${page.id}.md`), "utf8")).toBe(page.render());
    });
  }

  it("docs/rules holds a page for each rule and nothing else", () => {
    const files = readdirSync(path.join(root, "docs/rules")).filter((name) => name.endsWith(".md"));
    expect(files.sort()).toEqual(pages.map((page) => `${page.id}.md`).sort());
  });

  it("README's rules table is up to date and lists the schema rules and the config doctor's", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const block = readme.slice(readme.indexOf("<!-- rules:start -->") + "<!-- rules:start -->".length, readme.indexOf("<!-- rules:end -->"));
    expect(block).toBe(`\n${renderReadmeRulesTable(rules, doctorRules)}\n`);
    for (const page of pages) expect(block).toContain(`\`${page.id}\``);
  });

  it("every rule has a unique kebab-case id and examples", () => {
    const ids = pages.map((page) => page.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of [...rules, ...doctorRules]) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.examples).toBeDefined();
    }
  });
});
