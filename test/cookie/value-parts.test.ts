import { beforeAll, describe, expect, it } from "vitest";
import { toJsonReport, verifyCookies } from "../../src/core/cookie";
import type { CookieResult } from "../../src/core/cookie/types";
import { type Minted, mintCookies, SECRET, secretsOf } from "./mint-cookies";

// The report carries each cookie's value as the checks read it (raw, decoded once, cut into its
// parts) so views need not parse the input again; the CLI's JSON leaves it out.

const TOKEN = "better-auth.session_token";
const DATA = "better-auth.session_data";
const secrets = secretsOf(SECRET);
const partTexts = (cookie: CookieResult) => cookie.value.parts.map((part) => [part.kind, cookie.value.decoded.slice(part.start, part.end)]);
const byName = (cookies: CookieResult[], name: string) => cookies.find((cookie) => cookie.name === name) as CookieResult;

describe("the value of each cookie in the report", () => {
  const minted: Record<string, Minted> = {};
  beforeAll(async () => {
    for (const strategy of ["compact", "jwt", "jwe"] as const) minted[strategy] = await mintCookies({ strategy, secret: SECRET });
  });

  it("keeps the signed token's wire value, decodes it once and splits it where the signature check did", async () => {
    const report = await verifyCookies(minted.compact.cookieHeader, { secrets });
    const token = byName(report.cookies, TOKEN);
    const wire = minted.compact.values.get(TOKEN) as string;
    expect(token.value.raw).toBe(wire);
    expect(token.value.decoded).toBe(decodeURIComponent(wire));
    const [[, tokenText], [, signature]] = partTexts(token);
    expect(partTexts(token).map(([kind]) => kind)).toEqual(["token", "signature"]);
    expect(tokenText).toBe(report.sessionToken?.token);
    expect(tokenText).toBe(minted.compact.dbToken);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("gives a compact cache whole, and jwt and jwe caches in the segments their strategy has", async () => {
    const expected = { compact: ["cache"], jwt: ["jwt-header", "jwt-payload", "jwt-signature"], jwe: ["jwe-header", "jwe-encrypted-key", "jwe-iv", "jwe-ciphertext", "jwe-tag"] };
    for (const strategy of ["compact", "jwt", "jwe"] as const) {
      const report = await verifyCookies(minted[strategy].cookieHeader, { secrets });
      expect(report.sessionData.strategy).toBe(strategy);
      const data = byName(report.cookies, DATA);
      expect(data.value.parts.map((part) => part.kind)).toEqual(expected[strategy]);
      // The segments and the dots between them are the whole value.
      expect(partTexts(data).map(([, text]) => text).join(".")).toBe(data.value.decoded);
      expect(data.value.raw).toBe(minted[strategy].values.get(DATA));
    }
  });

  it("joins a chunked cache by index, as Better Auth does, before cutting it", async () => {
    const big = await mintCookies({ secret: SECRET, strategy: "jwt", nameLength: 6000 });
    const chunks = [...big.values.keys()].filter((name) => name.startsWith(`${DATA}.`)).sort();
    expect(chunks.length).toBeGreaterThan(1);
    // Pasted in reverse order: the index decides, not the order.
    const header = [...big.values].filter(([name]) => name !== DATA).reverse().map(([name, value]) => `${name}=${value}`).join("; ");
    const report = await verifyCookies(header, { secrets });
    const data = byName(report.cookies, DATA);
    expect(data.chunks).toBe(chunks.length);
    expect(data.value.raw).toBe(chunks.map((name) => big.values.get(name)).join(""));
    expect(data.value.parts.map((part) => part.kind)).toEqual(["jwt-header", "jwt-payload", "jwt-signature"]);
  });

  it("keeps an unsigned token whole and a value it cannot place as one plain part", async () => {
    const report = await verifyCookies(`${TOKEN}=Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK; ${DATA}=not.a.cache`, { secrets });
    expect(partTexts(byName(report.cookies, TOKEN))).toEqual([["token", "Zq3p2XbKf8aLmN0rT5vW7yA9cE1gH4jK"]]);
    expect(partTexts(byName(report.cookies, DATA))).toEqual([["cache", "not.a.cache"]]);
  });

  it("marks the cookies a Set-Cookie line set, and keeps the URL the input named", async () => {
    const setCookie = await verifyCookies(minted.compact.setCookies.join("\n"), { secrets });
    expect(setCookie.cookies.map((cookie) => cookie.fromSetCookie)).toEqual(setCookie.cookies.map(() => true));
    const header = await verifyCookies(minted.compact.cookieHeader, { secrets });
    expect(header.cookies.map((cookie) => cookie.fromSetCookie)).toEqual(header.cookies.map(() => false));
    expect(header.url).toBeUndefined();
    const curl = await verifyCookies(`curl -b '${minted.compact.cookieHeader}' https://app.example.com/api/auth/get-session`, { secrets });
    expect(curl.url).toBe("https://app.example.com/api/auth/get-session");
    expect((await verifyCookies(minted.compact.cookieHeader, { secrets, url: "http://localhost:3000/" })).url).toBe("http://localhost:3000/");
  });

  it("stays out of the CLI's JSON", async () => {
    const report = await verifyCookies(minted.jwt.setCookies.join("\n"), { secrets });
    const json = JSON.stringify(toJsonReport(report));
    expect(json).not.toContain(minted.jwt.values.get(DATA) as string);
    expect(Object.keys(toJsonReport(report).cookies[0])).toEqual(["name", "kind", "verdict"]);
    expect(Object.keys(toJsonReport(report))).toEqual(["verdict", "reasons", "sessionToken", "sessionData", "cookies"]);
  });
});
