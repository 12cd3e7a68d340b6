import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { LintConfig } from "../../core/better-auth/options-mirror";
import { oneOf, parseArgs, single } from "../args";
import { readLintSettings } from "../config-file";
import { lintProjectConfigOf } from "../project-config";
import { lintInput } from "../lint-input";
import { displayPath } from "../paths";
import { formatLintJson } from "../format/lint-json";
import { formatLintSarif } from "../format/lint-sarif";
import { formatLintText } from "../format/lint-text";
import type { AuthConfigSummary, LintedFileKind, LintReport } from "../format/lint-report";
import type { Finding } from "../../core/lint/findings";
import type { DetectedVersion } from "../../core/version/detected-version";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../io";
import type { Command } from "./command";

const HELP = `Usage: better-auth-doctor lint [paths…] [options]

Checks Prisma schemas against the layout the installed Better Auth version reads.
Paths are schema files, multi-file schema folders or project folders; default: the
project's schema (prisma.config.ts, package.json#prisma.schema, prisma/schema.prisma).

On a project (no path, or a folder that holds package.json or whose schema Prisma's lookup
finds) the app's setup is checked too: its Better Auth config, every .env* file in the
project folder and its middleware, proxy and auth handler files, each listed as a file of its
own ("authConfig" is null for them in JSON). Schema files and schema folders lint the schema only.

Options:
  --format text|json|sarif     output format (default text)
  --better-auth-version X      assume this Better Auth version instead of detecting it
  --auth-config F              the Better Auth config to read (default: found as Better Auth's CLI finds it)
  --config F                   JSON settings: {"rules":{"rule-id":"error|warn|off"},"models":…}
                               (default: .better-auth-doctor.json in the current folder, if any)

Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage or I/O error.
`;

/**
 * Whether `input` names a project rather than a schema: the config doctor runs on projects only,
 * so pointing at a schema file or a `prisma/schema/` folder keeps lint about the schema.
 */
function isProjectFolder(input: string, schemaPath: string, explicit: boolean): boolean {
  if (!explicit) return true;
  try {
    if (!statSync(input).isDirectory()) return false;
  } catch {
    return false;
  }
  return schemaPath !== input || existsSync(join(input, "package.json"));
}

export const lintCommand: Command = {
  summary: "check Prisma schemas, and a project's auth config, .env and middleware, against the installed Better Auth version",
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { options: ["format", "better-auth-version", "config", "auth-config"] });
    if (parsed.flags.has("help")) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const format = oneOf(single(parsed, "format"), ["text", "json", "sarif"] as const, "format", "text");
    const config: LintConfig = readLintSettings(io.cwd, single(parsed, "config"), single(parsed, "better-auth-version"));
    const authConfigPath = single(parsed, "auth-config");

    const inputs = parsed.positionals.length ? parsed.positionals.map((path) => resolve(io.cwd, path)) : [io.cwd];
    const report: LintReport = { files: [] };
    const seen = new Set<string>();
    const doctored = new Set<string>();
    // Each file once, in the order first met: two paths into one project share its config files.
    const addFiles = (kind: LintedFileKind, files: readonly string[], findings: readonly Finding[], version: DetectedVersion, authConfig: AuthConfigSummary | null) => {
      for (const file of files) {
        if (seen.has(file)) continue;
        seen.add(file);
        report.files.push({ path: displayPath(io.cwd, file), absolutePath: file, kind, version, findings: findings.filter((finding) => finding.file === file), authConfig });
      }
    };
    for (const input of inputs) {
      const linted = await lintInput(io, "lint", input, parsed.positionals.length > 0, config, authConfigPath);
      if (!linted.ok) return linted.exit;
      const { target, result } = linted;
      const authConfig = result.app.read
        ? { path: displayPath(io.cwd, result.app.read.file), plugins: result.app.read.plugins.map((plugin) => plugin.name), unresolved: result.app.unresolved }
        : null;
      addFiles("schema", result.files, result.findings, result.version, authConfig);
      if (!isProjectFolder(input, target, parsed.positionals.length > 0)) continue;
      const doctor = lintProjectConfigOf(result.app, result.version.version, config.rules);
      if (!doctor || doctored.has(doctor.projectDir)) continue;
      doctored.add(doctor.projectDir);
      addFiles("config", doctor.files, doctor.findings, result.version, null);
    }
    const output = format === "json" ? formatLintJson(report) : format === "sarif" ? formatLintSarif(report) : formatLintText(report);
    io.stdout(output);
    return report.files.some((file) => file.findings.some((finding) => finding.severity === "error")) ? EXIT_FINDINGS : EXIT_OK;
  },
};
