import { COOKIE_KEYS } from "../../core/cookie/input/cookie-names";

/** A Better Auth cookie name anywhere: `<prefix>.session_token`, `….session_data.0`, … */
const COOKIE_NAME = new RegExp(`\\.(${COOKIE_KEYS.join("|")})\\b`);
/** A better-call signature: a dot, then 43 base64 characters and `=` (or `%3D` on the wire). */
const SIGNATURE = /\.[A-Za-z0-9+/]{43}(=|%3D)/i;
/** Clipboards can hold whole files; nothing that large is a cookie someone meant to check. */
const MAX_CLIPBOARD = 2 * 1024 * 1024;

/**
 * Whether clipboard text is worth verifying without asking: it names a Better Auth cookie or
 * carries a signed value. Anything else (the user copied code a minute ago) falls through to
 * the input box instead of producing a confusing "no cookie" report.
 */
export function looksLikeCookie(text: string): boolean {
  if (text.trim() === "" || text.length > MAX_CLIPBOARD) return false;
  return COOKIE_NAME.test(text) || SIGNATURE.test(text);
}
