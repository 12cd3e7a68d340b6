import type { SecretCandidate } from "../../secrets/secret-candidate";
import { PUBLIC_DEFAULT_SECRETS } from "./default-secrets";
import type { SecretMatch } from "../types";

/** A candidate plus what the report needs to say about it. */
export interface RingSecret {
  value: string;
  match: SecretMatch;
}

/**
 * The secrets to try, in order: the given ones (first is current), then Better Auth's public
 * defaults. With no secret given a default is what Better Auth itself would be using, so a
 * match counts as current (but is still flagged as public).
 */
export interface SecretRing {
  secrets: RingSecret[];
  /** How many secrets the caller gave (defaults excluded). */
  given: number;
  /** Labels of the given secrets, for "tried X, Y" messages. */
  givenSources: string[];
}

export function buildSecretRing(given: readonly SecretCandidate[] | undefined, tryDefaults: boolean): SecretRing {
  const secrets: RingSecret[] = [];
  const seen = new Set<string>();
  const valid = (given ?? []).filter((s) => typeof s?.value === "string" && s.value.length > 0);
  valid.forEach((candidate, index) => {
    if (seen.has(candidate.value)) return;
    seen.add(candidate.value);
    const publicDefault = PUBLIC_DEFAULT_SECRETS.some((d) => d.value === candidate.value);
    secrets.push({
      value: candidate.value,
      match: {
        source: String(candidate.source),
        ...(candidate.version === undefined ? {} : { version: candidate.version }),
        current: index === 0,
        publicDefault,
      },
    });
  });
  if (tryDefaults) {
    for (const fallback of PUBLIC_DEFAULT_SECRETS) {
      if (seen.has(fallback.value)) continue;
      seen.add(fallback.value);
      secrets.push({
        value: fallback.value,
        match: { source: fallback.source, current: valid.length === 0, publicDefault: true },
      });
    }
  }
  return { secrets, given: valid.length, givenSources: valid.map((s) => describeSecret(s)) };
}

export function describeSecret(secret: { source: string; version?: number }): string {
  return secret.version === undefined ? secret.source : `${secret.source} version ${secret.version}`;
}
