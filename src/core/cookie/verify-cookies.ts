import { browserAcceptance, cookieHeaderSize } from "./browser-acceptance";
import { absentSessionData, checkCacheCookie } from "./cache/cache-cookie-check";
import { type CookieGroup, groupCookies } from "./input/group-cookies";
import { parsePastedInput } from "./input/parse-input";
import { reason, sortReasons, verdictOf } from "./reason";
import { buildSecretRing, type SecretRing } from "./signed/secret-ring";
import { checkSignedCookie } from "./signed/signed-cookie-check";
import type { CookieReport, CookieResult, Reason, VerifyCookieOptions } from "./types";
import { decodeOnce } from "./input/url-decode";
import { valueParts } from "./value-parts";
import type { PublicKeys } from "./cache/jwt-cache";
import { type CookieVersionRules, cookieVersionRules, versionLabel } from "./version-rules";

/**
 * Well above the largest real input (a 100-chunk cache is ~400 KB) so the work on any
 * input stays bounded.
 */
export const MAX_INPUT_CHARS = 2 * 1024 * 1024;

/**
 * Decodes and verifies every Better Auth cookie in pasted text and gives a jwt.io-style
 * verdict with reasons. Never throws: any input yields a report.
 */
export async function verifyCookies(input: string, options: VerifyCookieOptions = {}): Promise<CookieReport> {
  const now = options.now ?? Date.now();
  try {
    return await verify(typeof input === "string" ? input : String(input ?? ""), options, now);
  } catch (error) {
    // A bug here must not take the caller down; report it as an unreadable input instead.
    return inputReport(now, "no-cookie", reason("unknown-value", "error", `The input could not be read (${error instanceof Error ? error.message : "unknown error"}).`));
  }
}

async function verify(input: string, options: VerifyCookieOptions, now: number): Promise<CookieReport> {
  if (input.trim() === "") return inputReport(now, "empty", reason("empty-input", "error", "Nothing to check: the input is empty."));
  if (input.length > MAX_INPUT_CHARS) {
    return inputReport(
      now,
      "too-large",
      reason("input-too-large", "error", `The input is ${input.length} characters; cookies are at most a few hundred KB even when chunked. Paste only the cookies.`),
    );
  }

  const parsed = parsePastedInput(input, now);
  const grouped = groupCookies(parsed.cookies, options);
  const ring = buildSecretRing(options.secrets, options.tryDefaultSecrets !== false);
  const namedUrl = options.url ?? parsed.url;
  const scheme = schemeOf(namedUrl);
  const url = urlOf(namedUrl);
  // By logical name (chunk index dropped), from every pasted cookie: a duplicate that lost still says a Set-Cookie line set it.
  const setCookieNames = new Set(parsed.cookies.filter((c) => c.origin === "set-cookie" && c.name).map((c) => (c.name as string).replace(/\.\d+$/, "")));
  const rules = cookieVersionRules(options.betterAuthVersion);
  const keys: PublicKeys = { jwks: options.jwks, source: options.jwksSource };
  const reasons: Reason[] = [...grouped.reasons, ...cookieHeaderSize(parsed.cookieHeaderBytes)];
  for (const file of parsed.cookieFiles) {
    reasons.push(reason("no-cookie", "info", `curl reads cookies from the file "${file}"; paste that file's lines to check them.`));
  }

  const report: CookieReport = {
    verdict: "valid",
    reasons: [],
    sessionToken: null,
    sessionData: absentSessionData(),
    cookies: [],
    ignoredCookies: grouped.ignored,
    checkedAt: now,
    betterAuthVersion: rules.version,
    ...(scheme ? { scheme } : {}),
    ...(namedUrl !== undefined ? { url: namedUrl } : {}),
  };

  for (const group of grouped.groups) {
    const result = await checkGroup(group, ring, now, scheme, rules, keys, setCookieNames.has(group.name));
    for (const cookie of group.whole ? [group.whole] : group.chunks.values()) result.reasons.push(...browserAcceptance(group.name, cookie, url));
    report.cookies.push(result);
    if (result.signed && result.kind === "session_token" && !report.sessionToken) report.sessionToken = result.signed;
    if (result.data && result.kind === "session_data" && report.sessionData.verdict === "absent") report.sessionData = result.data;
  }
  crossCheck(report, rules);

  if (report.cookies.length === 0) {
    report.inputProblem = "no-cookie";
    reasons.push(
      reason(
        "no-cookie",
        "error",
        `No Better Auth cookie found${grouped.ignored ? ` (${grouped.ignored} other cookie${grouped.ignored === 1 ? "" : "s"} ignored)` : ""}. Better Auth names them <prefix>.session_token, <prefix>.session_data… (prefix "better-auth" unless advanced.cookiePrefix is set), with "__Secure-" in front on https.`,
      ),
    );
  }
  for (const cookie of report.cookies) {
    cookie.verdict = verdictOf(cookie.reasons);
    reasons.push(...cookie.reasons);
  }
  report.reasons = sortReasons(reasons);
  report.verdict = verdictOf(report.reasons);
  return report;
}

async function checkGroup(
  group: CookieGroup,
  ring: SecretRing,
  now: number,
  scheme: "http" | "https" | undefined,
  rules: CookieVersionRules,
  keys: PublicKeys,
  fromSetCookie: boolean,
): Promise<CookieResult> {
  const reasons: Reason[] = [];
  const { raw, chunks } = joinChunks(group, reasons);
  const decoded = decodeOnce(raw);
  const value = { raw, decoded: decoded.value, parts: [] as CookieResult["value"]["parts"] };
  if (decoded.malformed) {
    reasons.push(reason("bad-url-encoding", "info", `${group.name} has a "%" that is not a valid URL escape; it is read as-is, as Better Auth does.`, group.name));
  }
  const result: CookieResult = { name: group.name, kind: group.kind, secure: group.secure, verdict: "valid", reasons, chunks, value, fromSetCookie };

  if (group.secure && scheme === "http") {
    reasons.push(
      reason(
        "secure-over-http",
        "warning",
        `${group.name} has the "__Secure-" prefix but the URL is http://: browsers neither store nor send such cookies over http, so the server sees no session. Use https, or advanced.useSecureCookies: false for local http.`,
        group.name,
      ),
    );
  }
  const setCookie = group.whole ?? group.chunks.values().next().value;
  if (group.secure && setCookie?.origin === "set-cookie" && !setCookie.secureAttribute) {
    reasons.push(
      reason("secure-without-attribute", "warning", `${group.name} has the "__Secure-" prefix but its Set-Cookie lacks the Secure attribute: browsers drop it.`, group.name),
    );
  }

  switch (group.kind) {
    case "session_data":
    case "account_data": {
      const checked = await checkCacheCookie(group.name, group.kind, decoded.value, chunks, ring, now, group.guessed, rules, keys);
      result.kind = checked.kind;
      result.data = checked.result;
      reasons.push(...checked.reasons);
      break;
    }
    case "unknown":
      reasons.push(reason("unknown-value", "error", `${group.name} does not look like any Better Auth cookie value (signed token, compact, jwt or jwe cache).`, group.name));
      break;
    default: {
      const checked = checkSignedCookie(group.name, group.kind, group.secure, decoded.value, ring);
      result.signed = checked.result;
      reasons.push(...checked.reasons);
      if (group.kind === "session_token_multi") checkMultiSessionName(group.name, checked.result.token, reasons, rules);
      if (group.kind === "dont_remember" && checked.result.signature === "valid") {
        reasons.push(reason("dont-remember", "info", `${group.name} is set (rememberMe: false): the session cookie has no Max-Age and ends when the browser closes.`, group.name));
      }
    }
  }
  // Cut as it was read: as a signed value, or as a cache whose strategy is known only now.
  value.parts = valueParts(result, decoded.value);
  return result;
}

/** Better Auth's `getChunkedCookie`: a whole cookie wins; else chunks joined by index. */
function joinChunks(group: CookieGroup, reasons: Reason[]): { raw: string; chunks: number } {
  if (group.whole || group.chunks.size === 0) return { raw: group.whole?.raw ?? "", chunks: group.whole ? 1 : 0 };
  const indexes = [...group.chunks.keys()].sort((a, b) => a - b);
  const present = new Set(indexes);
  const missing: number[] = [];
  for (let i = 0; i <= indexes[indexes.length - 1] && missing.length < 10; i++) if (!present.has(i)) missing.push(i);
  if (missing.length > 0) {
    reasons.push(
      reason(
        "chunk-missing",
        "error",
        `${group.name} is chunked but chunk ${missing.map((i) => `.${i}`).join(", ")} is missing; the joined value cannot be read. Paste all ${group.name}.N cookies.`,
        group.name,
      ),
    );
  }
  return { raw: indexes.map((i) => group.chunks.get(i)?.raw ?? "").join(""), chunks: indexes.length };
}

/**
 * The multi-session plugin names the copy after the token: 1.0–1.1 `…_multi-<token>`, from
 * 1.2 `…_multi-<token lowercased>`; it finds the cookie again by that name.
 */
function checkMultiSessionName(name: string, token: string | null, reasons: Reason[], rules: CookieVersionRules): void {
  if (token === null) return;
  const suffix = name.slice(name.indexOf("_multi-") + 7);
  const expected = rules.multiSessionLowercase === null ? [token, token.toLowerCase()] : [rules.multiSessionLowercase ? token.toLowerCase() : token];
  if (expected.includes(suffix)) return;
  const how = rules.multiSessionLowercase === null ? "" : rules.multiSessionLowercase ? ` (${versionLabel(rules)} names it after the token in lowercase)` : ` (${versionLabel(rules)} names it after the token, case kept)`;
  reasons.push(
    reason("multi-session-name-mismatch", "warning", `${name} carries a token that does not match its name${how}; the multi-session plugin will not find it.`, name),
  );
}

/** Checks between cookies: the cache must belong to the session the token names. */
function crossCheck(report: CookieReport, rules: CookieVersionRules): void {
  const token = report.sessionToken;
  const data = report.sessionData;
  const dataCookie = report.cookies.find((c) => c.data === data);
  if (!dataCookie || data.verdict === "absent") return;
  if (!token) {
    // getSession returns null without the signed token even when the cache is valid.
    dataCookie.reasons.push(
      reason(
        "cache-without-token",
        dataCookie.name.startsWith("(") ? "info" : "warning",
        `${dataCookie.name} is here but no session_token cookie is: Better Auth never signs anyone in from the cache alone, so getSession returns null. Check that the session token cookie is sent too (same path, domain and __Secure- prefix).`,
        dataCookie.name,
      ),
    );
    return;
  }
  // Up to 0.8 the session id is the token and the cached session has no token field.
  const cachedToken = typeof data.session?.token === "string" ? data.session.token : data.session && !("token" in data.session) ? data.session.id : undefined;
  if (typeof cachedToken === "string" && token.token !== null && cachedToken !== token.token) {
    const effect =
      rules.discardsForeignCache === null
        ? "Better Auth 1.7 and later discard the cache and read the database; 0.8–1.6 serve the other session's data (its user) until the cache expires."
        : rules.discardsForeignCache
          ? `${versionLabel(rules)} discards the cache and reads the database.`
          : `${versionLabel(rules)} does not compare them: getSession serves the other session's data (its user) until the cache expires.`;
    dataCookie.reasons.push(
      reason(
        "cache-token-mismatch",
        "warning",
        `${dataCookie.name} belongs to another session (its session token differs from the one in ${token.cookieName}): a stale cache or cookies from two sign-ins. ${effect}`,
        dataCookie.name,
      ),
    );
  }
  if (token.signature === "valid" && token.secret && data.verdict === "invalid" && dataCookie.reasons.some((r) => r.code === "cache-signature-mismatch")) {
    dataCookie.reasons.push(
      reason(
        "cache-signature-mismatch",
        "info",
        `${token.cookieName} verifies with ${token.secret.source}, but ${dataCookie.name} does not: the cache was most likely altered.`,
        dataCookie.name,
      ),
    );
  }
}

function urlOf(text: string | undefined): URL | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function schemeOf(url: string | undefined): "http" | "https" | undefined {
  const match = url ? /^\s*(https?):/i.exec(url) : null;
  return match ? (match[1].toLowerCase() as "http" | "https") : undefined;
}

function inputReport(now: number, problem: NonNullable<CookieReport["inputProblem"]>, why: Reason): CookieReport {
  return {
    verdict: "invalid",
    reasons: [why],
    sessionToken: null,
    sessionData: absentSessionData(),
    cookies: [],
    ignoredCookies: 0,
    inputProblem: problem,
    checkedAt: now,
    betterAuthVersion: null,
  };
}
