import type { VersionLayout } from "./better-auth/core-schema";
import type { DetectedVersion } from "./version/detected-version";

/** How messages name the version their verdict assumes, so a user can tell a wrong guess at once. */
export function versionLabel(version: DetectedVersion, layout: VersionLayout): string {
  if (!version.version) return `Better Auth ${layout.label} (no Better Auth version found, so the newest layout is assumed)`;
  // An exact pin is the version; a range only bounds it from below, which the message must admit.
  if (version.source === "package.json" && version.range !== undefined && version.range.trim() !== version.version) {
    return `Better Auth ${version.version} (the lowest version package.json's "${version.range}" allows)`;
  }
  return `Better Auth ${version.version}`;
}
