import type { LintReport } from "./lint-report";

const SOURCES: Record<string, string> = {
  override: "set explicitly",
  installed: "installed",
  lockfile: "lock file",
  "package.json": "package.json range",
  assumed: "not found, newest layout assumed",
};

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** ESLint's "stylish" shape: one block per file, `line:col  severity  message  rule`, 1-based. */
export function formatLintText(report: LintReport): string {
  let out = "";
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of report.files) {
    if (!file.findings.length) continue;
    const version = file.version.version ? `Better Auth ${file.version.version}` : "Better Auth version unknown";
    out += `\n${file.path}  (${version}, ${SOURCES[file.version.source]})\n`;
    for (const finding of file.findings) {
      if (finding.severity === "error") errors++;
      else if (finding.severity === "warning") warnings++;
      else infos++;
      const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      out += `  ${where.padEnd(7)} ${finding.severity.padEnd(7)} ${finding.message}  ${finding.rule}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) {
    const schemas = report.files.filter((file) => file.kind === "schema").length;
    const configs = report.files.length - schemas;
    return `No problems found in ${count(schemas, "schema file")}${configs ? ` and ${count(configs, "config file")}` : ""}.\n`;
  }
  return `${out}\n${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info)\n`;
}
