import { renderDoctorRulesTable } from "../../src/core/doctor";
import type { DoctorRule } from "../../src/core/doctor";
import { SYNTAX_RULE } from "../../src/core/lint/lint";
import type { Rule } from "../../src/core/lint/rules/rule";
import { IGNORE_FIELD, IGNORE_MODEL } from "../../src/core/lint/suppressions";

// Rule docs are generated from the rules themselves (as prisma-lint builds RULES.md), so a
// rule's page can never disagree with its code; test/docs checks the committed pages.

export function renderRuleDoc(rule: Rule): string {
  const lines = [
    `# ${rule.id}`,
    "",
    `${rule.description}`,
    "",
    `Default severity: **${rule.defaultSeverity}**.`,
    "",
    "## Why",
    "",
    rule.rationale,
    "",
  ];
  if (rule.byVersion?.length) {
    lines.push("## What Better Auth does, by version", "", "| Versions | What Better Auth does | Read in |", "| --- | --- | --- |");
    for (const row of rule.byVersion) lines.push(`| ${row.versions} | ${row.behaviour.replace(/\|/g, "\\|")} | ${row.source} |`);
    lines.push("");
  }
  if (rule.examples) {
    lines.push(
      "## Examples",
      "",
      `Flagged — ${rule.examples.bad.title}:`,
      "",
      "```prisma",
      rule.examples.bad.schema,
      "```",
      "",
      `Accepted — ${rule.examples.good.title}:`,
      "",
      "```prisma",
      rule.examples.good.schema,
      "```",
      "",
    );
  }
  lines.push(
    "## Configuration",
    "",
    "Change the severity in `.better-auth-doctor.json` (CLI) or the `betterAuthDoctor.rules` setting (VS Code):",
    "",
    "```json",
    `{ "rules": { "${rule.id}": "warn" } }`,
    "```",
    "",
    "Or suppress it in the schema:",
    "",
    "```prisma",
    `/// ${IGNORE_MODEL} ${rule.id}`,
    `/// ${IGNORE_FIELD} ${rule.id}`,
    "```",
    "",
  );
  return lines.join("\n");
}

/** The page of the parser's own findings, which no Rule object describes (SARIF and diagnostics link to it). */
export function renderSyntaxRuleDoc(): string {
  return [
    `# ${SYNTAX_RULE}`,
    "",
    "The schema parses; a best-effort tree keeps every complete model checked.",
    "",
    "Default severity: **warning**.",
    "",
    "## Why",
    "",
    "Better Auth Doctor reads `schema.prisma` with its own tolerant parser, so a half-typed model (an",
    "unclosed block, a dangling attribute, a stray character) does not stop the other rules: every",
    "complete model is still checked and the broken spot is reported once, here. The message is the",
    "parser's; `prisma validate` (or Prisma's VS Code extension) gives Prisma's own wording.",
    "",
    "It is a warning, not an error: Prisma is the judge of its syntax. In VS Code the rule turns itself",
    "off when Prisma's extension is installed (it reports the same spots), unless you set it.",
    "",
    "## Configure",
    "",
    "```json",
    `{ "rules": { "${SYNTAX_RULE}": "off" } }`,
    "```",
    "",
    `In VS Code: \`"betterAuthDoctor.rules": { "${SYNTAX_RULE}": "off" }\`.`,
    "",
  ].join("\n");
}

export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description} |`);
  rows.push(`| \`${SYNTAX_RULE}\` | warning | The schema parses; a best-effort tree keeps every complete model checked. |`);
  return ["| Rule | Default | What it checks |", "| --- | --- | --- |", ...rows].join("\n");
}

/** README's one rules table: the schema rules, then the config doctor's (their pages come from renderDoctorRuleDoc). */
export function renderReadmeRulesTable(rules: readonly Rule[], doctorRules: readonly DoctorRule[]): string {
  const doctorRows = renderDoctorRulesTable(doctorRules).split("\n").slice(2);
  return [renderRulesTable(rules), ...doctorRows].join("\n");
}
