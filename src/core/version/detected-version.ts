/** Where the Better Auth version the linter assumes came from, in the order detection tries them. */
export type VersionSource = "override" | "installed" | "lockfile" | "package.json" | "assumed";

export interface DetectedVersion {
  /** Exact version (`1.7.25`), or the version a range resolves to (see `resolvedBy`); null when assumed. */
  version: string | null;
  source: VersionSource;
  /** The file the version was read from, for messages and the status item. */
  file?: string;
  /** The range the version was taken from (`^1.2.0` in package.json, `0.8` as an override), when it came from one. */
  range?: string;
  /**
   * With `range`: `newest` when `version` is the newest known release it allows (what a fresh
   * install resolves), `lowest` when no known release matched and its lowest version was taken.
   */
  resolvedBy?: "newest" | "lowest";
}
