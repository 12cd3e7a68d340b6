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
  /** The URL the checks were made for (given in the panel, else from the input); absent: none known. */
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
export function browserAcceptance(report: CookieReport): BrowserAcceptance | undefined {
  const rows: BrowserRow[] = report.cookies
    .filter((cookie) => cookie.fromSetCookie && !cookie.reasons.some((r) => r.code === "cookie-deleted"))
    .map((cookie) => {
      const reasons = cookie.reasons.filter((r) => BROWSER_CODES.has(r.code));
      return { cookie: cookie.name, kept: !reasons.some((r) => DROPPED_CODES.has(r.code)), reasons: reasons.map((r) => ({ severity: r.severity, message: r.message })) };
    });
  const general = report.reasons.filter((r) => r.code === "browser-warning" && !r.cookie).map((r) => r.message);
  if (rows.length === 0 && general.length === 0) return undefined;
  return { url: report.url, rows, general };
}
