/**
 * What Better Auth itself says about a secret, ported from better-auth 1.7.25
 * (dist/context/create-context.mjs `validateSecret`, dist/context/secret-utils.mjs
 * `estimateEntropy` / `validateSecretsArray`, dist/utils/constants.mjs `DEFAULT_SECRET`), plus
 * placeholders people leave in templates. Results never carry the secret itself.
 */

/** Better Auth's fallback when no secret is set: ≥ 1.4.5, and ≤ 1.4.4. Both are public. */
export const PUBLIC_DEFAULT_SECRETS: readonly string[] = ["better-auth-secret-12345678901234567890", "better-auth-secret-123456789"];

export const MIN_SECRET_LENGTH = 32;
export const MIN_ENTROPY_BITS = 120;

/** Better Auth's own estimate: log2(uniqueCharacters ^ length). */
export function estimateEntropy(secret: string): number {
  const unique = new Set(secret).size;
  if (unique === 0) return 0;
  return Math.log2(Math.pow(unique, secret.length));
}

const PLACEHOLDERS: readonly RegExp[] = [
  /^(?:your|my|the|a|some)[-_ .]?(?:super[-_ .]?)?(?:secret|key|token|auth)(?:[-_ .]?(?:key|here|value|goes[-_ .]?here|secret))*$/,
  /^(?:super[-_ .]?)?secret(?:[-_ .]?(?:key|value|here))?$/,
  /^(?:better[-_ .]?auth[-_ .]?)?secret(?:[-_ .]?(?:key|value|here))?$/,
  /change[-_ .]?(?:me|this|it)/,
  /replace[-_ .]?(?:me|this|with)/,
  /^your[-_ .].*[-_ .]here$/,
  /^(?:generate|openssl|npx|run|use|put|insert|enter|add|set)[-_ .\s]/,
  /^<.*>$/,
  /^\[.*\]$/,
  /^\{\{.*\}\}$/,
  /^\$\{.*\}$/,
  /^(?:x+|\*+|\.+|0+|test|testing|dev|development|default|example|sample|placeholder|todo|fixme|password|passw0rd|secret123)$/,
  /^fallback[-_ .]?(?:secret|key|value)/,
];

export function isPlaceholder(secret: string): boolean {
  const normalized = secret.trim().toLowerCase();
  return PLACEHOLDERS.some((pattern) => pattern.test(normalized));
}

export type SecretProblem =
  | { kind: "empty" }
  | { kind: "public-default" }
  | { kind: "placeholder"; length: number }
  | { kind: "short"; length: number }
  | { kind: "low-entropy"; length: number; bits: number };

/** The most serious thing wrong with a secret, or undefined for a strong one. */
export function secretProblem(secret: string): SecretProblem | undefined {
  if (secret === "") return { kind: "empty" };
  if (PUBLIC_DEFAULT_SECRETS.includes(secret)) return { kind: "public-default" };
  if (isPlaceholder(secret)) return { kind: "placeholder", length: secret.length };
  if (secret.length < MIN_SECRET_LENGTH) return { kind: "short", length: secret.length };
  const bits = estimateEntropy(secret);
  if (bits < MIN_ENTROPY_BITS) return { kind: "low-entropy", length: secret.length, bits: Math.floor(bits) };
  return undefined;
}

/** Words about a weak (not default) secret; mentions length and estimate only, never the value. */
export function describeWeakness(problem: Exclude<SecretProblem, { kind: "public-default" } | { kind: "empty" }>): string {
  switch (problem.kind) {
    case "placeholder":
      return `is a placeholder (${problem.length} characters) that anyone can guess`;
    case "short":
      return `has ${problem.length} characters; Better Auth warns below ${MIN_SECRET_LENGTH} ("should be at least 32 characters long")`;
    case "low-entropy":
      return `has ${problem.length} characters but about ${problem.bits} bits by Better Auth's own estimate; it warns below ${MIN_ENTROPY_BITS} ("appears low-entropy")`;
  }
}
