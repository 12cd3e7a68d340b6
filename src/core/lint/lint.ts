import { expectedTables } from "../better-auth/app-tables";
import { layoutFor } from "../better-auth/core-schema";
import { resolveModels } from "../better-auth/resolve-models";
import type { AppContext } from "../better-auth/app-context";
import type { LintConfig } from "../better-auth/options-mirror";
import type { Finding, Severity, SeveritySetting } from "./findings";
import type { Schema } from "../schema/ast";
import { parseSchemaText } from "../schema/parser";
import { datasourceProvider } from "../schema/query";
import { rules } from "./rules";
import type { Report, Rule, RuleContext } from "./rules/rule";
import { ModelNames } from "./model-names";
import { isSuppressed } from "./suppressions";
import type { DetectedVersion } from "../version/detected-version";
import { parseVersionOverride } from "../version/override";
import { versionLabel } from "./version-label";

export interface LintOptions {
  config?: LintConfig;
  /** Detected by the caller (it needs the file system); defaults to the config override or "assumed". */
  version?: DetectedVersion;
  /** What the app's auth config and installed better-auth say (src/core/better-auth/app-context.ts). */
  app?: AppContext;
}

export const SYNTAX_RULE = "schema-syntax";

function effectiveSeverity(setting: SeveritySetting | undefined, fallback: Severity): Severity | undefined {
  if (setting === undefined) return fallback;
  if (setting === "off") return undefined;
  return setting === "warn" ? "warning" : setting;
}

/**
 * The caller's detected version, else the config's override read the one way every front end
 * reads it (`0.8` is 0.8.8 here as in the CLI and the editor). The borders reject an invalid
 * override with a message; one that reaches this far is ignored rather than taken raw.
 */
export function resolveVersion(options: LintOptions): DetectedVersion {
  if (options.version) return options.version;
  const override = options.config?.betterAuthVersion;
  const parsed = override?.trim() ? parseVersionOverride(override) : undefined;
  return parsed?.ok ? parsed.version : { version: null, source: "assumed" };
}

function compare(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function lintSchema(schema: Schema, options: LintOptions = {}): Finding[] {
  const config = options.config ?? {};
  const version = resolveVersion(options);
  const layout = layoutFor(version.version);
  const expected = expectedTables(layout, config, version.version, options.app?.installed, options.app?.builtInPlugins);
  const findings: Finding[] = [];
  const files = new Map(schema.files.map((file) => [file.path, file]));
  const lineText = (path: string, line: number): string => files.get(path)?.lineText(line) ?? "";

  const syntaxSeverity = effectiveSeverity(config.rules?.[SYNTAX_RULE], "warning");
  if (syntaxSeverity) {
    for (const file of schema.files) {
      for (const problem of file.problems) {
        findings.push({ rule: SYNTAX_RULE, severity: syntaxSeverity, message: problem.message, file: problem.file, range: problem.range });
      }
    }
  }

  let current: Rule | undefined;
  let severity: Severity = "error";
  const context: RuleContext = {
    schema,
    config,
    version,
    layout,
    versionLabel: versionLabel(version, layout),
    expected,
    models: resolveModels(schema, config, expected),
    app: options.app ?? {},
    modelNames: new ModelNames(schema.blocks),
    provider: datasourceProvider(schema),
    lineText,
    report(report: Report) {
      const rule = current!;
      const field = report.field ? report.model?.fields.find((f) => f.name === report.field) : undefined;
      if (isSuppressed(rule.id, report.model, field)) return;
      findings.push({
        rule: rule.id,
        severity: config.rules?.[rule.id] !== undefined ? severity : report.severity ?? severity,
        message: report.message,
        file: report.file,
        ...(report.model ? { model: report.model.name } : {}),
        ...(field ? { field: field.name } : {}),
        range: report.range,
        ...(report.fix ? { fix: report.fix } : {}),
        ...(report.related?.length ? { related: report.related } : {}),
      });
    },
  };
  for (const rule of rules) {
    const ruleSeverity = effectiveSeverity(config.rules?.[rule.id], rule.defaultSeverity);
    if (!ruleSeverity) continue;
    current = rule;
    severity = ruleSeverity;
    rule.check(context);
  }
  return findings.sort(compare);
}

/** One file's text, for tests, the benchmark and editors holding unsaved text. */
export function lintText(text: string, options: LintOptions & { path?: string } = {}): Finding[] {
  const file = parseSchemaText(text, options.path ?? "schema.prisma");
  return lintSchema({ files: [file], blocks: file.blocks }, options);
}
