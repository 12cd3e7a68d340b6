import type { SecretCandidate } from "../../secrets/secret-candidate";

/**
 * Better Auth falls back to these published values when no secret is configured
 * (`utils/constants` DEFAULT_SECRET; the shorter one up to 1.4.4). Anyone can forge a
 * cookie signed with them, so a match is reported loudly.
 */
export const PUBLIC_DEFAULT_SECRETS: readonly SecretCandidate[] = [
  { value: "better-auth-secret-12345678901234567890", source: "Better Auth's public default secret (1.4.5 and later)" },
  { value: "better-auth-secret-123456789", source: "Better Auth's public default secret (1.4.4 and earlier)" },
];
