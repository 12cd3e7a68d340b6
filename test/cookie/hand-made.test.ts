import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { classifyCookieName, verifyCookies } from "../../src/core/cookie";
import { SECRET, secretsOf } from "./mint-cookies";

/** Cookies Better Auth 1.7 no longer writes, or only writes through plugins, built the way better-call signs them. */
const sign = (value: string, secret = SECRET) => encodeURIComponent(`${value}.${createHmac("sha256", secret).update(value).digest("base64")}`);
const secrets = secretsOf(SECRET);

describe("hand-made Better Auth cookies", () => {
  it("verifies plugin cookies and the multi-session copy", async () => {
    const token = "Abcdefghijklmnopqrstuvwxyz012345";
    const header = [
      `better-auth.session_token=${sign(token)}`,
      `better-auth.session_token_multi-${token.toLowerCase()}=${sign(token)}`,
      `better-auth.two_factor=${sign("identifier123")}`,
      `better-auth.admin_session=${sign(`${token}:`)}`,
      `better-auth.trust_device=${sign("t!id")}`,
    ].join("; ");
    const report = await verifyCookies(header, { secrets });
    expect(report.verdict).toBe("valid");
    expect(report.cookies.map((c) => c.kind)).toEqual(["session_token", "session_token_multi", "two_factor", "admin_session", "trust_device"]);
  });

  it("flags a multi-session cookie whose name names another token", async () => {
    const report = await verifyCookies(`better-auth.session_token_multi-othertoken=${sign("Abcdefghijklmnopqrstuvwxyz012345")}`, { secrets });
    expect(report.reasons.map((r) => r.code)).toContain("multi-session-name-mismatch");
  });

  it("recognises the pre-1.1.20 compact cache and warns that newer versions reject it", async () => {
    const session = { session: { token: "Abcdefghijklmnopqrstuvwxyz012345", userId: "u1", expiresAt: new Date(Date.now() + 86400e3).toISOString() }, user: { id: "u1", email: "a@example.com" } };
    const expiresAt = Date.now() + 60_000;
    const signature = createHmac("sha256", SECRET).update(JSON.stringify(session)).digest("base64url");
    const value = Buffer.from(JSON.stringify({ session, expiresAt, signature })).toString("base64url");
    const report = await verifyCookies(`better-auth.session_data=${value}`, { secrets });
    expect(report.sessionData).toMatchObject({ strategy: "compact", legacyCompact: true, verdict: "valid" });
    expect(report.verdict).toBe("warning");
    expect(report.reasons.map((r) => r.code)).toContain("legacy-compact");
  });

  it("names cookies the way Better Auth builds them", () => {
    expect(classifyCookieName("__Secure-better-auth.session_data.12")).toEqual({ kind: "session_data", secure: true, baseName: "__Secure-better-auth.session_data", chunkIndex: 12 });
    expect(classifyCookieName("my.app.session_token")?.kind).toBe("session_token");
    expect(classifyCookieName("better-auth.session_token.1")).toBeNull(); // only caches are chunked
    expect(classifyCookieName("better-auth.session_data.01")).toBeNull(); // Better Auth writes no leading zeros
    expect(classifyCookieName("session_token")).toBeNull();
    expect(classifyCookieName("sid", { cookieNames: { session_token: "sid" } })?.kind).toBe("session_token");
  });
});
