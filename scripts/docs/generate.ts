// Writes docs/rules/<id>.md and the rules table in README.md from the rules' own metadata.
// Run: npx vite-node scripts/docs/generate.ts
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { rules } from "../../src/core/rules";
import { renderRuleDoc, renderRulesTable } from "./render-rule-doc";

const root = path.join(__dirname, "../..");
mkdirSync(path.join(root, "docs/rules"), { recursive: true });
for (const rule of rules) writeFileSync(path.join(root, "docs/rules", `${rule.id}.md`), renderRuleDoc(rule));

const readmePath = path.join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const start = "<!-- rules:start -->";
const end = "<!-- rules:end -->";
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync(readmePath, `${before}\n${renderRulesTable(rules)}\n${after}`);
console.log(`wrote ${rules.length} rule pages and the README table`);
