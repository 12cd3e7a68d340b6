import { describe, expect, it } from "vitest";
import { renderCookieReport } from "../../src/cli/render-cookie-report";
import type { CookieReport } from "../../src/core/cookie";

// Local time in the report follows the machine's zone; pin it so the snapshot is stable.
process.env.TZ = "UTC";

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

const report: CookieReport = {
  verdict: "warning",
  reasons: [
    { code: "cache-expired", severity: "warning", message: "better-auth.session_data expired 5 minutes ago (2026-01-02T02:59:05.000Z).", cookie: "better-auth.session_data" },
    { code: "dont-remember", severity: "info", message: "better-auth.dont_remember is set.", cookie: "better-auth.dont_remember" },
  ],
  sessionToken: {
    cookieName: "better-auth.session_token",
    secure: false,
    token: "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK",
    signature: "valid",
    secret: { source: "BETTER_AUTH_SECRETS (.env)", version: 2, current: true, publicDefault: false },
  },
  sessionData: {
    cookieName: "better-auth.session_data",
    strategy: "compact",
    legacyCompact: false,
    verdict: "expired",
    session: { id: "s1", token: "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK", expiresAt: "2026-01-09T03:04:05.000Z", userId: "u1" },
    user: { id: "u1", email: "ada@example.com", name: "A".repeat(200), emailVerified: false },
    expiresAt: NOW - 300_000,
    header: null,
    secret: { source: "BETTER_AUTH_SECRETS (.env)", version: 2, current: true, publicDefault: false },
    chunks: 2,
  },
  cookies: [
    // The values are the panel's; the text renderer does not show them.
    { name: "better-auth.session_token", kind: "session_token", secure: false, verdict: "valid", reasons: [], chunks: 1, value: { raw: "", decoded: "", parts: [] }, fromSetCookie: false },
    { name: "better-auth.session_data", kind: "session_data", secure: false, verdict: "warning", reasons: [], chunks: 2, value: { raw: "", decoded: "", parts: [] }, fromSetCookie: false },
  ],
  ignoredCookies: 3,
  checkedAt: NOW,
  betterAuthVersion: "1.7.25",
};

describe("text renderer", () => {
  it("renders verdict, reasons, decoded token and cache, and the cookie list", () => {
    expect(renderCookieReport(report)).toMatchSnapshot();
  });
});
