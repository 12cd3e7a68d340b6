import type { SecretCandidate } from "../secrets/secret-candidate";

export type { SecretCandidate };

/** The three answers of a jwt.io-style debugger. */
export type Verdict = "valid" | "invalid" | "warning";

/** The cookie keys Better Auth and its plugins set (`createAuthCookie(key)`). */
export type CookieKey =
  | "session_token"
  | "session_data"
  | "dont_remember"
  | "account_data"
  | "two_factor"
  | "trust_device"
  | "admin_session";

/** What a recognised cookie holds; `session_token_multi` is the multi-session plugin's copy. */
export type CookieKind = CookieKey | "session_token_multi" | "unknown";

export type CacheStrategy = "compact" | "jwt" | "jwe";

export type ReasonSeverity = "error" | "warning" | "info";

export type ReasonCode =
  | "empty-input"
  | "input-too-large"
  | "no-cookie"
  | "too-many-cookies"
  | "unsigned-token"
  | "malformed-signature"
  | "signature-mismatch"
  | "no-secret"
  | "double-encoded"
  | "bad-url-encoding"
  | "not-current-secret"
  | "public-default-secret"
  | "secure-over-http"
  | "secure-without-attribute"
  | "cookie-deleted"
  | "dont-remember"
  | "duplicate-cookie"
  | "chunk-missing"
  | "cache-undecodable"
  | "cache-signature-mismatch"
  | "cache-clock-skew"
  | "cache-not-decryptable"
  | "cache-expired"
  | "session-expired"
  | "cache-token-mismatch"
  | "cache-without-token"
  | "legacy-compact"
  | "cache-unverifiable"
  | "browser-rejects"
  | "browser-warning"
  | "multi-session-name-mismatch"
  | "unknown-value";

export interface Reason {
  code: ReasonCode;
  severity: ReasonSeverity;
  /** A sentence a person can act on. Never contains a secret value. */
  message: string;
  /** The cookie it is about, when it is about one. */
  cookie?: string;
}

/** Which secret verified a value. The value itself is never carried into a report. */
export interface SecretMatch {
  source: string;
  version?: number;
  /** True when it is the first candidate: the one Better Auth signs with. */
  current: boolean;
  /** True when it is one of Better Auth's published default secrets. */
  publicDefault: boolean;
}

export type SignatureState = "valid" | "invalid" | "missing" | "malformed";

/** A `token.signature` cookie (better-call `setSignedCookie`). */
export interface SignedCookieResult {
  cookieName: string;
  secure: boolean;
  /** The part before the last dot, whenever the value could be split. */
  token: string | null;
  signature: SignatureState;
  secret: SecretMatch | null;
}

/** `unverified`: readable, but signed with keys this tool was not given (the jwt plugin's JWKS). */
export type SessionDataVerdict = "valid" | "invalid" | "expired" | "absent" | "unverified";

export interface SessionDataResult {
  cookieName: string | null;
  strategy: CacheStrategy | null;
  /** Compact cache signed the pre-1.1.20 way (signature over the session only). */
  legacyCompact: boolean;
  verdict: SessionDataVerdict;
  /** Decoded even when verification fails, whenever the payload is readable. */
  session: Record<string, unknown> | null;
  user: Record<string, unknown> | null;
  /** When the cache itself expires, epoch milliseconds. */
  expiresAt: number | null;
  /** Protected header of a jwt/jwe cache (alg, enc, kid). */
  header: Record<string, unknown> | null;
  secret: SecretMatch | null;
  chunks: number;
}

/** What a part of a cookie value is: the signed token's two halves, a cache's segments, or the whole value. */
export type ValuePartKind =
  | "token"
  | "signature"
  | "cache"
  | "jwt-header"
  | "jwt-payload"
  | "jwt-signature"
  | "jwe-header"
  | "jwe-encrypted-key"
  | "jwe-iv"
  | "jwe-ciphertext"
  | "jwe-tag"
  | "value";

/** `decoded.slice(start, end)`. */
export interface ValuePart {
  kind: ValuePartKind;
  start: number;
  end: number;
}

/** The value a cookie's checks read, for views that show it (the editor's panel); not in the CLI's JSON. */
export interface CheckedValue {
  /** As pasted, chunks joined by index (still URL-encoded if it was). */
  raw: string;
  /** After Better Auth's single URL decode: what the checks read and `parts` index. */
  decoded: string;
  parts: ValuePart[];
}

export interface CookieResult {
  /** The logical name: chunked cookies are listed once, without `.0`, `.1`. */
  name: string;
  kind: CookieKind;
  secure: boolean;
  verdict: Verdict;
  reasons: Reason[];
  chunks: number;
  /** The value checked, cut into its parts. */
  value: CheckedValue;
  /** Some of it came from a `Set-Cookie` line (a browser decides whether to keep it). */
  fromSetCookie: boolean;
  signed?: SignedCookieResult;
  data?: SessionDataResult;
}

export interface CookieReport {
  verdict: Verdict;
  /** Every reason, worst first. */
  reasons: Reason[];
  sessionToken: SignedCookieResult | null;
  sessionData: SessionDataResult;
  /** Better Auth cookies only; others are counted in `ignoredCookies`. */
  cookies: CookieResult[];
  ignoredCookies: number;
  /** Set when the input itself was the problem (the CLI exits 2 for these). */
  inputProblem?: "empty" | "too-large" | "no-cookie";
  /** `http` or `https` when the input or options named a URL. */
  scheme?: "http" | "https";
  /** The URL the options or the input (a curl command) named, as given. */
  url?: string;
  /** The instant the verdicts were computed for, epoch milliseconds. */
  checkedAt: number;
  /** The Better Auth version whose behaviour the reasons describe; null when unknown. */
  betterAuthVersion: string | null;
}

/** A JSON Web Key Set, as `/api/auth/jwks` serves it. */
export interface JsonWebKeySet {
  keys: Record<string, unknown>[];
}

export interface VerifyCookieOptions {
  /** Candidate secrets, current first (see `SecretCandidate`). */
  secrets?: readonly SecretCandidate[];
  /** Better Auth's `advanced.cookiePrefix`; `better-auth` and any `<prefix>.<key>` are recognised anyway. */
  cookiePrefix?: string;
  /** Better Auth's `advanced.cookies[key].name` overrides. */
  cookieNames?: Partial<Record<CookieKey, string>>;
  /** The page or API URL the cookie is sent to; only its scheme is used. */
  url?: string;
  /** Try Better Auth's public default secrets when nothing else matches (default true). */
  tryDefaultSecrets?: boolean;
  /** Clock for expiry checks, epoch milliseconds (tests). */
  now?: number;
  /**
   * The exact Better Auth version the app runs (`1.7.25`); reasons then say what that version
   * does. Without it, messages say what each side of a version split does.
   */
  betterAuthVersion?: string;
  /** Public keys of the jwt plugin, to verify its `sessionCookieCache` JWT. */
  jwks?: JsonWebKeySet;
  /** Where `jwks` came from, for messages (a file or URL). */
  jwksSource?: string;
}
