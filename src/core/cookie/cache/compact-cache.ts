import { constantTimeEqual, hmacSha256 } from "../signed/hmac";
import { type CacheDecode, emptyDecode, isRecord, parseJsonRecord } from "./cache-payload";
import type { SecretRing } from "../signed/secret-ring";

/**
 * The `compact` cookie cache (Better Auth's default strategy): base64url of
 * `{ session, expiresAt, signature }`. Since 1.1.20 the HMAC covers
 * `JSON.stringify({ ...session, expiresAt })`; before, only `JSON.stringify(session)`.
 * Re-stringifying the parsed object reproduces the signed bytes because JSON.parse keeps
 * key order.
 */
export function decodeCompactCache(value: string, ring: SecretRing): CacheDecode | null {
  const outer = parseJsonRecord(compactCacheText(value));
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
  // Better Auth 1.1.20–1.3.3 (cookies/index setCookieCache) computes expiresAt twice, once for
  // the stored value and once, a moment later, inside the signed JSON: a cache written across a
  // millisecond tick fails Better Auth's own check. Finding the lag tells that apart from a
  // cache someone altered. It still fails: Better Auth rejects it too.
  if (typeof outer.expiresAt === "number") {
    for (let lag = 1; lag <= MAX_SIGNED_EXPIRY_LAG_MS; lag++) {
      const signed = JSON.stringify({ ...outer.session, expiresAt: outer.expiresAt + lag });
      for (const secret of ring.secrets) {
        if (constantTimeEqual(hmacSha256(secret.value, signed), given)) {
          result.secret = secret.match;
          result.signedExpiryLagMs = lag;
          return result;
        }
      }
    }
  }
  return result;
}

/** Two clock reads in one synchronous expression: a GC pause aside, a few ms at most. */
const MAX_SIGNED_EXPIRY_LAG_MS = 50;

/** Epoch ms from a number or a date string (older caches carried a serialized Date). */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** Base64 or base64url, padded or not: what Better Auth's own decoders accept. */
const COMPACT_BODY = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * The compact cache's JSON text. Up to 0.8 Better Auth wrote it as a JSON string, quotes
 * included (`"eyJ…="`, on the wire `%22eyJ…%3D%22`), with base64url padding; 1.0–1.3 wrote
 * standard base64 and later base64url without padding.
 */
export function compactCacheText(value: string): string | null {
  const body = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  if (!COMPACT_BODY.test(body) || body.replace(/=+$/, "").length % 4 === 1) return null;
  return Buffer.from(body.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}
