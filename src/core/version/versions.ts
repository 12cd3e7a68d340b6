import { minVersion, rcompare, valid, validRange } from "semver";
import { maxSatisfying } from "../better-auth/versions";

/** The package whose version decides which schema layout applies. */
export const PACKAGE = "better-auth";

/** An exact semver version (`1.2.3`, `1.3.0-beta.4`), normalised; undefined for anything else. */
export function exactVersion(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return valid(value.trim()) ?? undefined;
}

/** The newest of several versions: when a lock file holds more than one we cannot tell which the
 * schema's app loads, and the newest layout is also what detection assumes when it knows nothing. */
export function newest(versions: readonly string[]): string | undefined {
  return [...versions].sort(rcompare)[0];
}

/**
 * A package.json range that names versions, normalised (`^1.2` -> `>=1.2.0 <1.3.0-0`).
 * Ranges that say nothing about the version give undefined: `workspace:*`, `catalog:`,
 * `link:`/`file:`, git and tarball URLs, dist-tags (`latest`), and `*`, whose minimum
 * `0.0.0` would wrongly pick the legacy layout. npm aliases (`npm:better-auth@^1.2.0`) use
 * the range after the alias.
 */
function usableRange(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let range = value.trim();
  if (range.startsWith("npm:")) range = range.slice(range.lastIndexOf("@") + 1);
  if (/^[a-z+]+:/i.test(range) || range.includes("/")) return undefined;
  const normalised = validRange(range);
  return normalised && normalised !== "*" ? normalised : undefined;
}

/** The lowest version a package.json range admits (`^1.2.0` -> `1.2.0`). */
export function lowestInRange(value: unknown): string | undefined {
  const range = usableRange(value);
  if (!range) return undefined;
  try {
    return minVersion(range)?.version;
  } catch {
    return undefined;
  }
}

/** How a range became one version; kept so messages can say which. */
export type RangeResolution = "newest" | "lowest";

/**
 * The version a fresh install would resolve for a range: the newest published release it allows
 * (`^1.7` -> 1.7.25, not 1.7.0, which would demand the `issuer` column only 1.7.0-1.7.2 write).
 * A range no known release satisfies (newer than the list, or a prerelease) gives its lowest
 * version, marked as such.
 */
export function versionForRange(value: unknown): { version: string; resolvedBy: RangeResolution } | undefined {
  const range = usableRange(value);
  if (!range) return undefined;
  const newestKnown = maxSatisfying(range);
  if (newestKnown) return { version: newestKnown, resolvedBy: "newest" };
  const lowest = lowestInRange(range);
  return lowest ? { version: lowest, resolvedBy: "lowest" } : undefined;
}
