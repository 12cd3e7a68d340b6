import { beforeAll, describe, expect, it } from "vitest";
import { verifyCookies, type CookieReport } from "../../src/core/cookie";
import { secretsFromEnv } from "../../src/core/secrets";
import { OLD_SECRET, OTHER_SECRET, SECRET, type Minted, mintCookies, secretsOf, withValue } from "./mint-cookies";

const secrets = secretsOf(SECRET);
const codes = (report: CookieReport) => report.reasons.map((r) => r.code);

describe("cookie variants minted by Better Auth", () => {
  const minted: Record<string, Minted> = {};
  beforeAll(async () => {
    const [secure, prefixed, chunked, chunkedJwe, dontRemember, rotated, beforeRotation, beforeRotationJwe, noSecret] = await Promise.all([
      mintCookies({ secret: SECRET, useSecureCookies: true }),
      mintCookies({ secret: SECRET, cookiePrefix: "myapp" }),
      mintCookies({ secret: SECRET, nameLength: 6000 }),
      mintCookies({ secret: SECRET, nameLength: 6000, strategy: "jwe" }),
      mintCookies({ secret: SECRET, rememberMe: false }),
      mintCookies({ secrets: [{ version: 2, value: SECRET }, { version: 1, value: OLD_SECRET }], strategy: "jwt" }),
      mintCookies({ secrets: [{ version: 1, value: OLD_SECRET }] }),
      mintCookies({ secrets: [{ version: 1, value: OLD_SECRET }], strategy: "jwe" }),
      mintCookies({}),
    ]);
    Object.assign(minted, { secure, prefixed, chunked, chunkedJwe, dontRemember, rotated, beforeRotation, beforeRotationJwe, noSecret });
  });

  it("reads __Secure- cookies from useSecureCookies", async () => {
    const { setCookies } = minted.secure;
    expect(setCookies[0]).toMatch(/^__Secure-better-auth\.session_token=.*; Secure/);
    const report = await verifyCookies(setCookies.join("\n"), { secrets });
    expect(report.verdict).toBe("valid");
    expect(report.sessionToken).toMatchObject({ cookieName: "__Secure-better-auth.session_token", secure: true, signature: "valid" });
    expect(report.sessionData.verdict).toBe("valid");
  });

  it("warns when a __Secure- cookie goes to an http URL", async () => {
    const curl = `curl 'http://localhost:3000/api/auth/get-session' -H 'Cookie: ${minted.secure.cookieHeader}'`;
    const report = await verifyCookies(curl, { secrets });
    expect(report.verdict).toBe("warning");
    expect(report.scheme).toBe("http");
    expect(codes(report)).toContain("secure-over-http");
    const https = await verifyCookies(curl.replace("http://", "https://"), { secrets });
    expect(https.verdict).toBe("valid");
  });

  it("warns when a __Secure- Set-Cookie lacks Secure", async () => {
    const stripped = minted.secure.setCookies.map((line) => line.replace("; Secure", ""));
    const report = await verifyCookies(stripped.join("\n"), { secrets });
    expect(codes(report)).toContain("secure-without-attribute");
  });

  it("recognises a custom cookiePrefix without being told", async () => {
    expect(minted.prefixed.cookieHeader).toMatch(/^myapp\.session_token=/);
    const report = await verifyCookies(minted.prefixed.cookieHeader, { secrets });
    expect(report.verdict).toBe("valid");
    expect(report.cookies.map((c) => c.name)).toEqual(["myapp.session_token", "myapp.session_data"]);
  });

  it("recognises custom cookie names when configured", async () => {
    const value = minted.prefixed.values.get("myapp.session_token") as string;
    const report = await verifyCookies(`sid=${value}`, { secrets, cookieNames: { session_token: "sid" } });
    expect(report.sessionToken).toMatchObject({ cookieName: "sid", signature: "valid" });
  });

  it.each(["chunked", "chunkedJwe"])("joins a %s cache split over several cookies", async (which) => {
    const { values, setCookies } = minted[which];
    expect(values.has("better-auth.session_data.0")).toBe(true);
    expect(values.has("better-auth.session_data.1")).toBe(true);
    // Reversed order: chunks are joined by index, not by position.
    const report = await verifyCookies([...setCookies].reverse().join("\n"), { secrets });
    expect(report.verdict).toBe("valid");
    expect(report.sessionData.chunks).toBeGreaterThan(1);
    expect(String(report.sessionData.user?.name)).toHaveLength(6000);
    expect(report.cookies.find((c) => c.kind === "session_data")?.name).toBe("better-auth.session_data");
  });

  it("reports a missing chunk", async () => {
    const header = [...minted.chunked.values].filter(([name]) => name !== "better-auth.session_data.1").map(([n, v]) => `${n}=${v}`).join("; ");
    const report = await verifyCookies(header, { secrets });
    expect(report.verdict).toBe("invalid");
    expect(codes(report)).toContain("chunk-missing");
  });

  it("verifies dont_remember (rememberMe: false)", async () => {
    const { setCookies } = minted.dontRemember;
    expect(setCookies.find((l) => l.startsWith("better-auth.session_token"))).not.toMatch(/Max-Age/);
    const report = await verifyCookies(setCookies.join("\n"), { secrets });
    expect(report.verdict).toBe("valid");
    const dont = report.cookies.find((c) => c.kind === "dont_remember");
    expect(dont?.signed).toMatchObject({ token: "true", signature: "valid" });
    expect(codes(report)).toContain("dont-remember");
  });

  it("verifies versioned secrets from BETTER_AUTH_SECRETS and names the version", async () => {
    const env = secretsFromEnv([{ label: "environment", vars: { BETTER_AUTH_SECRETS: `2:${SECRET},1:${OLD_SECRET}` } }]);
    const report = await verifyCookies(minted.rotated.cookieHeader, { secrets: env.candidates });
    expect(report.verdict).toBe("valid");
    expect(report.sessionToken?.secret).toMatchObject({ source: "BETTER_AUTH_SECRETS (environment)", version: 2, current: true });
    expect(report.sessionData.secret?.version).toBe(2);
  });

  it("says so when a session token verifies only with an older secret after rotation", async () => {
    const env = secretsFromEnv([{ label: "environment", vars: { BETTER_AUTH_SECRETS: `2:${SECRET},1:${OLD_SECRET}` } }]);
    const report = await verifyCookies(minted.beforeRotation.cookieHeader, { secrets: env.candidates });
    expect(report.verdict).toBe("warning");
    expect(report.sessionToken?.secret).toMatchObject({ version: 1, current: false });
    const rotation = report.reasons.filter((r) => r.code === "not-current-secret" && r.severity === "warning");
    expect(rotation.map((r) => r.cookie)).toEqual(["better-auth.session_token", "better-auth.session_data"]);
    expect(rotation[0].message).toMatch(/version 1, not with the current secret/);
  });

  it("accepts a JWE cache from an older secret, as Better Auth does", async () => {
    const env = secretsFromEnv([{ label: "environment", vars: { BETTER_AUTH_SECRETS: `2:${SECRET},1:${OLD_SECRET}` } }]);
    const report = await verifyCookies(minted.beforeRotationJwe.cookieHeader, { secrets: env.candidates });
    const data = report.cookies.find((c) => c.kind === "session_data");
    expect(data?.verdict).toBe("valid");
    expect(report.sessionData.secret).toMatchObject({ version: 1, current: false });
  });

  it("says loudly when a cookie verifies with the public default secret", async () => {
    const report = await verifyCookies(minted.noSecret.cookieHeader);
    expect(report.verdict).toBe("warning");
    expect(report.sessionToken?.signature).toBe("valid");
    expect(report.sessionToken?.secret).toMatchObject({ publicDefault: true, current: true });
    const loud = report.reasons.find((r) => r.code === "public-default-secret");
    expect(loud?.message).toMatch(/PUBLIC DEFAULT SECRET/);
    // Even when the app's real secret is supplied, a default-signed cookie is called out.
    const withSecret = await verifyCookies(minted.noSecret.cookieHeader, { secrets: secretsOf(OTHER_SECRET) });
    expect(codes(withSecret)).toContain("public-default-secret");
  });

  it("cannot verify without any secret and says what to do", async () => {
    const report = await verifyCookies(minted.secure.cookieHeader);
    expect(report.verdict).toBe("invalid");
    expect(codes(report)).toContain("no-secret");
    expect(report.sessionToken?.token).toBe(minted.secure.dbToken);
    expect(report.sessionData.user).not.toBeNull();
  });

  it("flags a cache belonging to another session", async () => {
    const other = minted.prefixed.values.get("myapp.session_data") as string;
    const report = await verifyCookies(withValue(minted.secure, "__Secure-better-auth.session_data", other), { secrets });
    expect(report.verdict).toBe("warning");
    expect(codes(report)).toContain("cache-token-mismatch");
  });
});
