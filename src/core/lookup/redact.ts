// Database URLs carry passwords, and driver errors sometimes repeat the URL or parts of it.
// Everything that leaves the lookup (results, logs, thrown errors) goes through here.

const MASK = "***";

/**
 * `scheme://user:password@host` → `scheme://user:***@host`, anywhere in a text. Up to the last `@`
 * before the path, so an unencoded `@` inside the password is masked too.
 */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@?#]*:)([^\s/]*)@/gi;

/**
 * SQL Server / ADO style `password=…;` and `pwd=…` (values may be wrapped in braces). An unbraced
 * value stops before a `:` that ends it, as in "…;password=pw: Login failed", so the message's
 * colon stays.
 */
const KEY_VALUE_PASSWORD = /((?:^|[;\s?&])(?:password|pwd)\s*=\s*)(\{(?:[^}]|\}\})*\}|[^;&\s]*?(?=:?(?:[;&\s]|$)))/gi;

/** The password a URL carries, decoded, or undefined. Never throws. */
export function passwordOf(url: string): string | undefined {
  const sqlServer = /(?:^|;)\s*(?:password|pwd)\s*=\s*(\{(?:[^}]|\}\})*\}|[^;]*)/i.exec(url);
  if (/^sqlserver:/i.test(url)) {
    const raw = sqlServer?.[1];
    return raw ? (raw.startsWith("{") ? raw.slice(1, -1).replace(/\}\}/g, "}") : raw) : undefined;
  }
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@?#]*:([^\s/]*)@/i.exec(url);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** Masks every password-looking part of `text`, plus the given secrets verbatim (raw and URL-encoded). */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(URL_PASSWORD, `$1${MASK}@`).replace(KEY_VALUE_PASSWORD, `$1${MASK}`);
  for (const secret of secrets) {
    // Very short passwords would mask ordinary letters of the message; the patterns above cover them in URLs.
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(MASK);
  }
  return out;
}

/** The URL as it may be shown: password masked, Prisma's query parameters kept. */
export function redactUrl(url: string): string {
  return redact(url, [passwordOf(url)]);
}
