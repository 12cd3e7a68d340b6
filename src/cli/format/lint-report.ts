import type { Finding } from "../../core/lint/findings";
import type { DetectedVersion } from "../../core/version/detected-version";

/** The JSON contract's `authConfig`: the config file read for a schema, null when none was found. */
export interface AuthConfigSummary {
  /** Relative to the current folder. */
  path: string;
  /** Factory names as exported by their packages, in order. */
  plugins: string[];
  /** What could not be evaluated, for people. */
  unresolved: string[];
}

/**
 * `schema`: a Prisma schema file; `config`: a file the config doctor read (auth config, `.env*`,
 * middleware, handler). Not in the JSON (its shape predates the doctor); text and SARIF use it.
 */
export type LintedFileKind = "schema" | "config";

export interface LintReport {
  files: { path: string; absolutePath: string; kind: LintedFileKind; version: DetectedVersion; findings: Finding[]; authConfig?: AuthConfigSummary | null }[];
}
