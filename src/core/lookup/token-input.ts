// What the user pasted into "look up session": a raw session token, or anything the cookie
// verifier understands (a Cookie header, Set-Cookie lines, a curl command, a cookie value).

/** Better Auth's generateId(32) alphabet (1.0: nanoid with `_-`), with room for custom lengths. */
const RAW_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function isRawToken(input: string): boolean {
  return RAW_TOKEN.test(input.trim());
}

/** A token shown in logs and messages without giving it away: the first and last 4 characters. */
export function abbreviateToken(token: string): string {
  return token.length <= 12 ? "…" : `${token.slice(0, 4)}…${token.slice(-4)}`;
}
