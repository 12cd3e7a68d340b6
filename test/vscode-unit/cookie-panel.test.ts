import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type CookieReport, verifyCookies } from "../../src/core/cookie";
import { cookieValues } from "../../src/vscode/cookie/cookie-parts";
import { compareEnvFileNames, groupEnvFiles, isEnvFileName } from "../../src/core/secrets";
import { looksLikeCookie } from "../../src/vscode/cookie/looks-like-cookie";
import { type PanelModel, renderCookiePanel } from "../../src/vscode/cookie/render-panel";
import { indexedSecretKeys, SECRET_INDEX_KEY, secretKeyFor } from "../../src/vscode/cookie/secret-keys";
import { type Minted, mintCookies, OLD_SECRET, SECRET } from "../cookie/mint-cookies";

// Local times follow the machine's zone; pin it so the snapshot is stable.
process.env.TZ = "UTC";

const OPTIONS = { nonce: "TESTNONCE", cspSource: "https://webview.test" };
const TOKEN = "better-auth.session_token";
const DATA = "better-auth.session_data";
const sign = (value: string, secret = SECRET) => encodeURIComponent(`${value}.${createHmac("sha256", secret).update(value).digest("base64")}`);

async function panelFor(input: string, secrets = [{ value: SECRET, source: "BETTER_AUTH_SECRET (.env.local)" }], extra: Partial<PanelModel> = {}) {
  const report = await verifyCookies(input, { secrets });
  const html = renderCookiePanel({ report, values: cookieValues(report), secretsTried: secrets.map((s) => s.source), notes: [], ...extra }, OPTIONS);
  return { report, html };
}

/** The text of the page without tags, roughly as a person reads it. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");

describe("cookie panel on cookies minted by Better Auth", () => {
  const minted: Record<string, Minted> = {};
  beforeAll(async () => {
    for (const strategy of ["compact", "jwt", "jwe"] as const) minted[strategy] = await mintCookies({ strategy, secret: SECRET });
  });

  it("shows VALID, the matched secret by name and version, and never a secret value", async () => {
    const secrets = [
      { value: SECRET, source: "BETTER_AUTH_SECRETS (.env)", version: 2 },
      { value: OLD_SECRET, source: "BETTER_AUTH_SECRETS (.env)", version: 1 },
    ];
    const { html } = await panelFor(minted.compact.setCookies.join("\n"), secrets);
    expect(html).toContain(`class="verdict verdict-valid"`);
    expect(html).toContain(">VALID<");
    expect(html).toContain(`<span class="secret-source">BETTER_AUTH_SECRETS (.env), version 2 (current)</span>`);
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(OLD_SECRET);
  });

  it("colours token and signature, and the compact cache, with copy buttons holding the raw values", async () => {
    const { html } = await panelFor(minted.compact.cookieHeader);
    const wire = minted.compact.values.get(TOKEN) as string;
    const [token, signature] = [decodeURIComponent(wire).split(".")[0], decodeURIComponent(wire).split(".")[1]];
    expect(html).toContain(`<span class="part part-token" title="session token">${token}</span>`);
    expect(html).toContain(`<span class="part part-signature" title="HMAC-SHA256 signature (base64)">${signature}</span>`);
    expect(html).toMatch(/<span class="part part-cache" title="compact cache \(base64url JSON\)">/);
    expect(html).toContain(`data-copy="${wire}"`);
    expect(html).toContain(`data-copy="${token}"`);
    expect(html).toContain(`data-copy="${signature}"`);
    expect(html).toContain(`data-copy="${minted.compact.values.get(DATA)}"`);
  });

  it("splits jwt and jwe caches into their parts", async () => {
    const jwt = await panelFor(minted.jwt.cookieHeader);
    for (const part of ["cache-header", "cache-payload", "cache-signature"]) expect(jwt.html).toContain(`<span class="part part-${part}"`);
    const jwe = await panelFor(minted.jwe.cookieHeader);
    for (const part of ["cache-header", "cache-key", "cache-iv", "cache-payload", "cache-tag"]) expect(jwe.html).toContain(`<span class="part part-${part}"`);
    expect(jwe.report.verdict).toBe("valid");
  });

  it("shows session and user with local, UTC and relative times", async () => {
    const { report, html } = await panelFor(minted.compact.cookieHeader);
    const expires = report.sessionData.expiresAt as number;
    expect(html).toContain(new Date(expires).toISOString());
    expect(html).toMatch(/<span class="relative">in \d+ minutes<\/span>/);
    expect(html).toMatch(/<span class="local">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/span>/);
    expect(html).toContain(report.sessionData.user?.email as string);
    expect(html).toContain("<h3>Session ");
    expect(html).toContain("<h3>User ");
    expect(html).not.toContain("expired</span>");
  });

  it("says INVALID and that no secret matched when the secret is wrong", async () => {
    const { html } = await panelFor(minted.compact.cookieHeader, [{ value: "not-the-secret-0123456789", source: "BETTER_AUTH_SECRET (environment)" }]);
    expect(html).toContain(">INVALID<");
    expect(html).toContain("No secret verified these cookies.");
    expect(html).toContain('data-code="signature-mismatch"');
    expect(html).not.toContain("not-the-secret-0123456789");
  });
});

describe("cookie panel escapes everything it was given", () => {
  const evil = `<script>alert(1)</script>"'<img src=x onerror=alert(2)>`;

  it("escapes cookie values, names and the reasons that quote them", async () => {
    const input = [`better-auth.session_token=${encodeURIComponent(evil)}.${"A".repeat(43)}=`, `better-auth.session_data=${evil}`, `<b>x</b>.session_token=${evil}`].join("\n");
    const { html } = await panelFor(input);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="TESTNONCE">`);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&lt;img src=x onerror=alert(2)&gt;");
  });

  it("escapes decoded session and user fields", async () => {
    const session = { session: { token: "Abcdefghijklmnopqrstuvwxyz012345", userId: "u1", expiresAt: new Date(Date.now() + 86400e3).toISOString() }, user: { id: "u1", name: evil }, updatedAt: Date.now(), version: "1" };
    const expiresAt = Date.now() + 60_000;
    const signature = createHmac("sha256", SECRET).update(JSON.stringify({ ...session, expiresAt })).digest("base64url");
    const value = Buffer.from(JSON.stringify({ session, expiresAt, signature })).toString("base64url");
    const { report, html } = await panelFor(`${TOKEN}=${sign("Abcdefghijklmnopqrstuvwxyz012345")}; ${DATA}=${value}`);
    expect(report.sessionData.user?.name).toBe(evil);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain("<img");
  });

  it("allows only its own nonce'd style and script under a strict CSP", async () => {
    const { html } = await panelFor(`${TOKEN}=${sign("Abcdefghijklmnopqrstuvwxyz012345")}`);
    expect(html).toContain(`content="default-src 'none'; style-src https://webview.test 'nonce-TESTNONCE'; script-src 'nonce-TESTNONCE';"`);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

describe("cookie panel on a hand-made report", () => {
  const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
  const report: CookieReport = {
    verdict: "warning",
    reasons: [
      { code: "cache-expired", severity: "warning", message: "better-auth.session_data expired 5 minutes ago (2026-01-02T02:59:05.000Z).", cookie: DATA },
      { code: "not-current-secret", severity: "warning", message: "better-auth.session_token verifies only with BETTER_AUTH_SECRETS (.env) version 1.", cookie: TOKEN },
    ],
    sessionToken: {
      cookieName: TOKEN,
      secure: false,
      token: "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK",
      signature: "valid",
      secret: { source: "BETTER_AUTH_SECRETS (.env)", version: 1, current: false, publicDefault: false },
    },
    sessionData: {
      cookieName: DATA,
      strategy: "compact",
      legacyCompact: false,
      verdict: "expired",
      session: { id: "s1", token: "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK", expiresAt: "2026-01-01T03:04:05.000Z", createdAt: "2025-12-25T03:04:05.000Z", userId: "u1" },
      user: { id: "u1", email: "ada@example.com", name: "A".repeat(300), emailVerified: false },
      expiresAt: NOW - 300_000,
      header: null,
      secret: { source: "BETTER_AUTH_SECRETS (.env)", version: 1, current: false, publicDefault: false },
      chunks: 2,
    },
    cookies: [
      { name: TOKEN, kind: "session_token", secure: false, verdict: "warning", reasons: [], chunks: 1, value: { raw: "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK.c2lnbmF0dXJl%3D", decoded: "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK.c2lnbmF0dXJl=", parts: [{ kind: "token", start: 0, end: 32 }, { kind: "signature", start: 33, end: 46 }] }, fromSetCookie: false },
      { name: DATA, kind: "session_data", secure: false, verdict: "warning", reasons: [], chunks: 2, value: { raw: "eyJzZXNzaW9uIjp7fX0", decoded: "eyJzZXNzaW9uIjp7fX0", parts: [{ kind: "cache", start: 0, end: 19 }] }, fromSetCookie: false },
    ],
    ignoredCookies: 1,
    checkedAt: NOW,
    betterAuthVersion: null,
  };
  const model: PanelModel = {
    report,
    // The panel shows only the token's value here (as this page was first snapshotted).
    values: cookieValues(report).filter((value) => value.name === TOKEN),
    inputSource: "the clipboard",
    secretsTried: ["BETTER_AUTH_SECRETS (.env) version 2", "BETTER_AUTH_SECRETS (.env) version 1"],
    notes: [{ severity: "warning", text: "Workspace not trusted: .env files were not read.", action: { id: "manageTrust", label: "Manage Workspace Trust" } }],
  };
  const html = renderCookiePanel(model, OPTIONS);

  it("flags expired times and shows them three ways", () => {
    expect(html).toContain(`<span class="local">2026-01-02 02:59:05 UTC</span> <span class="utc muted">2026-01-02T02:59:05.000Z</span> <span class="relative">5 minutes ago</span> <span class="flag flag-bad expired">expired</span>`);
    // The session's own expiresAt is past too; createdAt is a time but not an expiry.
    expect(html).toContain(`<span class="relative">yesterday</span> <span class="flag flag-bad expired">expired</span>`);
    expect(html).toMatch(/<span class="relative">8 days ago<\/span><\/span><\/td>/);
  });

  it("shows the warning badge, the secret that matched with its version, and the untrusted note with its action", () => {
    expect(html).toContain(`<span class="verdict verdict-warning"`);
    expect(html).toContain(`<li><span class="secret-source">BETTER_AUTH_SECRETS (.env), version 1 (not the current secret)</span> <span class="muted">verified <code>${TOKEN}</code>, <code>${DATA}</code></span></li>`);
    expect(html).not.toContain("No secret verified");
    expect(html).toContain(`data-action="manageTrust"`);
    expect(textOf(html)).toContain("Workspace not trusted: .env files were not read.");
    expect(html).toContain(`data-copy="Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK.c2lnbmF0dXJl%3D"`);
    expect(textOf(html)).toContain("(URL-decoded once, as Better Auth does)");
    expect(textOf(html)).toContain("… (300 characters)");
  });

  it("renders the same page as last time", () => {
    expect(html).toMatchSnapshot();
  });
});

describe("clipboard detection", () => {
  it("takes text that names a Better Auth cookie or carries a signed value", () => {
    expect(looksLikeCookie("better-auth.session_token=abc")).toBe(true);
    expect(looksLikeCookie("Cookie: __Secure-myapp.session_data.0=eyJ")).toBe(true);
    expect(looksLikeCookie(`Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK.${"a".repeat(43)}%3D`)).toBe(true);
    expect(looksLikeCookie(`Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK.${"a".repeat(43)}=`)).toBe(true);
  });

  it("leaves code, prose and empty clipboards to the input box", () => {
    expect(looksLikeCookie("")).toBe(false);
    expect(looksLikeCookie("const session = await auth.api.getSession({ headers })")).toBe(false);
    expect(looksLikeCookie("session_token")).toBe(false);
  });
});

describe(".env files", () => {
  it("reads .env* files but not templates or .envrc", () => {
    expect([".env", ".env.local", ".env.production", ".env.development.local"].every(isEnvFileName)).toBe(true);
    expect([".envrc", ".env.example", ".env.sample", ".env.template", "env", ".environment"].some(isEnvFileName)).toBe(false);
  });

  it("orders them as Next.js loads them in development, and groups a monorepo by app", () => {
    expect([".env", ".env.production", ".env.development", ".env.local", ".env.development.local"].sort(compareEnvFileNames)).toEqual([
      ".env.development.local",
      ".env.local",
      ".env.development",
      ".env",
      ".env.production",
    ]);
    expect(groupEnvFiles(["apps/web/.env", ".env", "apps/web/.env.local", "node_modules/x/.env", ".env.example", "apps/api/.env"])).toEqual([
      { dir: "", names: [".env"] },
      { dir: "apps/api", names: [".env"] },
      { dir: "apps/web", names: [".env.local", ".env"] },
    ]);
  });
});

describe("SecretStorage keys", () => {
  it("has one key per workspace folder and indexes only its own keys", () => {
    expect(secretKeyFor("file:///work/app")).toBe("betterAuthDoctor.cookieSecret:file:///work/app");
    expect(secretKeyFor(undefined)).toBe("betterAuthDoctor.cookieSecret:(no folder)");
    const state = new Map<string, unknown>([[SECRET_INDEX_KEY, [secretKeyFor("file:///a"), "other", 3]]]);
    expect(indexedSecretKeys({ get: <T>(key: string) => state.get(key) as T, update: async () => {} })).toEqual([secretKeyFor("file:///a")]);
  });
});
