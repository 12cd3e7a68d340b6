import type { LintReport } from "./lint-report";

/**
 * The documented JSON contract, key order included:
 * {"files":[{"path","betterAuthVersion":{"version","source"},"authConfig":{"path","plugins","unresolved"}|null,"findings":[{"rule","severity","message","model","range"}]}]}
 */
export function formatLintJson(report: LintReport): string {
  const files = report.files.map((file) => ({
    path: file.path,
    betterAuthVersion: { version: file.version.version, source: file.version.source },
    authConfig: file.authConfig ? { path: file.authConfig.path, plugins: file.authConfig.plugins, unresolved: file.authConfig.unresolved } : null,
    findings: file.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      model: finding.model ?? null,
      range: {
        start: { line: finding.range.start.line, character: finding.range.start.character },
        end: { line: finding.range.end.line, character: finding.range.end.character },
      },
    })),
  }));
  return `${JSON.stringify({ files })}\n`;
}
