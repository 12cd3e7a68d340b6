import { parsePastedInput } from "../../core/cookie/parse-input";
import type { CookieReport, ReasonCode } from "../../core/cookie/types";

/** Reasons about whether a browser stores and sends a cookie, rather than about its content. */
const BROWSER_CODES: ReadonlySet<ReasonCode> = new Set(["browser-rejects", "browser-warning", "secure-over-http", "secure-without-attribute"]);
/** These mean the browser drops the cookie: the server never sees it. */
const DROPPED_CODES: ReadonlySet<ReasonCode> = new Set(["browser-rejects", "secure-over-http", "secure-without-attribute"]);

export interface BrowserRow {
  cookie: string;
  kept: boolean;
  reasons: { severity: "error" | "warning" | "info"; message: string }[];
}

export interface BrowserAcceptance {
  /** The URL the checks were made for (from the input, or given in the panel); absent: none known. */
  url?: string;
  /** One row per cookie set by a `Set-Cookie` line. */
  rows: BrowserRow[];
  /** Not about one cookie: a Cookie header over 8 KB. */
  general: string[];
}

/**
 * The core's browser-acceptance answer (RFC 6265bis as Chromium and Firefox apply it), regrouped
 * per Set-Cookie cookie for the panel: the "cookie is set but never sent" question. Undefined
 * when the input has no Set-Cookie line and no header-size warning.
 */
export function browserAcceptance(input: string, report: CookieReport, url: string | undefined): BrowserAcceptance | undefined {
  if (report.inputProblem === "empty" || report.inputProblem === "too-large") return undefined;
  const parsed = parsePastedInput(input, report.checkedAt);
  const setCookieNames = new Set(parsed.cookies.filter((c) => c.origin === "set-cookie" && c.name).map((c) => (c.name as string).replace(/\.\d+$/, "")));
  const rows: BrowserRow[] = report.cookies
    .filter((cookie) => setCookieNames.has(cookie.name) && !cookie.reasons.some((r) => r.code === "cookie-deleted"))
    .map((cookie) => {
      const reasons = cookie.reasons.filter((r) => BROWSER_CODES.has(r.code));
      return { cookie: cookie.name, kept: !reasons.some((r) => DROPPED_CODES.has(r.code)), reasons: reasons.map((r) => ({ severity: r.severity, message: r.message })) };
    });
  const general = report.reasons.filter((r) => r.code === "browser-warning" && !r.cookie).map((r) => r.message);
  if (rows.length === 0 && general.length === 0) return undefined;
  return { url: url ?? parsed.url, rows, general };
}

/** Whether the input has Set-Cookie lines, whose acceptance depends on the URL they came from. */
export function hasSetCookie(input: string): boolean {
  return parsePastedInput(input, Date.now()).cookies.some((c) => c.origin === "set-cookie");
}
