import type { CookieKey, CookieKind, VerifyCookieOptions } from "../types";

export const COOKIE_KEYS: readonly CookieKey[] = [
  "session_token",
  "session_data",
  "dont_remember",
  "account_data",
  "two_factor",
  "trust_device",
  "admin_session",
];

/** Better Auth chunks only these (`createSessionStore` / `createAccountStore`). */
const CHUNKED_KEYS: ReadonlySet<CookieKind> = new Set(["session_data", "account_data"]);
/** Better Auth stops at 100 chunks; a little slack, then it is not a Better Auth cookie. */
const MAX_CHUNK_INDEX = 999;

export interface CookieName {
  kind: CookieKind;
  /** `__Secure-` or `__Host-` prefix present. */
  secure: boolean;
  /** The name without a chunk suffix, prefix kept: how the cookie is listed. */
  baseName: string;
  chunkIndex: number | null;
}

const KEY_PATTERN = new RegExp(`^(.+)\\.(${COOKIE_KEYS.join("|")})$`);

/**
 * Recognises a Better Auth cookie name: `[__Secure-]<prefix>.<key>[.<chunk>]` for any prefix
 * (so a custom `cookiePrefix` works unconfigured), custom names from `advanced.cookies`,
 * and the multi-session plugin's `<session_token name>_multi-<token>`.
 */
export function classifyCookieName(name: string, options: VerifyCookieOptions = {}): CookieName | null {
  if (name.length === 0 || name.length > 4096) return null;
  const secure = name.startsWith("__Secure-") || name.startsWith("__Host-");
  const bare = name.startsWith("__Secure-") ? name.slice(9) : name.startsWith("__Host-") ? name.slice(7) : name;

  const multi = bare.indexOf("_multi-");
  if (multi > 0) {
    const tokenName = bare.slice(0, multi);
    const custom = options.cookieNames?.session_token;
    if (tokenName.endsWith(".session_token") || tokenName === custom) {
      return { kind: "session_token_multi", secure, baseName: name, chunkIndex: null };
    }
  }

  const direct = kindOf(bare, options);
  if (direct) return { kind: direct, secure, baseName: name, chunkIndex: null };

  // A chunk: `<name>.<n>` with n written without leading zeros, as Better Auth writes it.
  const dot = bare.lastIndexOf(".");
  if (dot > 0) {
    const suffix = bare.slice(dot + 1);
    const index = Number(suffix);
    if (/^\d{1,4}$/.test(suffix) && String(index) === suffix && index <= MAX_CHUNK_INDEX) {
      const kind = kindOf(bare.slice(0, dot), options);
      if (kind && CHUNKED_KEYS.has(kind)) {
        return { kind, secure, baseName: name.slice(0, name.length - suffix.length - 1), chunkIndex: index };
      }
    }
  }
  return null;
}

function kindOf(bare: string, options: VerifyCookieOptions): CookieKey | null {
  for (const key of COOKIE_KEYS) {
    const custom = options.cookieNames?.[key];
    if (custom && bare === custom) return key;
  }
  const match = KEY_PATTERN.exec(bare);
  return match ? (match[2] as CookieKey) : null;
}
