import { gte, valid } from "semver";

/**
 * What the Better Auth version in use does with cookies, where versions differ. `null` means
 * the version is not known and messages must say what each side of the split does.
 * Each threshold was read in the published packages (see test/cookie/corpus.test.ts).
 */
export interface CookieVersionRules {
  /** `1.7.25`, or null when unknown. */
  version: string | null;
  /** ≥ 1.1.20: the compact cache's HMAC covers `{ ...session, expiresAt }`; before, the session only. */
  cacheSignsExpiry: boolean | null;
  /** ≥ 1.2.0: multi-session cookies are named `…_multi-<token lowercased>`; 1.0–1.1 keep the token's case. */
  multiSessionLowercase: boolean | null;
  /** ≥ 1.7.0: getSession drops a cache whose session.token differs from the signed token; earlier ones serve it. */
  discardsForeignCache: boolean | null;
  /**
   * What getSession does with a cache whose signature fails: ≤ 1.0 deletes every session
   * cookie (signed out); 1.1–1.5 deletes the cache and answers null for that request;
   * ≥ 1.6 deletes the cache and reads the database.
   */
  badCacheEffect: "sign-out" | "null-once" | "database" | null;
}

/** `version` must already be an exact version; anything else is treated as unknown. */
export function cookieVersionRules(version: string | undefined | null): CookieVersionRules {
  const exact = version ? valid(version) : null;
  if (!exact) {
    return { version: null, cacheSignsExpiry: null, multiSessionLowercase: null, discardsForeignCache: null, badCacheEffect: null };
  }
  return {
    version: exact,
    cacheSignsExpiry: gte(exact, "1.1.20"),
    multiSessionLowercase: gte(exact, "1.2.0"),
    discardsForeignCache: gte(exact, "1.7.0"),
    badCacheEffect: !gte(exact, "1.1.0") ? "sign-out" : !gte(exact, "1.6.0") ? "null-once" : "database",
  };
}

export function versionLabel(rules: CookieVersionRules): string {
  return rules.version ? `Better Auth ${rules.version}` : "Better Auth";
}
