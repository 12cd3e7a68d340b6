/** Where the Better Auth version the linter assumes came from, in the order detection tries them. */
export type VersionSource = "override" | "installed" | "lockfile" | "package.json" | "assumed";

export interface DetectedVersion {
  /** Exact version (`1.7.25`), or the lowest version a package.json range allows; null when assumed. */
  version: string | null;
  source: VersionSource;
  /** The file the version was read from, for messages and the status item. */
  file?: string;
  /** The package.json range the version was taken from (`^1.2.0`), when it came from one. */
  range?: string;
}
