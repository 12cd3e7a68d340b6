import { describe, expect, it } from "vitest";
import { authWith, withFiles } from "./fixtures";
import { at, doctor, only, textAt } from "./helpers";

const withDomain = (domain: string, enabled = "true") =>
  authWith('      enabled: process.env.NODE_ENV === "production",\n      domain: "example.com",', `      enabled: ${enabled},\n      domain: "${domain}",`);

describe("cookie-domain-public-suffix", () => {
  for (const [domain, kind] of [[".vercel.app", "a shared hosting domain on the Public Suffix List"], ["co.uk", "a top-level suffix"]] as const) {
    it(`is an error for ${domain}`, () => {
      const project = withFiles({ "lib/auth.ts": withDomain(domain) });
      const findings = doctor(project);
      expect(findings.map((f) => f.rule)).toEqual(["cookie-domain-public-suffix"]);
      expect(findings[0]).toMatchObject({ severity: "error", file: at("lib/auth.ts"), range: { start: { line: 14, character: 14 } } });
      expect(textAt(project, findings[0]!)).toBe(`"${domain}"`);
      expect(findings[0]!.message).toBe(
        `crossSubDomainCookies.domain "${domain}" is a public suffix (${kind}): browsers refuse every cookie Better Auth sets with Domain=${domain.replace(/^\./, "")}, so sign-in never sticks. Use a domain you own, or turn cross-subdomain cookies off.`,
      );
    });
  }

  it("accepts a registrable domain under a private suffix and ignores disabled settings", () => {
    // Not a suffix itself; it is no parent of the app's hosts, which the other rule says.
    expect(doctor(withFiles({ "lib/auth.ts": withDomain("myapp.vercel.app") })).map((f) => f.rule)).toEqual(["cookie-domain-not-parent", "cookie-domain-not-parent"]);
    expect(doctor(withFiles({ "lib/auth.ts": withDomain("vercel.app", "false") }))).toEqual([]);
  });
});

describe("cookie-domain-not-parent", () => {
  it("warns when the production host is not under the domain", () => {
    const project = withFiles({ "lib/auth.ts": withDomain("other.com", 'process.env.NODE_ENV === "production"') });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "cookie-domain-not-parent", severity: "warning" });
    expect(textAt(project, finding!)).toBe('"other.com"');
    expect(finding!.message).toBe(
      'crossSubDomainCookies.domain "other.com" is not app.example.com or a parent of it (BETTER_AUTH_URL in .env.production): browsers refuse cookies Better Auth sets there with Domain=other.com, so sign-in does not stick on app.example.com. Use a parent of app.example.com, or enable cross-subdomain cookies only where the domain matches.',
    );
  });

  it("with enabled: true, also compares the development base URL", () => {
    const findings = only(doctor(withFiles({ "lib/auth.ts": withDomain("example.com") })), "cookie-domain-not-parent");
    expect(findings.map((f) => f.message.match(/\(([^)]*)\)/)![1])).toEqual(["BETTER_AUTH_URL in .env"]);
  });
});

describe("samesite-none-insecure", () => {
  it("is an error with secure: false, on the value", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  advanced: {", '  advanced: {\n    defaultCookieAttributes: { sameSite: "none", secure: false },') });
    const [finding] = only(doctor(project), "samesite-none-insecure");
    expect(finding!.severity).toBe("error");
    expect(textAt(project, finding!)).toBe('"none"');
    expect(finding!.message).toBe('advanced.defaultCookieAttributes.sameSite is "none" without Secure (`secure: false` is set): browsers refuse every such cookie, so nobody stays signed in. Set `secure: true` (and serve over https).');
  });

  it("is a warning when Secure depends on the environment, and quiet with secure: true", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  advanced: {", '  advanced: {\n    cookies: { session_token: { attributes: { sameSite: "None" } } },') });
    const [finding] = only(doctor(project), "samesite-none-insecure");
    expect(finding!.severity).toBe("warning");
    expect(finding!.message).toMatch(/^advanced\.cookies\.session_token\.attributes\.sameSite is "none", but Better Auth marks cookies Secure here only when/);
    const secure = withFiles({ "lib/auth.ts": authWith("  advanced: {", '  advanced: {\n    defaultCookieAttributes: { sameSite: "none", secure: true },') });
    expect(doctor(secure)).toEqual([]);
  });
});
