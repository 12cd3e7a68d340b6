import { Unknown } from "../app-config";
import type { Finding, Severity, SeveritySetting } from "../lint/findings";
import { isStringLiteralLike, parseCodeFile, unwrap, type CodeFile } from "./code-file";
import { propertySpot } from "./config-spots";
import { configFacts } from "./config-facts";
import { isTemplateEnvFile, parseEnvFile } from "./env-file";
import { doctorRules } from "./rules";
import { isSuppressedAt } from "./suppressions";
import type { DoctorContext, DoctorReport, DoctorRule, ProjectConfigInput } from "./types";

function effectiveSeverity(setting: SeveritySetting | undefined, fallback: Severity): Severity | undefined {
  if (setting === undefined) return fallback;
  if (setting === "off") return undefined;
  return setting === "warn" ? "warning" : setting;
}

function compare(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Lints the app's own setup around Better Auth: the auth config, its .env files and the
 * middleware that reads the session cookie. Pure: every text comes in through `input`.
 */
export function lintProjectConfig(input: ProjectConfigInput, rules: readonly DoctorRule[] = doctorRules): Finding[] {
  const allEnvFiles = input.envFiles.map((file) => parseEnvFile(file.path, file.text));
  const envFiles = allEnvFiles.filter((file) => !isTemplateEnvFile(file.path));
  const auth = input.authConfig;
  // Files whose text does not parse: no finding points into them, as their ranges could not be
  // checked against what is written (and spots from a last good parse point into older text).
  const broken = new Set<string>(auth?.stale ?? []);
  const codeFiles = new Map<string, CodeFile | undefined>();
  const middlewareFiles: CodeFile[] = [];
  for (const { path, text } of input.middlewareFiles) {
    const file = parseCodeFile(path, text);
    codeFiles.set(path, file);
    if (file) middlewareFiles.push(file);
    else broken.add(path);
  }
  const code = (path: string): CodeFile | undefined => {
    if (codeFiles.has(path)) return codeFiles.get(path);
    let text: string | undefined;
    if (auth && path === auth.file && input.authConfigText !== undefined) text = input.authConfigText;
    else {
      try {
        text = input.readFile?.(path);
      } catch {
        text = undefined;
      }
    }
    const file = typeof text === "string" ? parseCodeFile(path, text) : undefined;
    if (typeof text === "string" && !file) broken.add(path);
    codeFiles.set(path, file);
    return file;
  };
  const lineBefore = (path: string, line: number): string | undefined => {
    if (line === 0) return undefined;
    const env = allEnvFiles.find((file) => file.path === path);
    if (env) return env.index.line(line - 1);
    return code(path)?.index.line(line - 1);
  };

  const findings: Finding[] = [];
  let current: DoctorRule | undefined;
  let severity: Severity = "error";
  const context: DoctorContext = {
    input,
    auth,
    options: auth && !(auth.options instanceof Unknown) ? auth.options : undefined,
    versionLabel: input.version ? `Better Auth ${input.version}` : "Better Auth (version unknown, assuming the newest)",
    envFiles,
    allEnvFiles,
    middlewareFiles,
    facts: configFacts(auth, envFiles),
    code,
    report(report: DoctorReport) {
      const rule = current!;
      if (auth?.files.includes(report.file)) code(report.file);
      if (broken.has(report.file)) return;
      if (isSuppressedAt(report.file, lineBefore(report.file, report.range.start.line), rule.id)) return;
      findings.push({
        rule: rule.id,
        severity: input.rules?.[rule.id] !== undefined ? severity : report.severity ?? severity,
        message: report.message,
        file: report.file,
        range: report.range,
        ...(report.fix ? { fix: report.fix } : {}),
      });
    },
  };
  if (context.options && typeof context.options.baseURL === "string") {
    const value = propertySpot(context, context.options, "baseURL")?.value;
    context.facts = configFacts(auth, envFiles, !!value && isStringLiteralLike(unwrap(value)));
  }
  for (const rule of rules) {
    const ruleSeverity = effectiveSeverity(input.rules?.[rule.id], rule.defaultSeverity);
    if (!ruleSeverity) continue;
    current = rule;
    severity = ruleSeverity;
    rule.check(context);
  }
  return findings.sort(compare);
}
