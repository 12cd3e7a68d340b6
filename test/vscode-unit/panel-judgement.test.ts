import { beforeAll, describe, expect, it } from "vitest";
import { verifyCookies } from "../../src/core/cookie";
import { compactCacheText } from "../../src/core/cookie/cache/compact-cache";
import type { LookupResult } from "../../src/core/lookup/types";
import type { SecretScope } from "../../src/core/secrets";
import { browserAcceptance } from "../../src/vscode/cookie/browser-rows";
import { cookieValues } from "../../src/vscode/cookie/cookie-parts";
import { type PanelModel, renderCookiePanel } from "../../src/vscode/cookie/render-panel";
import { judge, unverifiedCookies, verifyWithScopes } from "../../src/vscode/cookie/verify-scopes";
import { withReadableTimes } from "../../src/vscode/lookup/readable-times";
import { type Minted, mintCookies, OTHER_SECRET, SECRET } from "../cookie/mint-cookies";

// The panel's judgement on cookies minted by the real better-auth: what the badge says, which
// notes appear, and whether the "enter the app's secret" box pops (src/vscode/cookie/verify-scopes.ts).

process.env.TZ = "UTC";
const OPTIONS = { nonce: "N", cspSource: "https://webview.test" };
const TOKEN = "better-auth.session_token";
const DATA = "better-auth.session_data";

const envScope = (value: string, file = ".env.local"): SecretScope => ({ label: ".env files", kind: "app", candidates: [{ value, source: `BETTER_AUTH_SECRET (${file})` }] });
const storedScope = (value: string): SecretScope => ({ label: "SecretStorage", kind: "stored", candidates: [{ value, source: "SecretStorage" }] });

async function panel(input: string, scopes: SecretScope[], url?: string) {
  const verification = await verifyWithScopes(input, scopes, verifyCookies, { url });
  const judgement = judge(verification);
  const { report } = verification;
  const model: PanelModel = {
    report,
    values: cookieValues(report),
    secretsTried: verification.tried,
    notes: judgement.notes.map((n) => ({ severity: n.severity, text: n.text })),
    badge: judgement.badge,
    unverified: [...unverifiedCookies(report)],
    browser: browserAcceptance(report),
    canLookUp: !!report.sessionToken?.token,
  };
  return { verification, judgement, html: renderCookiePanel(model, OPTIONS) };
}

/** Changes the cached user's name, keeping the cache's signature. */
function tamperCache(wire: string): string {
  const outer = JSON.parse(compactCacheText(decodeURIComponent(wire)) as string);
  outer.session.user.name = "Mallory";
  return Buffer.from(JSON.stringify(outer)).toString("base64url");
}

/** Changes one character of the session token, keeping its signature. */
function tamperToken(wire: string): string {
  const value = decodeURIComponent(wire);
  return encodeURIComponent(`${value[0] === "A" ? "B" : "A"}${value.slice(1)}`);
}

describe("the cookie panel's judgement", () => {
  let minted: Minted;
  let secure: Minted;
  beforeAll(async () => {
    [minted, secure] = await Promise.all([mintCookies({ secret: SECRET }), mintCookies({ secret: SECRET, useSecureCookies: true })]);
  });

  it("reads NOT VERIFIED with no secret at all: no INVALID badge, no red flag, and asks for the secret", async () => {
    const { judgement, html, verification } = await panel(minted.cookieHeader, []);
    expect(verification.report.verdict).toBe("invalid"); // the CLI's contract is unchanged
    expect(judgement.badge).toBe("not-verified");
    expect(judgement.askForSecret).toBe(true);
    expect(html).toContain(`<span class="verdict verdict-not-verified"`);
    expect(html).toContain(">NOT VERIFIED<");
    expect(html).not.toContain(">INVALID<");
    const body = html.replace(/<style[\s\S]*?<\/style>/, "");
    expect(body).not.toMatch(/flag-bad|reason-error|class="none"|verdict-invalid/);
    expect(html).toContain(`<span class="flag flag-muted">not verified</span>`);
    expect(html).toContain(verification.report.sessionData.user?.email as string);
  });

  it("a tampered cache with the right secret in .env: INVALID, says it was altered, no secret box", async () => {
    const input = `${TOKEN}=${minted.values.get(TOKEN)}; ${DATA}=${tamperCache(minted.values.get(DATA) as string)}`;
    const { judgement, html } = await panel(input, [envScope(SECRET), storedScope(OTHER_SECRET)]);
    expect(judgement.badge).toBe("invalid");
    expect(judgement.askForSecret).toBe(false);
    expect(judgement.notes.map((n) => n.text)).toEqual([
      `${TOKEN} verifies with .env files, so the secret is right: ${DATA} was altered, or copied from another session. Another secret would not help.`,
    ]);
    expect(judgement.notes.some((n) => n.offerSecret)).toBe(false);
    expect(html).toContain(">INVALID<");
  });

  it("a tampered session token alone with the right secret in .env: the verdict stands and the box does not pop", async () => {
    const { judgement } = await panel(`${TOKEN}=${tamperToken(minted.values.get(TOKEN) as string)}`, [envScope(SECRET)]);
    expect(judgement.badge).toBe("invalid");
    expect(judgement.askForSecret).toBe(false);
    expect(judgement.notes).toEqual([
      expect.objectContaining({ offerSecret: true, text: expect.stringMatching(/^None of the secrets tried verifies this cookie, the app's own \.env included: .*or altered\./) }),
    ]);
  });

  it("a wrong secret in .env is not hidden when SecretStorage's matches: the app would reject the cookie", async () => {
    const { judgement, html, verification } = await panel(minted.cookieHeader, [envScope(OTHER_SECRET), storedScope(SECRET)]);
    expect(verification.report.verdict).toBe("valid");
    expect(verification.scope?.label).toBe("SecretStorage");
    expect(judgement.badge).toBe("warning");
    expect(judgement.notes[0].severity).toBe("warning");
    expect(judgement.notes[0].text).toBe(
      "The app's own secret (BETTER_AUTH_SECRET (.env.local)) does not verify this cookie; only SecretStorage does. The app reads its .env files, so it would reject this cookie: put the secret it was signed with in .env, or it comes from another deployment.",
    );
    expect(html).toContain(">WARNING<");
    expect(html).not.toContain(OTHER_SECRET);
  });

  it("says nothing extra when the app's .env verifies, whatever SecretStorage holds", async () => {
    const { judgement } = await panel(minted.cookieHeader, [envScope(SECRET), storedScope(OTHER_SECRET)]);
    expect(judgement).toEqual({ badge: "valid", notes: [], askForSecret: false });
  });

  it("asks for the secret when only a stale SecretStorage secret was tried (no .env)", async () => {
    const { judgement } = await panel(minted.cookieHeader, [storedScope(OTHER_SECRET)]);
    expect(judgement.badge).toBe("invalid");
    expect(judgement.askForSecret).toBe(true);
  });

  it("shows browser acceptance of Set-Cookie lines for the URL: Secure cookies dropped over http, kept over https", async () => {
    const lines = secure.setCookies.join("\n");
    const http = await panel(lines, [envScope(SECRET)], "http://app.example.com/api/auth/sign-up/email");
    expect(http.html).toContain("<h2>Browser</h2>");
    expect(http.html).toContain(`<code>__Secure-${TOKEN}</code></th><td><span class="flag flag-bad">dropped</span>`);
    expect(http.html).toContain("Browsers drop this Set-Cookie for __Secure-better-auth.session_token: it has Secure but http://app.example.com is http.");
    const https = await panel(lines, [envScope(SECRET)], "https://app.example.com/");
    const rows = browserAcceptance(https.verification.report);
    expect(rows?.url).toBe("https://app.example.com/");
    expect(rows?.rows.map((r) => [r.cookie, r.kept])).toEqual([
      [`__Secure-${TOKEN}`, true],
      [`__Secure-${DATA}`, true],
    ]);
    expect(https.html).toContain(`data-action="setUrl"`);
    // A Cookie header is not a Set-Cookie: no browser section.
    expect((await panel(minted.cookieHeader, [envScope(SECRET)])).html).not.toContain("<h2>Browser</h2>");
  });

  it("offers the lookup for a cookie with a session token", async () => {
    expect((await panel(minted.cookieHeader, [envScope(SECRET)])).html).toContain(`<button class="action" data-action="lookup"`);
    expect((await panel(`${DATA}=${minted.values.get(DATA)}`, [envScope(SECRET)])).html).not.toContain(`data-action="lookup"`);
  });
});

describe("lookup times", () => {
  const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

  it("turn the core's UTC instants into local, UTC and relative", () => {
    expect(withReadableTimes("The session exists in session but expired at 2026-01-01T03:04:05.000Z: Better Auth deletes it.", NOW)).toBe(
      "The session exists in session but expired at 2026-01-01 03:04:05 UTC (2026-01-01T03:04:05.000Z, yesterday): Better Auth deletes it.",
    );
    expect(withReadableTimes("no instant here, 2026-01-01 alone", NOW)).toBe("no instant here, 2026-01-01 alone");
  });

  it("show in the panel's Database section three ways, expired flagged", async () => {
    const minted = await mintCookies({ secret: SECRET });
    const report = await verifyCookies(minted.cookieHeader, { secrets: [{ value: SECRET, source: "BETTER_AUTH_SECRET (.env)" }], now: NOW });
    const lookup: LookupResult = {
      kind: "expired",
      message: "The session exists in session but expired at 2026-01-01T03:04:05.000Z: Better Auth deletes it on the next request.",
      database: "postgresql://app:***@db/app",
      table: "session",
      column: "token",
      otherColumn: "id",
      foundIn: "token",
      session: { userId: "u1", expiresAt: "2026-01-01T03:04:05.000Z", createdAt: "2025-12-25T03:04:05.000Z", ipAddress: "<script>", userAgent: null },
      user: { id: "u1", email: "ada@example.com", name: "Ada" },
      elapsedMs: 12,
    };
    const html = renderCookiePanel({ report, values: [], secretsTried: [], notes: [], lookup }, OPTIONS);
    expect(html).toContain("<h2>Database</h2><p>The session exists in session but expired at 2026-01-01 03:04:05 UTC (2026-01-01T03:04:05.000Z, yesterday)");
    expect(html).toContain(`<tr><th>expires</th><td><span class="time"><span class="local">2026-01-01 03:04:05 UTC</span> <span class="utc muted">2026-01-01T03:04:05.000Z</span> <span class="relative">yesterday</span> <span class="flag flag-bad expired">expired</span></span></td></tr>`);
    expect(html).toContain(`<span class="relative">8 days ago</span>`);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("ada@example.com · Ada · id u1");
  });
});
