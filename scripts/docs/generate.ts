// Writes docs/rules/<id>.md and the rules table in README.md from the rules' own metadata:
// the schema rules' pages from render-rule-doc.ts, the config doctor's from its renderDoctorRuleDoc.
// Run: npm run docs
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { doctorRules, renderDoctorRuleDoc } from "../../src/core/doctor";
import { rules } from "../../src/core/lint/rules";
import { renderReadmeRulesTable, renderRuleDoc, renderSyntaxRuleDoc } from "./render-rule-doc";
import { SYNTAX_RULE } from "../../src/core/lint/lint";

const root = path.join(__dirname, "../..");
mkdirSync(path.join(root, "docs/rules"), { recursive: true });
for (const rule of rules) writeFileSync(path.join(root, "docs/rules", `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(path.join(root, "docs/rules", `${SYNTAX_RULE}.md`), renderSyntaxRuleDoc());
for (const rule of doctorRules) writeFileSync(path.join(root, "docs/rules", `${rule.id}.md`), renderDoctorRuleDoc(rule));

const readmePath = path.join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const start = "<!-- rules:start -->";
const end = "<!-- rules:end -->";
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync(readmePath, `${before}\n${renderReadmeRulesTable(rules, doctorRules)}\n${after}`);
console.log(`wrote ${rules.length + 1 + doctorRules.length} rule pages and the README table`);
