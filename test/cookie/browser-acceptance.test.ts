import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { SECRET, type Minted, mintCookies } from "./mint-cookies";

async function cli(args: string[]) {
  const io = { out: "", err: "", cwd: process.cwd(), env: { BETTER_AUTH_SECRET: SECRET }, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") } satisfies CliIo & { out: string; err: string };
  const code = await main(["cookie", "--format", "json", ...args], io);
  return { code, json: JSON.parse(io.out), err: io.err };
}

/** Better Auth's real Set-Cookie lines, with attributes edited the way misconfigured apps send them. */
describe("does the browser keep the Set-Cookie? (RFC 6265bis as browsers apply it)", () => {
  let plain: Minted;
  let secure: Minted;
  let token: string;
  beforeAll(async () => {
    [plain, secure] = await Promise.all([mintCookies({ secret: SECRET }), mintCookies({ secret: SECRET, useSecureCookies: true })]);
    token = plain.setCookies.find((line) => line.startsWith("better-auth.session_token=")) as string;
  });

  it("Better Auth's own lines are kept: valid, exit 0", async () => {
    expect((await cli(["--url", "http://localhost:3000/", plain.setCookies.join("\n")])).json.reasons).toEqual([]);
    const onHttps = await cli(["--url", "https://app.example.com/", secure.setCookies.join("\n")]);
    expect(onHttps.json.reasons).toEqual([]);
    expect(onHttps.code).toBe(0);
  });

  it.each([
    ["Secure from an http origin", (l: string) => `${l}; Secure`, "http://app.example.com/", "Browsers drop this Set-Cookie for better-auth.session_token: it has Secure but http://app.example.com is http. Only https (or http://localhost) may set Secure cookies."],
    ["SameSite=None without Secure", (l: string) => l.replace("SameSite=Lax", "SameSite=None"), "https://app.example.com/", "Browsers drop this Set-Cookie for better-auth.session_token: SameSite=None needs Secure."],
    ["Partitioned without Secure", (l: string) => `${l}; Partitioned`, "https://app.example.com/", "Browsers drop this Set-Cookie for better-auth.session_token: Partitioned (CHIPS) needs Secure."],
    ["a public-suffix Domain", (l: string) => `${l}; Domain=.vercel.app`, "https://my-app.vercel.app/", "Browsers drop this Set-Cookie for better-auth.session_token: Domain=.vercel.app is a public suffix: no site may set cookies for all of it. Set crossSubDomainCookies.domain to your own domain, or leave it unset."],
    ["a Domain that is not a parent of the host", (l: string) => `${l}; Domain=example.org`, "https://app.example.com/", "Browsers drop this Set-Cookie for better-auth.session_token: Domain=example.org is not app.example.com or a parent of it, so https://app.example.com may not set it."],
    ["__Host- with a Domain", (l: string) => `__Host-${l}; Secure; Domain=example.com`, "https://app.example.com/", 'Browsers drop this Set-Cookie for __Host-better-auth.session_token: a "__Host-" cookie needs Secure, Path=/ and no Domain (it has Domain=example.com).'],
  ])("%s: invalid, exit 1", async (_, edit, url, message) => {
    const { code, json } = await cli(["--url", url, edit(token)]);
    expect(json.reasons).toEqual([message]);
    expect(json.verdict).toBe("invalid");
    expect(code).toBe(1);
  });

  it("a parent Domain is kept; Max-Age over 400 days is capped: warning, exit 1", async () => {
    expect((await cli(["--url", "https://app.example.com/", `${token}; Domain=.example.com`])).json.reasons).toEqual([]);
    const { code, json } = await cli(["--url", "https://app.example.com/", token.replace(/Max-Age=\d+/, "Max-Age=63072000")]);
    expect(json.reasons).toEqual(["better-auth.session_token asks to live 730 days; browsers cap every cookie at 400 days, so it expires sooner than the session may."]);
    expect(code).toBe(1);
  });

  it("a cookie over 4,096 bytes is dropped; a Cookie header over 8 KB draws a 431 warning", async () => {
    const big = await mintCookies({ secret: SECRET, nameLength: 3000 });
    const dataLine = big.setCookies.find((l) => l.startsWith("better-auth.session_data")) as string;
    const unchunked = dataLine.replace(/^better-auth\.session_data(?:\.\d+)?=([^;]*)/, (_, v: string) => `better-auth.session_data=${v}${v}`);
    const dropped = await cli(["--url", "http://localhost:3000/", unchunked]);
    expect(dropped.json.reasons.some((r: string) => /^Browsers drop this Set-Cookie for better-auth\.session_data: name and value are \d{4} bytes; browsers ignore cookies over 4096\./.test(r))).toBe(true);
    expect(dropped.code).toBe(1);

    const header = `${plain.cookieHeader}; ${Array.from({ length: 90 }, (_, i) => `tracking_${i}=${"x".repeat(90)}`).join("; ")}`;
    const large = await cli([header]);
    expect(large.json.reasons).toEqual([
      `The Cookie header is ${Buffer.byteLength(header)} bytes; many servers and proxies (nginx by default) answer requests with a header over 8 KB with 431 Request Header Fields Too Large, before Better Auth sees them. Remove stale cookies or shrink the cookie cache.`,
    ]);
    expect(large.code).toBe(1);
  });
});
