import { isRecord } from "./cache-payload";
import { decodeCacheValue } from "./cache-value";
import { ACCOUNT_COOKIE_SALT, SESSION_CACHE_SALT } from "./jwe-key";
import { reason } from "../reason";
import type { SecretRing } from "../signed/secret-ring";
import { mismatchReason, secretReasons } from "../signed/signed-cookie-check";
import { describeInstant } from "../time";
import type { PublicKeys } from "./jwt-cache";
import { MAX_JSON_DEPTH } from "./json-depth";
import type { CookieKind, Reason, SessionDataResult } from "../types";
import { type CookieVersionRules, versionLabel } from "../version-rules";

/** jose's `jwtDecrypt` in Better Auth is given 15 s of clock tolerance for the JWE cache. */
const JWE_CLOCK_TOLERANCE_MS = 15_000;

/** Token-like account fields that must not end up in a terminal or a log. */
const ACCOUNT_SECRETS = new Set(["accessToken", "refreshToken", "idToken", "password"]);

export function absentSessionData(): SessionDataResult {
  return {
    cookieName: null,
    strategy: null,
    legacyCompact: false,
    verdict: "absent",
    session: null,
    user: null,
    expiresAt: null,
    header: null,
    secret: null,
    chunks: 0,
  };
}

/**
 * Decodes and verifies a `session_data` or `account_data` value (chunks already joined and
 * URL-decoded). `guessed` is set for a value pasted without a name: a JWE then may be
 * either cookie, and the account salt is tried when the session one does not fit.
 */
export async function checkCacheCookie(
  name: string,
  kind: CookieKind,
  value: string,
  chunks: number,
  ring: SecretRing,
  now: number,
  guessed: boolean,
  rules: CookieVersionRules,
  keys: PublicKeys = {},
): Promise<{ kind: CookieKind; result: SessionDataResult; reasons: Reason[] }> {
  let decoded = await decodeCacheValue(value, ring, kind === "account_data" ? ACCOUNT_COOKIE_SALT : SESSION_CACHE_SALT, keys);
  if (guessed && decoded.strategy === "jwe" && decoded.failure) {
    const asAccount = await decodeCacheValue(value, ring, ACCOUNT_COOKIE_SALT);
    if (!asAccount.failure) {
      kind = "account_data";
      decoded = asAccount;
    }
  }
  const reasons: Reason[] = [];
  const result: SessionDataResult = {
    ...absentSessionData(),
    cookieName: name,
    strategy: decoded.strategy,
    legacyCompact: decoded.legacyCompact,
    expiresAt: decoded.expiresAt,
    header: decoded.header,
    secret: decoded.secret,
    chunks,
  };
  const payload = decoded.payload;
  if (payload && kind === "account_data") {
    result.session = redactAccount(payload);
  } else if (payload) {
    result.session = isRecord(payload.session) ? payload.session : null;
    result.user = isRecord(payload.user) ? payload.user : null;
  }

  switch (decoded.failure) {
    case "undecodable":
      reasons.push(
        reason(
          "cache-undecodable",
          "error",
          `${name} is not a compact, jwt or jwe cookie cache Better Auth can read (cut off, re-encoded, or ${chunks > 1 ? "chunks joined in the wrong order" : "not a Better Auth value"}). Better Auth deletes it and reads the database instead.`,
          name,
        ),
      );
      break;
    case "too-deep":
      reasons.push(
        reason(
          "cache-undecodable",
          "error",
          `${name} holds JSON nested more than ${MAX_JSON_DEPTH} levels deep; Better Auth never writes that, so it was crafted or corrupted. It is not decoded.`,
          name,
        ),
      );
      break;
    case "needs-public-key":
      reasons.push(
        reason(
          "cache-unverifiable",
          "warning",
          `${name} is the jwt plugin's sessionCookieCache, signed with the app's JWKS key${decoded.detail ? ` (kid ${decoded.detail})` : ""}, not with the secret: it cannot be verified here. Pass the app's public keys with --jwks FILE|URL (or --url, to read <origin>/api/auth/jwks).`,
          name,
        ),
      );
      break;
    case "signature-mismatch": {
      if (decoded.signedExpiryLagMs !== undefined) {
        reasons.push(
          reason(
            "cache-clock-skew",
            "error",
            `${name} was written by Better Auth itself (it verifies with ${decoded.secret?.source ?? "the secret"} once its expiry is read ${decoded.signedExpiryLagMs} ms later), not altered: Better Auth 1.1.20–1.3.3 read the clock twice when writing the cache, so a cache written across a millisecond tick fails its own check. ${badCacheConsequence(rules)} Better Auth 1.3.4 and later read it once.`,
            name,
          ),
        );
        break;
      }
      const base = decoded.detail ? reason("cache-signature-mismatch", "error", `${name}: ${decoded.detail}.`, name) : renamed(mismatchReason(name, ring, `${decoded.strategy} cache signature`));
      reasons.push(decoded.strategy === "compact" || decoded.strategy === "jwt" ? { ...base, message: `${base.message} ${badCacheConsequence(rules)}` } : base);
      break;
    }
    case "no-matching-key":
      reasons.push(
        ring.given === 0
          ? mismatchReason(name, ring, "encryption key")
          : reason(
              "cache-not-decryptable",
              "error",
              `${name} was encrypted with a key from another secret: its kid ${decoded.detail} is derived from none of the secrets tried (${ring.givenSources.join(", ")}) nor Better Auth's public defaults. Its content cannot be shown.`,
              name,
            ),
      );
      break;
    case "decryption-failed":
      reasons.push(
        reason(
          "cache-not-decryptable",
          "error",
          decoded.header?.kid !== undefined
            ? `${name} could not be decrypted although its kid names a known secret: the ciphertext, tag or header was altered.`
            : `${name} could not be decrypted with any secret tried: it was encrypted with another secret or altered.`,
          name,
        ),
      );
      break;
    case undefined:
      break;
  }

  if (!decoded.failure && decoded.secret) {
    const usage = decoded.strategy === "jwe" ? "encrypts the cache" : "signs and checks the cookie cache";
    // JWE is decrypted with every configured secret (kid lookup); compact and jwt only with the current one.
    const consequence = "Better Auth ignores this cache and reads the session from the database";
    reasons.push(...secretReasons(name, decoded.secret, usage, consequence, decoded.strategy === "jwe"));
    reasons.push(...compactGenerationReasons(name, decoded.strategy === "compact", decoded.legacyCompact, rules));
  }

  result.verdict = decoded.failure === "needs-public-key" ? "unverified" : decoded.failure ? "invalid" : "valid";
  if ((!decoded.failure || decoded.failure === "needs-public-key") && result.expiresAt !== null) {
    const tolerance = decoded.strategy === "jwe" ? JWE_CLOCK_TOLERANCE_MS : 0;
    if (result.expiresAt + tolerance < now) {
      result.verdict = "expired";
      const when = describeInstant(result.expiresAt, now);
      reasons.push(
        reason(
          "cache-expired",
          "warning",
          `${name} expired ${when.relative} (${when.utc}). Better Auth ignores an expired cache and reads the session from the database, then sets a fresh cache: normal after session.cookieCache.maxAge (300 s by default).`,
          name,
        ),
      );
    }
  }
  const sessionExpiry = result.session && kind !== "account_data" ? Date.parse(String(result.session.expiresAt)) : NaN;
  if (Number.isFinite(sessionExpiry) && sessionExpiry < now) {
    const when = describeInstant(sessionExpiry, now);
    reasons.push(
      reason(
        "session-expired",
        "warning",
        `The session inside ${name} expired ${when.relative} (${when.utc}). Better Auth deletes an expired session on the next getSession: the user must sign in again.`,
        name,
      ),
    );
  }
  return { kind, result, reasons };
}

/**
 * 1.1.20 moved expiresAt into the compact cache's signed bytes; each side rejects the other's
 * cache (and falls back to the database).
 */
function compactGenerationReasons(name: string, compact: boolean, legacy: boolean, rules: CookieVersionRules): Reason[] {
  if (!compact) return [];
  if (legacy && rules.cacheSignsExpiry === null) {
    return [
      reason(
        "legacy-compact",
        "warning",
        `${name} is signed the pre-1.1.20 way (signature over the session without expiresAt). Better Auth up to 1.1.19 accepts it; 1.1.20 and later reject it and read the database. Pass --better-auth-version to know which applies.`,
        name,
      ),
    ];
  }
  if (legacy && rules.cacheSignsExpiry) {
    return [
      reason(
        "legacy-compact",
        "warning",
        `${name} is signed the pre-1.1.20 way (signature over the session without expiresAt). ${versionLabel(rules)} rejects it and reads the database: a cookie left from before an upgrade.`,
        name,
      ),
    ];
  }
  if (!legacy && rules.cacheSignsExpiry === false) {
    return [
      reason(
        "legacy-compact",
        "warning",
        `${name} is signed the 1.1.20+ way (signature over the session with expiresAt); ${versionLabel(rules)} signs the session alone and rejects it: a cookie from a newer Better Auth.`,
        name,
      ),
    ];
  }
  return [];
}

/** What the app does with a cache whose signature fails, per version. */
function badCacheConsequence(rules: CookieVersionRules): string {
  switch (rules.badCacheEffect) {
    case "sign-out":
      return `${versionLabel(rules)} then deletes the session cookies: the user is signed out.`;
    case "null-once":
      return `${versionLabel(rules)} then deletes the cache and getSession returns null for this request.`;
    case "database":
      return `${versionLabel(rules)} then deletes the cache and reads the session from the database.`;
    default:
      return "Better Auth then deletes the cache (up to 1.0 it also signs the user out; 1.1–1.5 answer null for that request; 1.6 and later read the database).";
  }
}

function renamed(r: Reason): Reason {
  return r.code === "signature-mismatch" ? { ...r, code: "cache-signature-mismatch" } : r;
}

function redactAccount(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    out[key] = ACCOUNT_SECRETS.has(key) && typeof value === "string" ? `<redacted, ${value.length} chars>` : value;
  }
  return out;
}

