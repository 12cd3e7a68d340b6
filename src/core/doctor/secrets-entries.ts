/**
 * `BETTER_AUTH_SECRETS` read the way better-auth 1.7.25 reads it (dist/context/secret-utils.mjs
 * `parseSecretsEnv`, then `validateSecretsArray`): comma-separated `<version>:<secret>`, version
 * by `parseInt`, every problem thrown at startup. Offsets let findings point at one entry.
 */
export interface SecretsEntry {
  /** 1-based, as Better Auth's messages count. */
  position: number;
  start: number;
  end: number;
  version?: number;
  value?: string;
  /** Where the secret part is, when there is one. */
  valueStart?: number;
  valueEnd?: number;
  /** Why Better Auth refuses this entry (it throws, the app does not start). */
  refused?: string;
}

export function parseSecretsEntries(raw: string): SecretsEntry[] {
  const entries: SecretsEntry[] = [];
  const seen = new Set<number>();
  let offset = 0;
  raw.split(",").forEach((part, index) => {
    const start = offset + (part.length - part.trimStart().length);
    const end = offset + part.trimEnd().length;
    offset += part.length + 1;
    const entry = part.trim();
    const position = index + 1;
    const colon = entry.indexOf(":");
    if (colon === -1) {
      entries.push({ position, start, end, refused: `entry ${position} has no ":" (Better Auth expects "<version>:<secret>")` });
      return;
    }
    const version = parseInt(entry.slice(0, colon), 10);
    if (!Number.isInteger(version) || version < 0) {
      entries.push({ position, start, end, refused: `entry ${position} has no non-negative integer version before ":"` });
      return;
    }
    const rest = entry.slice(colon + 1);
    const value = rest.trim();
    const valueStart = start + colon + 1 + (rest.length - rest.trimStart().length);
    const valueEnd = valueStart + value.length;
    if (!value) {
      entries.push({ position, start, end, version, refused: `entry ${position} (version ${version}) has an empty secret` });
      return;
    }
    if (seen.has(version)) {
      entries.push({ position, start, end, version, value, valueStart, valueEnd, refused: `entry ${position} repeats version ${version} ("Duplicate version ${version} in \`secrets\`")` });
      return;
    }
    seen.add(version);
    entries.push({ position, start, end, version, value, valueStart, valueEnd });
  });
  return entries;
}
