import { type CacheDecode, emptyDecode } from "./cache-payload";
import { decodeCompactCache } from "./compact-cache";
import { decodeJweCache } from "./jwe-cache";
import { decodeJwtCache } from "./jwt-cache";
import type { SecretRing } from "./secret-ring";

/**
 * Recognises the cache strategy from the value's shape (five dot-separated parts: JWE,
 * three: JWT, one: compact), so the user need not know how the app is configured.
 */
export async function decodeCacheValue(value: string, ring: SecretRing, salt: string): Promise<CacheDecode> {
  const parts = value.split(".", 6).length;
  const decoded =
    parts === 5
      ? await decodeJweCache(value, ring, salt)
      : parts === 3
        ? await decodeJwtCache(value, ring)
        : parts === 1
          ? decodeCompactCache(value, ring)
          : null;
  if (decoded) return decoded;
  return { ...emptyDecode(null), failure: "undecodable" };
}
