import { beforeAll, describe, expect, it } from "vitest";
import { verifyCookies } from "../../src/core/cookie";
import { SECRET, type Minted, mintCookies, secretsOf } from "./mint-cookies";

const secrets = secretsOf(SECRET);
const TOKEN = "better-auth.session_token";
const DATA = "better-auth.session_data";

/** Every way people paste cookies must reach the same verdict. */
describe("pasted input formats", () => {
  let minted: Minted;
  let token: string;
  let data: string;
  beforeAll(async () => {
    minted = await mintCookies({ secret: SECRET, strategy: "jwt" });
    token = minted.values.get(TOKEN) as string;
    data = minted.values.get(DATA) as string;
  });

  const inputs: [string, () => string][] = [
    ["a bare URL-encoded value", () => token],
    ["a bare decoded value", () => decodeURIComponent(token)],
    ["name=value", () => `${TOKEN}=${token}`],
    ["name=decoded value", () => `${TOKEN}=${decodeURIComponent(token)}`],
    ["a Cookie header with other cookies", () => `Cookie: _ga=GA1.1.1; ${minted.cookieHeader}; theme=dark`],
    ["a Set-Cookie header", () => `Set-Cookie: ${minted.setCookies[0]}`],
    ["Set-Cookie lines without the header name", () => minted.setCookies.join("\r\n")],
    ["comma-joined Set-Cookie with Expires", () => `set-cookie: ${minted.setCookies.map((l) => `${l}; Expires=Thu, 01 Jan 2099 00:00:00 GMT`).join(", ")}`],
    ["curl -v response lines", () => minted.setCookies.map((l) => `< set-cookie: ${l}`).join("\n")],
    ["curl -b", () => `curl -s -b '${minted.cookieHeader}' http://localhost:3000/api/auth/get-session`],
    ["curl --cookie=", () => `curl --cookie="${minted.cookieHeader}" https://app.example`],
    ["curl -H Cookie with line continuations", () => `curl 'https://app.example/api/auth/get-session' \\\n  -H 'accept: */*' \\\n  -H 'cookie: ${minted.cookieHeader}' \\\n  --compressed`],
    ["curl $'…' quoting", () => `curl $'https://app.example' -H $'Cookie: ${minted.cookieHeader}'`],
    ["devtools table rows", () => `Name\tValue\tDomain\tPath\n${TOKEN}\t${token}\tlocalhost\t/\t2099-01-01T00:00:00.000Z\t90\t✓\t\tLax\n${DATA}\t${data}\tlocalhost\t/\tSession\t1200\t✓\t\tLax`],
    ["a cookie-editor JSON export", () => JSON.stringify([{ name: TOKEN, value: token, domain: "localhost" }, { name: DATA, value: data }])],
    ["a quoted value", () => `${TOKEN}="${token}"`],
  ];

  it.each(inputs)("accepts %s", async (_label, input) => {
    const report = await verifyCookies(input(), { secrets });
    expect(report.sessionToken).toMatchObject({ token: minted.dbToken, signature: "valid" });
    expect(report.verdict).toBe("valid");
  });

  it("reads a bare cache value by its shape", async () => {
    const report = await verifyCookies(data, { secrets });
    expect(report.sessionData).toMatchObject({ strategy: "jwt", verdict: "valid" });
  });

  it("warns when the cache comes without its session token", async () => {
    const report = await verifyCookies(`${DATA}=${data}`, { secrets });
    expect(report.verdict).toBe("warning");
    expect(report.reasons.map((r) => r.code)).toContain("cache-without-token");
  });

  it("takes the first of duplicate cookies in a Cookie header, as Better Auth does", async () => {
    const report = await verifyCookies(`${TOKEN}=${token}; ${TOKEN}=garbage`, { secrets });
    expect(report.verdict).toBe("valid");
  });

  it("lets a later Set-Cookie replace or delete an earlier one", async () => {
    const deleted = await verifyCookies(`${minted.setCookies[0]}\n${TOKEN}=; Max-Age=0; Path=/`, { secrets });
    expect(deleted.sessionToken).toBeNull();
    expect(deleted.reasons.map((r) => r.code)).toContain("cookie-deleted");
  });

  it("reports input without Better Auth cookies as an input problem", async () => {
    const report = await verifyCookies("Cookie: _ga=GA1.2.3; theme=dark", { secrets });
    expect(report).toMatchObject({ verdict: "invalid", inputProblem: "no-cookie", ignoredCookies: 2 });
  });

  it("reads values under unknown names when they look like Better Auth's", async () => {
    const report = await verifyCookies(`session=${token}`, { secrets });
    expect(report.sessionToken?.signature).toBe("valid");
    expect(report.reasons.map((r) => r.code)).toContain("unknown-value");
  });

  it("reports empty input", async () => {
    expect((await verifyCookies("  \n ")).inputProblem).toBe("empty");
  });

  it("mentions curl cookie-jar files it cannot read", async () => {
    const report = await verifyCookies("curl -b cookies.txt https://x.example", { secrets });
    expect(report.reasons.some((r) => r.message.includes("cookies.txt"))).toBe(true);
  });
});
