import semver from "semver";
import published from "./published.json";

/** Every stable better-auth version ≥ 0.4.0 on the npm registry when published.json was read (ascending). */
export function publishedVersions(): readonly string[] {
  return published.versions;
}

/** The date the registry was read, so messages can say "newest known on <date>". */
export const publishedReadAt: string = published.readAt;

/**
 * The version a fresh install would resolve for a package.json range: the newest known version the
 * range allows. Null when the range is invalid or allows none of the known versions.
 */
export function maxSatisfying(range: string): string | null {
  try {
    return semver.maxSatisfying(published.versions, range);
  } catch {
    return null;
  }
}
