import { beforeAll, describe, expect, it } from "vitest";
import { verifyCookies, type CookieReport } from "../../src/core/cookie";
import { OTHER_SECRET, SECRET, type Minted, flipChar, mintCookies, secretsOf, withValue } from "./mint-cookies";

const TOKEN = "better-auth.session_token";
const DATA = "better-auth.session_data";
const secrets = secretsOf(SECRET);
const codes = (report: CookieReport) => report.reasons.map((r) => r.code);

describe.each(["compact", "jwt", "jwe"] as const)("%s cookie cache minted by Better Auth", (strategy) => {
  let minted: Minted;
  beforeAll(async () => {
    minted = await mintCookies({ strategy, secret: SECRET });
  });

  it("verifies the real Set-Cookie headers", async () => {
    const report = await verifyCookies(minted.setCookies.join("\n"), { secrets });
    expect(report.reasons.filter((r) => r.severity !== "info")).toEqual([]);
    expect(report.verdict).toBe("valid");
    expect(report.sessionToken).toMatchObject({ cookieName: TOKEN, secure: false, token: minted.dbToken, signature: "valid" });
    expect(report.sessionToken?.secret).toMatchObject({ source: "test secret 1", current: true });
    expect(report.sessionData).toMatchObject({ strategy, verdict: "valid", cookieName: DATA });
    expect(report.sessionData.session?.token).toBe(minted.dbToken);
    expect(report.sessionData.user?.email).toMatch(/@example\.com$/);
    expect(report.sessionData.expiresAt).toBeGreaterThan(Date.now());
  });

  it("verifies the Cookie header a browser sends back", async () => {
    const report = await verifyCookies(`Cookie: ${minted.cookieHeader}`, { secrets });
    expect(report.verdict).toBe("valid");
  });

  it("rejects a tampered token", async () => {
    const value = minted.values.get(TOKEN) as string;
    const report = await verifyCookies(withValue(minted, TOKEN, flipChar(value, 3)), { secrets });
    expect(report.verdict).toBe("invalid");
    expect(report.sessionToken?.signature).toBe("invalid");
    expect(codes(report)).toContain("signature-mismatch");
    // The cache still names the original token.
    expect(codes(report)).toContain("cache-token-mismatch");
  });

  it("rejects a tampered signature", async () => {
    // Flip a character of the decoded signature: the wire form may start with a %-escape.
    const value = decodeURIComponent(minted.values.get(TOKEN) as string);
    const tampered = encodeURIComponent(flipChar(value, value.indexOf(".") + 1));
    const report = await verifyCookies(withValue(minted, TOKEN, tampered), { secrets });
    expect(report.sessionToken?.signature).toBe("invalid");
    expect(report.sessionToken?.token).toBe(minted.dbToken);
    expect(codes(report)).toContain("signature-mismatch");
  });

  it("rejects a tampered payload but still decodes what it can", async () => {
    const value = minted.values.get(DATA) as string;
    const tampered = tamperPayload(strategy, value);
    const report = await verifyCookies(withValue(minted, DATA, tampered), { secrets });
    expect(report.verdict).toBe("invalid");
    expect(report.sessionData.verdict).toBe("invalid");
    expect(report.sessionToken?.signature).toBe("valid");
    if (strategy === "jwe") {
      expect(codes(report)).toContain("cache-not-decryptable");
    } else {
      expect(codes(report)).toContain("cache-signature-mismatch");
      expect(report.sessionData.user?.email).toBe("mallory@example.com");
    }
  });

  it("rejects truncated values", async () => {
    const token = minted.values.get(TOKEN) as string;
    const data = minted.values.get(DATA) as string;
    const report = await verifyCookies(`${TOKEN}=${token.slice(0, -8)}; ${DATA}=${data.slice(0, -10)}`, { secrets });
    expect(report.verdict).toBe("invalid");
    expect(report.sessionToken?.signature).toBe("malformed");
    expect(report.reasons.find((r) => r.code === "malformed-signature")?.message).toMatch(/cut off/);
    expect(report.sessionData.verdict).toBe("invalid");
  });

  it("rejects a re-encoded (double URL-encoded) session token", async () => {
    const token = minted.values.get(TOKEN) as string;
    const report = await verifyCookies(withValue(minted, TOKEN, encodeURIComponent(token)), { secrets });
    expect(report.sessionToken).toMatchObject({ signature: "malformed", token: minted.dbToken });
    expect(codes(report)).toContain("double-encoded");
  });

  it("rejects a signature re-encoded as base64url and says it would verify", async () => {
    const [token, signature] = decodeURIComponent(minted.values.get(TOKEN) as string).split(".");
    const b64url = Buffer.from(signature, "base64").toString("base64url");
    const report = await verifyCookies(`${TOKEN}=${token}.${b64url}`, { secrets });
    expect(report.sessionToken?.signature).toBe("malformed");
    expect(report.reasons.find((r) => r.code === "malformed-signature")?.message).toMatch(/base64url.*verifies with test secret 1/);
  });

  it("rejects everything when checked against another app's secret", async () => {
    const report = await verifyCookies(minted.cookieHeader, { secrets: secretsOf(OTHER_SECRET) });
    expect(report.verdict).toBe("invalid");
    expect(report.sessionToken?.signature).toBe("invalid");
    expect(report.sessionToken?.token).toBe(minted.dbToken);
    expect(codes(report)).toContain("signature-mismatch");
    expect(codes(report)).toContain(strategy === "jwe" ? "cache-not-decryptable" : "cache-signature-mismatch");
    // Decoded anyway where the format allows it.
    if (strategy !== "jwe") expect(report.sessionData.session?.token).toBe(minted.dbToken);
  });

  it("flags an unsigned raw token (the database token sent as the cookie)", async () => {
    const report = await verifyCookies(`${TOKEN}=${minted.dbToken}`, { secrets });
    expect(report.verdict).toBe("invalid");
    expect(report.sessionToken).toMatchObject({ signature: "missing", token: null });
    expect(report.reasons[0].code).toBe("unsigned-token");
    expect(report.reasons[0].message).toMatch(/#3892/);
  });

  it("reports an expired cache as a warning", async () => {
    const report = await verifyCookies(minted.cookieHeader, { secrets, now: Date.now() + 3600_000 });
    expect(report.sessionData.verdict).toBe("expired");
    expect(report.verdict).toBe("warning");
    expect(codes(report)).toContain("cache-expired");
  });
});

/** Changes the user's email inside the cache the way an attacker would. */
function tamperPayload(strategy: string, value: string): string {
  if (strategy === "compact") {
    const outer = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    outer.session.user.email = "mallory@example.com";
    return Buffer.from(JSON.stringify(outer)).toString("base64url");
  }
  if (strategy === "jwt") {
    const [header, payload, signature] = value.split(".");
    const body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    body.user.email = "mallory@example.com";
    return `${header}.${Buffer.from(JSON.stringify(body)).toString("base64url")}.${signature}`;
  }
  const parts = value.split(".");
  parts[3] = flipChar(parts[3], Math.floor(parts[3].length / 2));
  return parts.join(".");
}
