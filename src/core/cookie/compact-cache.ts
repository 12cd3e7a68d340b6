import { constantTimeEqual, hmacSha256 } from "./hmac";
import { type CacheDecode, base64UrlToText, emptyDecode, isRecord, parseJsonRecord } from "./cache-payload";
import type { SecretRing } from "./secret-ring";

/**
 * The `compact` cookie cache (Better Auth's default strategy): base64url of
 * `{ session, expiresAt, signature }`. Since 1.1.20 the HMAC covers
 * `JSON.stringify({ ...session, expiresAt })`; before, only `JSON.stringify(session)`.
 * Re-stringifying the parsed object reproduces the signed bytes because JSON.parse keeps
 * key order.
 */
export function decodeCompactCache(value: string, ring: SecretRing): CacheDecode | null {
  const outer = parseJsonRecord(base64UrlToText(value));
  if (!outer || !isRecord(outer.session) || typeof outer.signature !== "string") return null;
  const result = emptyDecode("compact");
  result.payload = outer.session;
  result.expiresAt = toEpochMs(outer.expiresAt);

  const given = Buffer.from(outer.signature, "base64url");
  const current = JSON.stringify({ ...outer.session, expiresAt: outer.expiresAt });
  const legacy = JSON.stringify(outer.session);
  for (const secret of ring.secrets) {
    if (constantTimeEqual(hmacSha256(secret.value, current), given)) {
      result.secret = secret.match;
      return result;
    }
  }
  for (const secret of ring.secrets) {
    if (constantTimeEqual(hmacSha256(secret.value, legacy), given)) {
      result.secret = secret.match;
      result.legacyCompact = true;
      return result;
    }
  }
  result.failure = "signature-mismatch";
  return result;
}

/** Epoch ms from a number or a date string (older caches carried a serialized Date). */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
