import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { OLD_SECRET, SECRET, type Minted, mintCookies } from "./mint-cookies";

function fakeIo(env: Record<string, string> = {}, stdin = "", cwd = process.cwd()): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    env,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: () => Promise.resolve(stdin),
  };
  return io;
}

describe("better-auth-doctor cookie", () => {
  let minted: Minted;
  let rotated: Minted;
  beforeAll(async () => {
    [minted, rotated] = await Promise.all([
      mintCookies({ secret: SECRET }),
      mintCookies({ secrets: [{ version: 1, value: OLD_SECRET }] }),
    ]);
  });

  it("prints the JSON shape with keys in the documented order and exits 0", async () => {
    const io = fakeIo({ BETTER_AUTH_SECRET: SECRET });
    const code = await main(["cookie", "--format", "json", minted.cookieHeader], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(io.out);
    expect(Object.keys(json)).toEqual(["verdict", "reasons", "sessionToken", "sessionData", "cookies"]);
    expect(Object.keys(json.sessionToken)).toEqual(["cookieName", "secure", "token", "signature", "secret"]);
    expect(Object.keys(json.sessionData)).toEqual(["strategy", "verdict", "session", "user", "expiresAt"]);
    expect(Object.keys(json.cookies[0])).toEqual(["name", "kind", "verdict"]);
    expect(json).toMatchObject({
      verdict: "valid",
      reasons: [],
      sessionToken: { cookieName: "better-auth.session_token", secure: false, token: minted.dbToken, signature: "valid", secret: { source: "BETTER_AUTH_SECRET (environment)", version: null } },
      sessionData: { strategy: "compact", verdict: "valid" },
      cookies: [
        { name: "better-auth.session_token", kind: "session_token", verdict: "valid" },
        { name: "better-auth.session_data", kind: "session_data", verdict: "valid" },
      ],
    });
    expect(new Date(json.sessionData.expiresAt).toISOString()).toBe(json.sessionData.expiresAt);
    expect(io.out).not.toContain(SECRET);
  });

  it("reads stdin for '-' and secrets from --env-file, and exits 1 on a rotation warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-cli-"));
    writeFileSync(join(dir, ".env"), `BETTER_AUTH_SECRETS=2:${SECRET},1:${OLD_SECRET}\n`);
    const io = fakeIo({}, rotated.setCookies.join("\n"), dir);
    const code = await main(["cookie", "--env-file", ".env", "--format=json", "-"], io);
    const json = JSON.parse(io.out);
    expect(code).toBe(1);
    expect(json.verdict).toBe("warning");
    expect(json.sessionToken.secret).toEqual({ source: "BETTER_AUTH_SECRETS (.env)", version: 1 });
    expect(json.reasons.every((r: unknown) => typeof r === "string")).toBe(true);
    expect(io.out + io.err).not.toContain(OLD_SECRET);
  });

  it("exits 1 for an invalid cookie and prints a readable text report", async () => {
    const io = fakeIo({ BETTER_AUTH_SECRET: "some-other-secret-value-0123456789" });
    const code = await main(["cookie", minted.cookieHeader], io);
    expect(code).toBe(1);
    expect(io.out).toMatch(/^INVALID\n/);
    expect(io.out).toContain("✗ better-auth.session_token: the signature does not match the secret tried (BETTER_AUTH_SECRET (environment))");
    expect(io.out).toContain(`token      ${minted.dbToken}`);
    expect(io.out).toMatch(/expires {4}.+ \| \d{4}-\d\d-\d\dT.+Z \| in \d+ minutes/);
    expect(io.out).not.toContain("some-other-secret-value");
  });

  it("joins an unquoted Cookie header split by the shell", async () => {
    const io = fakeIo({ BETTER_AUTH_SECRET: SECRET });
    const words = `Cookie: ${minted.cookieHeader}`.split(" ");
    expect(await main(["cookie", ...words], io)).toBe(0);
  });

  it.each([
    [["cookie", "--format", "yaml", "x"], /--format must be text or json/],
    [["cookie", "--bogus"], /unknown option/],
    [["cookie", "--env-file"], /--env-file needs a value/],
  ])("exits 2 on usage errors: %j", async (argv, message) => {
    const io = fakeIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });

  it("exits 2 on input errors", async () => {
    for (const input of ["", "just some words", "Cookie: theme=dark"]) {
      const io = fakeIo({}, input);
      expect(await main(["cookie", "--format", "json"], io)).toBe(2);
      expect(JSON.parse(io.out).verdict).toBe("invalid");
    }
    const missing = fakeIo();
    expect(await main(["cookie", "--env-file", "/nonexistent/.env", "x"], missing)).toBe(2);
    expect(missing.err).toContain("Cannot read env file");
  });

  it("prints help", async () => {
    const io = fakeIo();
    expect(await main(["cookie", "--help"], io)).toBe(0);
    expect(io.out).toContain("Exit status: 0 valid, 1 invalid or warning, 2 usage or input error.");
  });
});
