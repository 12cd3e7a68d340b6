import { minVersion, rcompare, valid, validRange } from "semver";

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
 * The lowest version a package.json range admits (`^1.2.0` -> `1.2.0`).
 * Ranges that say nothing about the version give undefined: `workspace:*`, `catalog:`,
 * `link:`/`file:`, git and tarball URLs, dist-tags (`latest`), and `*`, whose minimum
 * `0.0.0` would wrongly pick the legacy layout. npm aliases (`npm:better-auth@^1.2.0`) use
 * the range after the alias.
 */
export function lowestInRange(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let range = value.trim();
  if (range.startsWith("npm:")) range = range.slice(range.lastIndexOf("@") + 1);
  if (/^[a-z+]+:/i.test(range) || range.includes("/")) return undefined;
  const normalised = validRange(range);
  if (!normalised || normalised === "*") return undefined;
  try {
    return minVersion(normalised)?.version;
  } catch {
    return undefined;
  }
}
