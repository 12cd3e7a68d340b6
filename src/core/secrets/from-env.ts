import type { SecretCandidate } from "./secret-candidate";

/** One place the variables came from: the process environment or one env file. */
export interface EnvSource {
  /** Printed in `SecretCandidate.source`, e.g. `environment` or `.env.local`. */
  label: string;
  vars: Readonly<Record<string, string | undefined>>;
}

export interface SecretsFromEnv {
  candidates: SecretCandidate[];
  /** Entries that could not be read, worded for a person; never contain a secret value. */
  problems: string[];
}

const SECRET_VARS = ["BETTER_AUTH_SECRETS", "BETTER_AUTH_SECRET", "AUTH_SECRET"] as const;

/**
 * Ranks secrets the way Better Auth 1.5+ does (`create-context`): `BETTER_AUTH_SECRETS`
 * ("2:new,1:old", first is current) wins, else `BETTER_AUTH_SECRET`, else `AUTH_SECRET`.
 * Sources are in precedence order (process environment first, then env files in the order
 * given: dotenv never overrides a variable that is already set). Shadowed values from later
 * sources are kept at the end so a cookie signed with one of them can be explained.
 */
export function secretsFromEnv(sources: readonly EnvSource[]): SecretsFromEnv {
  const problems: string[] = [];
  const effective: SecretCandidate[] = [];
  const shadowed: SecretCandidate[] = [];

  for (const name of SECRET_VARS) {
    let seen = false;
    for (const source of sources) {
      const raw = source.vars[name];
      if (raw === undefined || raw.trim() === "") continue;
      const target = seen ? shadowed : effective;
      seen = true;
      if (name === "BETTER_AUTH_SECRETS") {
        const parsed = parseVersionedSecrets(raw, `${name} (${source.label})`);
        problems.push(...parsed.problems);
        target.push(...parsed.candidates);
      } else {
        target.push({ value: raw, source: `${name} (${source.label})` });
      }
    }
  }
  return { candidates: dedupe([...effective, ...shadowed]), problems };
}

/** Better Auth's own format (`parseSecretsEnv`): comma-separated `<version>:<secret>`. */
export function parseVersionedSecrets(raw: string, source: string): SecretsFromEnv {
  const candidates: SecretCandidate[] = [];
  const problems: string[] = [];
  const versions = new Set<number>();
  raw.split(",").forEach((entry, index) => {
    const trimmed = entry.trim();
    const colon = trimmed.indexOf(":");
    const version = colon === -1 ? NaN : Number(trimmed.slice(0, colon).trim());
    const value = colon === -1 ? "" : trimmed.slice(colon + 1).trim();
    if (colon === -1 || !Number.isInteger(version) || version < 0) {
      problems.push(`${source}: entry ${index + 1} is not "<version>:<secret>" with a non-negative integer version; Better Auth refuses to start with it.`);
    } else if (!value) {
      problems.push(`${source}: entry ${index + 1} (version ${version}) has an empty secret.`);
    } else if (versions.has(version)) {
      problems.push(`${source}: entry ${index + 1} repeats version ${version}; Better Auth refuses to start with duplicate versions ("Duplicate version ${version} in \`secrets\`").`);
    } else {
      versions.add(version);
      candidates.push({ value, source, version });
    }
  });
  return { candidates, problems };
}

/** The same value under two names is one secret: keep its highest-ranked label. */
function dedupe(candidates: SecretCandidate[]): SecretCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.value)) return false;
    seen.add(candidate.value);
    return true;
  });
}
