import type { DetectedVersion } from "./detected-version";
import { exactVersion, versionForRange } from "./versions";

/** What a version override may look like, for every message that rejects one. */
export const VERSION_FORMS = "an exact version (1.2.3), a major.minor (1.2), a major (1), or a range like ^1.2.0 or 0.8";

export type ParsedOverride = { ok: true; version: DetectedVersion } | { ok: false; error: string };

/**
 * The one reading of a version someone sets by hand (CLI `--better-auth-version`, the config
 * file's `betterAuthVersion`, the `betterAuthDoctor.betterAuthVersion` setting). A range means
 * what installing it would give, so `0.8`, `^0.8.0` and `0.8.8` are all Better Auth 0.8.8.
 */
export function parseVersionOverride(raw: string): ParsedOverride {
  const value = raw.trim();
  if (!value) return { ok: false, error: `is empty; expected ${VERSION_FORMS}` };
  const exact = exactVersion(value);
  if (exact) return { ok: true, version: { version: exact, source: "override" } };
  const fromRange = /\d/.test(value) ? versionForRange(value) : undefined;
  if (!fromRange) return { ok: false, error: `'${value}' is not a Better Auth version; expected ${VERSION_FORMS}` };
  return { ok: true, version: { version: fromRange.version, source: "override", range: value, resolvedBy: fromRange.resolvedBy } };
}
