import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader } from "jose";
import { type CacheDecode, emptyDecode } from "./cache-payload";
import type { SecretRing } from "../signed/secret-ring";
import type { JsonWebKeySet } from "../types";

/** The jwt plugin's `sessionCookieCache` (1.7): signed with the app's JWKS key, not the secret. */
export const JWKS_CACHE_TYPE = "better-auth.session-cache+jwt";

export interface PublicKeys {
  jwks?: JsonWebKeySet;
  /** Where the keys came from, for messages. */
  source?: string;
}

/**
 * The `jwt` cookie cache: an HS256 JWT keyed with the secret's UTF-8 bytes (`signJWT`), or,
 * with `jwt({ sessionCookieCache: true })`, a JWT signed with the app's JWKS key (EdDSA by
 * default) that only the public keys can verify. Only the signature is checked through jose;
 * expiry is judged by the caller so an expired but authentic cache is reported as expired.
 */
export async function decodeJwtCache(value: string, ring: SecretRing, keys: PublicKeys = {}): Promise<CacheDecode | null> {
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = { ...decodeProtectedHeader(value) };
    payload = { ...decodeJwt(value) };
  } catch {
    return null;
  }
  const result = emptyDecode("jwt");
  result.header = header;
  result.payload = payload;
  result.expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
  if (header.typ === JWKS_CACHE_TYPE || (typeof header.alg === "string" && header.alg !== "HS256" && header.alg !== "none")) {
    return verifyWithPublicKeys(value, header, result, keys);
  }
  if (header.alg !== "HS256") {
    result.failure = "signature-mismatch";
    result.detail = `alg is ${JSON.stringify(header.alg)}: Better Auth signs the cache with HS256 (or, with the jwt plugin's sessionCookieCache, with a JWKS key)`;
    return result;
  }
  for (const secret of ring.secrets) {
    try {
      await compactVerify(value, new TextEncoder().encode(secret.value), { algorithms: ["HS256"] });
      result.secret = secret.match;
      return result;
    } catch {
      // Not this secret; try the next.
    }
  }
  result.failure = "signature-mismatch";
  return result;
}

async function verifyWithPublicKeys(value: string, header: Record<string, unknown>, result: CacheDecode, keys: PublicKeys): Promise<CacheDecode> {
  const kid = typeof header.kid === "string" ? header.kid : undefined;
  if (!keys.jwks) {
    result.failure = "needs-public-key";
    result.detail = kid ?? "";
    return result;
  }
  const source = keys.source ?? "the JWKS given";
  const key = kid === undefined ? undefined : keys.jwks.keys.find((k) => k.kid === kid);
  if (!key) {
    result.failure = "signature-mismatch";
    result.detail = `its key id ${JSON.stringify(kid ?? null)} is not in ${source} (${keys.jwks.keys.length} key${keys.jwks.keys.length === 1 ? "" : "s"}): signed by another app or with a key since deleted, so Better Auth ignores the cache`;
    return result;
  }
  try {
    await compactVerify(value, createLocalJWKSet(keys.jwks as Parameters<typeof createLocalJWKSet>[0]));
    result.secret = { source: `JWKS key ${kid} (${source})`, current: true, publicDefault: false };
  } catch {
    result.failure = "signature-mismatch";
    result.detail = `its signature does not verify with key ${kid} of ${source}: the cache was altered`;
  }
  return result;
}
