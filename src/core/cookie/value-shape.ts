import { base64UrlToText, isRecord, parseJsonRecord } from "./cache/cache-payload";
import { compactCacheText } from "./cache/compact-cache";
import { decodeOnce } from "./input/url-decode";
import type { CookieKind } from "./types";

/** What a Better Auth `generateId(32)` token looks like (nanoid alphabet covers 1.0.x). */
export const RAW_TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Guesses which Better Auth cookie a value pasted without its name is, from its shape alone:
 * five-part JWE or three-part JWT with a JOSE header, a base64url compact cache, a signed
 * `token.signature`, or a bare token.
 */
export function guessKindFromValue(raw: string): CookieKind {
  const value = decodeOnce(raw).value;
  const parts = value.split(".", 6);
  if ((parts.length === 5 || parts.length === 3) && isRecord(parseJsonRecord(base64UrlToText(parts[0])))) {
    return "session_data";
  }
  if (parts.length === 1 && value.length > 40) {
    const compact = parseJsonRecord(compactCacheText(value));
    if (compact && "signature" in compact && "session" in compact) return "session_data";
  }
  const dot = value.lastIndexOf(".");
  if (dot > 0 && value.length - dot - 1 >= 20) {
    return value.slice(0, dot) === "true" ? "dont_remember" : "session_token";
  }
  if (RAW_TOKEN_SHAPE.test(value)) return "session_token";
  return "unknown";
}
