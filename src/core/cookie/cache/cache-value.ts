import { base64UrlToText, type CacheDecode, emptyDecode } from "./cache-payload";
import { compactCacheText, decodeCompactCache } from "./compact-cache";
import { nestsDeeperThan } from "./json-depth";
import { decodeJweCache } from "./jwe-cache";
import { decodeJwtCache, type PublicKeys } from "./jwt-cache";
import type { SecretRing } from "../signed/secret-ring";

/**
 * Recognises the cache strategy from the value's shape (five dot-separated parts: JWE,
 * three: JWT, one: compact), so the user need not know how the app is configured.
 */
export async function decodeCacheValue(value: string, ring: SecretRing, salt: string, keys: PublicKeys = {}): Promise<CacheDecode> {
  const split = value.split(".", 6);
  const parts = split.length;
  const readable = parts === 1 ? compactCacheText(value) : parts === 3 ? base64UrlToText(split[1]) : null;
  if (readable !== null && nestsDeeperThan(readable)) return { ...emptyDecode(parts === 1 ? "compact" : "jwt"), failure: "too-deep" };
  const decoded =
    parts === 5
      ? await decodeJweCache(value, ring, salt)
      : parts === 3
        ? await decodeJwtCache(value, ring, keys)
        : parts === 1
          ? decodeCompactCache(value, ring)
          : null;
  if (decoded) return decoded;
  return { ...emptyDecode(null), failure: "undecodable" };
}
