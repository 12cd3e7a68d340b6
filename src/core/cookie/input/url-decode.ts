/**
 * Cookie values travel URL-encoded (better-call `encodeURIComponent`s the signed value) and
 * are decoded once on the server (`tryDecode`). This mirrors that single decode and keeps a
 * malformed `%` sequence as-is instead of throwing, as better-call does.
 */
export function decodeOnce(raw: string): { value: string; malformed: boolean } {
  if (!raw.includes("%")) return { value: raw, malformed: false };
  try {
    return { value: decodeURIComponent(raw), malformed: false };
  } catch {
    return { value: raw, malformed: true };
  }
}

/** `%` followed by two hex digits: still URL-encoded after one decode. */
export function looksUrlEncoded(value: string): boolean {
  return /%[0-9A-Fa-f]{2}/.test(value);
}

/** Strips one pair of surrounding double quotes, which RFC 6265 allows around a value. */
export function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
