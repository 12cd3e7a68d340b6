import type { Finding } from "../../core/findings";
import type { DetectedVersion } from "../../core/version/detected-version";

export interface LintReport {
  files: { path: string; absolutePath: string; version: DetectedVersion; findings: Finding[] }[];
}
