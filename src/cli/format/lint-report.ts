import type { Finding } from "../../core/findings";
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

export interface LintReport {
  files: { path: string; absolutePath: string; version: DetectedVersion; findings: Finding[]; authConfig?: AuthConfigSummary | null }[];
}
