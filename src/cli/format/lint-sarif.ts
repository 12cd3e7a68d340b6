import { REPOSITORY_URL, ruleDocsUrl } from "../../core/lint/docs-url";
import { doctorRules } from "../../core/doctor";
import { SYNTAX_RULE } from "../../core/lint/lint";
import { rules } from "../../core/lint/rules";
import type { LintReport } from "./lint-report";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

declare const PACKAGE_VERSION: string | undefined;

/** SARIF 2.1.0 as GitHub code scanning reads it: 1-based lines/columns, UTF-16 columns, relative URIs. */
export function formatLintSarif(report: LintReport): string {
  const descriptors = [
    ...rules.map((rule) => ({ id: rule.id, description: rule.description, level: LEVEL[rule.defaultSeverity] })),
    { id: SYNTAX_RULE, description: "The schema parses (a best-effort parse keeps linting the rest).", level: "warning" as const },
    ...doctorRules.map((rule) => ({ id: rule.id, description: rule.description, level: LEVEL[rule.defaultSeverity] })),
  ];
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: index.get(finding.rule) ?? 0,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: "%SRCROOT%" },
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "better-auth-doctor",
            informationUri: REPOSITORY_URL,
            version: typeof PACKAGE_VERSION === "string" ? PACKAGE_VERSION : "0.0.0",
            rules: descriptors.map((descriptor) => ({
              id: descriptor.id,
              name: descriptor.id,
              shortDescription: { text: descriptor.description },
              helpUri: ruleDocsUrl(descriptor.id),
              defaultConfiguration: { level: descriptor.level },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
