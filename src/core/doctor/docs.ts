import { IGNORE_FIELD } from "../lint/suppressions";
import type { DoctorExampleFile, DoctorRule } from "./types";

// Rule pages for the config doctor, in the same shape as the schema rules' pages
// (scripts/docs/render-rule-doc.ts), with each example as the files it spans.

function fence(file: DoctorExampleFile): string[] {
  const language = /^\.env/.test(file.path.split("/").pop()!) ? "dotenv" : /\.[cm]?js$/.test(file.path) ? "js" : "ts";
  return [`\`${file.path}\`:`, "", "```" + language, file.text, "```", ""];
}

export function renderDoctorRuleDoc(rule: DoctorRule): string {
  const lines = [
    `# ${rule.id}`,
    "",
    rule.description,
    "",
    `Default severity: **${rule.defaultSeverity}**.`,
    "",
    "## Why",
    "",
    rule.rationale,
    "",
    "## Examples",
    "",
    `Flagged — ${rule.examples.bad.title}:`,
    "",
    ...rule.examples.bad.files.flatMap(fence),
    `Accepted — ${rule.examples.good.title}:`,
    "",
    ...rule.examples.good.files.flatMap(fence),
    "## Configuration",
    "",
    "Change the severity in `.better-auth-doctor.json` (CLI) or the `betterAuthDoctor.rules` setting (VS Code):",
    "",
    "```json",
    `{ "rules": { "${rule.id}": "warn" } }`,
    "```",
    "",
    "Or suppress one finding with a comment on the line before it:",
    "",
    "```ts",
    `// ${IGNORE_FIELD} ${rule.id}`,
    "```",
    "",
    "```dotenv",
    `# ${IGNORE_FIELD} ${rule.id}`,
    "```",
    "",
  ];
  return lines.join("\n");
}

export function renderDoctorRulesTable(rules: readonly DoctorRule[]): string {
  const rows = rules.map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description} |`);
  return ["| Rule | Default | What it checks |", "| --- | --- | --- |", ...rows].join("\n");
}
