import type { VersionLayout } from "../better-auth/core-schema";
import { publishedReadAt } from "../better-auth/versions";
import type { DetectedVersion } from "../version/detected-version";

/** How messages name the version their verdict assumes, so a user can tell a wrong guess at once. */
export function versionLabel(version: DetectedVersion, layout: VersionLayout): string {
  if (!version.version) return `Better Auth ${layout.label} (no Better Auth version found, so the newest layout is assumed)`;
  const range = version.range?.trim();
  // An exact pin is the version; a range is resolved to one, and the message must say how.
  if (range === undefined || range === version.version) return `Better Auth ${version.version}`;
  const where = version.source === "package.json" ? " in package.json" : "";
  if (version.resolvedBy === "newest") return `Better Auth ${version.version} (newest allowed by ${range}${where})`;
  if (version.resolvedBy === "lowest") return `Better Auth ${version.version} (lowest allowed by ${range}${where}: no release known on ${publishedReadAt} matches it)`;
  return version.source === "package.json" ? `Better Auth ${version.version} (the lowest version package.json's "${range}" allows)` : `Better Auth ${version.version}`;
}
