// Tiny version helpers for picking a Better Auth schema layout. Only exact versions are
// understood ("1.7.25", "v1.0.0", "1.4.0-beta.5", "1.7.3+build"); ranges are resolved to a
// version elsewhere (src/core/version). Anything else parses to null so callers can fall back.

export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
  /** "beta.5" for 1.4.0-beta.5; ignored when comparing (a prerelease of X counts as X). */
  prerelease?: string;
}

const VERSION = /^v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(v: string): ParsedVersion | null {
  if (typeof v !== "string") return null;
  const match = VERSION.exec(v.trim().replace(/^=+/, ""));
  if (!match) return null;
  const parsed: ParsedVersion = { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
  if (match[4] !== undefined) parsed.prerelease = match[4];
  return parsed;
}

/**
 * Orders two versions by major.minor.patch; the prerelease tag is ignored on purpose, because a
 * Better Auth prerelease already ships the schema of the release it leads to. A version that does
 * not parse sorts before every valid one (two junk strings compare equal).
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return Math.sign(pa.major - pb.major || pa.minor - pb.minor || pa.patch - pb.patch);
}

/** `atLeast("1.7.3-beta.1", "1.7.3")` is true; junk is never at least anything. */
export function atLeast(v: string, min: string): boolean {
  return parseVersion(v) !== null && parseVersion(min) !== null && compareVersions(v, min) >= 0;
}
