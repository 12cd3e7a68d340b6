import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { VERSION_FORMS } from "../../src/core/version/override";
import { renderCookieReport } from "../../src/cli/render-cookie-report";
import { verifyCookies } from "../../src/core/cookie";
import { jsoncParserEsm } from "../../scripts/esbuild-plugins.mjs";
import { SECRET, type Minted, mintCookies, secretsOf } from "./mint-cookies";

/** Any control character but the newlines the renderer itself puts between lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function cli(args: string[], env: Record<string, string> = { BETTER_AUTH_SECRET: SECRET }) {
  const io = { out: "", err: "", cwd: process.cwd(), env, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") } satisfies CliIo & { out: string; err: string };
  return { code: await main(["cookie", ...args], io), io };
}

/** A compact cache with any JSON inside and a made-up signature: decoded, shown, not verified. */
function forgedCompact(session: unknown): string {
  return Buffer.from(JSON.stringify({ session, expiresAt: Date.now() + 60_000, signature: "A".repeat(43) })).toString("base64url");
}

describe("hostile cookies", () => {
  let minted: Minted;
  beforeAll(async () => {
    minted = await mintCookies({ secret: SECRET });
  });

  it("a forged cache cannot print escapes or a fake VALID line in text output", async () => {
    const evil = forgedCompact({ session: { token: "t" }, user: { name: "\u001b[2J\u001b[H\rVALID\n  ✓ signature valid\u009b31m\u202e" } });
    const { code, io } = await cli([`${minted.cookieHeader.split("; ")[0]}; better-auth.session_data=${evil}`]);
    expect(code).toBe(1);
    expect(io.out).toMatch(/^INVALID\n/);
    expect(io.out).not.toMatch(RAW_CONTROL);
    expect(io.out.split("\n").filter((line) => line.startsWith("VALID"))).toEqual([]);
    expect(io.out).toContain("\\x1b[2J\\x1b[H\\x0dVALID\\x0a  ✓ signature valid\\x9b31m\\u202e");
  });

  it("text output of any input contains no raw control character", async () => {
    const secrets = secretsOf(SECRET);
    const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1"));
    const field = fc.string({ unit: "binary", maxLength: 60 });
    const input = fc.oneof(
      bytes,
      bytes.map((b) => `better-auth.session_token=${b}`),
      bytes.map((b) => `Set-Cookie: ${b}`),
      fc.tuple(field, field).map(([name, email]) => `better-auth.session_data=${forgedCompact({ session: { token: name }, user: { name, email } })}`),
      field.map((name) => `${name}=${forgedCompact({ session: {}, user: { name } })}`),
    );
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        const out = renderCookieReport(await verifyCookies(text, { secrets }));
        expect(out).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 500 },
    );
  });

  it("a cache nested 5,000 levels deep: both formats print a report, exit 1, and the core never throws", async () => {
    // Written as text: JSON.stringify itself overflows on such a value.
    const deep = `${"[".repeat(5000)}"x"${"]".repeat(5000)}`;
    const cache = Buffer.from(`{"session":{"session":{"token":"t","deep":${deep}},"user":{}},"expiresAt":${Date.now() + 60_000},"signature":"${"A".repeat(43)}"}`).toString("base64url");
    expect(cache.length).toBeGreaterThan(13_000);
    const header = `${minted.cookieHeader.split("; ")[0]}; better-auth.session_data=${cache}`;
    for (const format of ["json", "text"]) {
      const { code, io } = await cli(["--format", format, header]);
      expect(io.err).toBe("");
      expect(code).toBe(1);
      const message = "better-auth.session_data holds JSON nested more than 64 levels deep; Better Auth never writes that, so it was crafted or corrupted. It is not decoded.";
      if (format === "json") {
        const json = JSON.parse(io.out);
        expect(json.verdict).toBe("invalid");
        expect(json.sessionData).toMatchObject({ verdict: "invalid", session: null });
        // The header itself is over 8 KB, which servers answer with 431.
        expect(json.reasons).toEqual([message, expect.stringMatching(/^The Cookie header is \d+ bytes; many servers/)]);
      } else expect(io.out).toContain(`✗ ${message}`);
    }
    let jwtDeep = "0";
    for (let i = 0; i < 5000; i++) jwtDeep = `{"a":${jwtDeep}}`;
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(jwtDeep).toString("base64url")}.sig`;
    const report = await verifyCookies(`better-auth.session_data=${jwt}`, { secrets: secretsOf(SECRET) });
    expect(report.sessionData.verdict).toBe("invalid");
    expect(() => JSON.stringify(report)).not.toThrow();
  });
});

describe("command-line validation", () => {
  it.each([
    [["--url", "::::", "x"], "better-auth-doctor cookie: --url must be an http:// or https:// URL, not '::::'\n"],
    [["--url", "ftp://example.com", "x"], "better-auth-doctor cookie: --url must be an http:// or https:// URL, not 'ftp://example.com'\n"],
    [["first-value", "second-value"], "better-auth-doctor cookie: give one input (quote it) or '-' for stdin; got 2 arguments\n"],
    [["--better-auth-version", "latest", "x"], `better-auth-doctor cookie: --better-auth-version 'latest' is not a Better Auth version; expected ${VERSION_FORMS}\n`],
  ])("%j exits 2 with the tool's message", async (args, message) => {
    const { code, io } = await cli(args);
    expect(io.err).toBe(message);
    expect(code).toBe(2);
  });

  it("BETTER_AUTH_SECRETS with a repeated version exits 2, as Better Auth refuses to start", async () => {
    const { code, io } = await cli(["x"], { BETTER_AUTH_SECRETS: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,1:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" });
    expect(code).toBe(2);
    expect(io.err).toBe(
      'better-auth-doctor cookie: BETTER_AUTH_SECRETS (environment): entry 2 repeats version 1; Better Auth refuses to start with duplicate versions ("Duplicate version 1 in `secrets`").\n',
    );
    expect(io.err).not.toContain("aaaa");
  });
});

describe("the built CLI on this Node", () => {
  let cliFile: string;
  beforeAll(async () => {
    cliFile = join(mkdtempSync(join(tmpdir(), "bad-cli-build-")), "cli.js");
    await build({ entryPoints: ["src/cli/main.ts"], bundle: true, platform: "node", format: "cjs", outfile: cliFile, logLevel: "silent", plugins: [jsoncParserEsm] });
  });

  it("--dotenv with a missing file exits 2 with the tool's message", () => {
    const run = spawnSync(process.execPath, [cliFile, "cookie", "--dotenv", "/nonexistent/.env", "x"], { encoding: "utf8" });
    expect(run.stderr).toBe("better-auth-doctor cookie: Cannot read env file /nonexistent/.env (ENOENT).\n");
    expect(run.status).toBe(2);
  });

  it("on Node 20, Node itself takes --env-file (exit 9); the help names --dotenv", () => {
    const run = spawnSync(process.execPath, [cliFile, "cookie", "--env-file", "/nonexistent/.env", "x"], { encoding: "utf8" });
    if (process.versions.node.startsWith("20.")) expect(run.status).toBe(9);
    else expect(run.status).toBe(2);
    expect(execFileSync(process.execPath, [cliFile, "cookie", "--help"], { encoding: "utf8" })).toContain("--dotenv FILE");
  });
});
