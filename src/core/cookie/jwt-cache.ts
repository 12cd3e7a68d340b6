import { compactVerify, decodeJwt, decodeProtectedHeader } from "jose";
import { type CacheDecode, emptyDecode } from "./cache-payload";
import type { SecretRing } from "./secret-ring";

/**
 * The `jwt` cookie cache: an HS256 JWT keyed with the secret's UTF-8 bytes (`signJWT`).
 * Only the signature is checked through jose; expiry is judged by the caller so an expired
 * but authentic cache is reported as expired, not as forged.
 */
export async function decodeJwtCache(value: string, ring: SecretRing): Promise<CacheDecode | null> {
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
  if (header.alg !== "HS256") {
    result.failure = "signature-mismatch";
    result.detail = `alg is ${JSON.stringify(header.alg)}, Better Auth signs the cache with HS256`;
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
