/**
 * A secret the cookie verifier may try. Lists of candidates are ordered the way Better Auth
 * ranks them: the first one is the *current* secret (the one Better Auth signs session tokens
 * and the compact/jwt cache with); the rest are older or shadowed values, tried only to say
 * what went wrong.
 */
export interface SecretCandidate {
  value: string;
  /** Where the value came from, e.g. `BETTER_AUTH_SECRET (.env.local)`. Safe to print. */
  source: string;
  /** Version from `BETTER_AUTH_SECRETS` / `options.secrets`, when it has one. */
  version?: number;
}
