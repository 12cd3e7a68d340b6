import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { compactCacheText } from "../../src/core/cookie/cache/compact-cache";
import { OTHER_SECRET, SECRET } from "./mint-cookies";
import { EXACT, MINORS, type Minor, mintWithVersion, type VersionMinted } from "./mint-versions";

/** Every minor version 0.8–1.7, end to end through the CLI with the version given. */

async function cli(args: string[], env: Record<string, string> = { BETTER_AUTH_SECRET: SECRET }) {
  const io = { out: "", err: "", cwd: process.cwd(), env, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") } satisfies CliIo & { out: string; err: string };
  const code = await main(["cookie", ...args], io);
  return { code, io, json: args.includes("json") && io.out ? JSON.parse(io.out) : undefined };
}

/** Rewrites the compact cache's user name, keeping its signature and wire format (0.8 quoted). */
function tamperCompact(wire: string): string {
  const value = decodeURIComponent(wire);
  const quoted = value.startsWith('"');
  const outer = JSON.parse(compactCacheText(value) as string);
  outer.session.user.name = "Mallory";
  const body = Buffer.from(JSON.stringify(outer)).toString("base64url");
  return quoted ? encodeURIComponent(`"${body}${"=".repeat((4 - (body.length % 4)) % 4)}"`) : body;
}

const CONSEQUENCE: Record<Minor, RegExp> = {
  "0.8": /Better Auth 0\.8\.8 then deletes the session cookies: the user is signed out\.$/,
  "1.0": /Better Auth 1\.0\.22 then deletes the session cookies: the user is signed out\.$/,
  "1.1": /Better Auth 1\.1\.21 then deletes the cache and getSession returns null for this request\.$/,
  "1.2": /Better Auth 1\.2\.12 then deletes the cache and getSession returns null for this request\.$/,
  "1.3": /Better Auth 1\.3\.34 then deletes the cache and getSession returns null for this request\.$/,
  "1.4": /Better Auth 1\.4\.22 then deletes the cache and getSession returns null for this request\.$/,
  "1.5": /Better Auth 1\.5\.6 then deletes the cache and getSession returns null for this request\.$/,
  "1.6": /Better Auth 1\.6\.34 then deletes the cache and reads the session from the database\.$/,
  "1.7": /Better Auth 1\.7\.25 then deletes the cache and reads the session from the database\.$/,
};

const minted = new Map<Minor, { main: VersionMinted; other: VersionMinted; strategies: VersionMinted[] }>();

beforeAll(async () => {
  for (const minor of MINORS) {
    const hasStrategies = minor >= "1.4";
    const [main, other, ...strategies] = await Promise.all([
      mintWithVersion(minor, { multiSession: true, rememberMe: false }),
      mintWithVersion(minor),
      ...(hasStrategies ? [mintWithVersion(minor, { strategy: "jwt" }), mintWithVersion(minor, { strategy: "jwe" })] : []),
    ]);
    minted.set(minor, { main, other, strategies });
  }
}, 180_000);

describe.each(MINORS)("Better Auth %s cookies through the CLI", (minor) => {
  const version = ["--better-auth-version", EXACT[minor]];
  const get = () => minted.get(minor) as { main: VersionMinted; other: VersionMinted; strategies: VersionMinted[] };

  it("every cookie of a sign-up verifies with the app's secret: valid, exit 0", async () => {
    const { main } = get();
    const { code, json, io } = await cli([...version, "--format", "json", main.cookieHeader]);
    expect(io.err).toBe("");
    expect(json.reasons).toEqual([]);
    expect(json.verdict).toBe("valid");
    expect(code).toBe(0);
    expect(json.sessionToken).toMatchObject({ token: main.dbToken, signature: "valid", secret: { source: "BETTER_AUTH_SECRET (environment)", version: null } });
    expect(json.sessionData).toMatchObject({ strategy: "compact", verdict: "valid" });
    const kinds = json.cookies.map((c: { kind: string; verdict: string }) => `${c.kind}:${c.verdict}`).sort();
    expect(kinds).toEqual(
      [
        "session_data:valid",
        "session_token:valid",
        "session_token_multi:valid",
        ...(minor >= "1.3" ? ["dont_remember:valid"] : []),
      ].sort(),
    );
  });

  it("a wrong secret: invalid, exit 1, and the text says which secret was tried", async () => {
    const { code, io } = await cli([...version, get().main.cookieHeader], { BETTER_AUTH_SECRET: OTHER_SECRET });
    expect(code).toBe(1);
    expect(io.out).toMatch(/^INVALID\n/);
    expect(io.out).toContain("✗ better-auth.session_token: the signature does not match the secret tried (BETTER_AUTH_SECRET (environment)) nor Better Auth's public defaults.");
    expect(io.out).toContain(`Judged as Better Auth ${EXACT[minor]} behaves.`);
  });

  it("an altered cache: invalid, exit 1, with what this version then does", async () => {
    const { main } = get();
    const data = main.values.get("better-auth.session_data") as string;
    const header = `better-auth.session_token=${main.values.get("better-auth.session_token")}; better-auth.session_data=${tamperCompact(data)}`;
    const { code, json } = await cli([...version, "--format", "json", header]);
    expect(code).toBe(1);
    expect(json.verdict).toBe("invalid");
    expect(json.sessionData.verdict).toBe("invalid");
    expect(json.sessionData.user.name).toBe("Mallory");
    expect(json.reasons).toHaveLength(1);
    expect(json.reasons[0]).toMatch(/^better-auth\.session_data: the compact cache signature does not match the secret tried/);
    expect(json.reasons[0]).toMatch(CONSEQUENCE[minor]);
  });

  it("a cache from another session: warning, exit 1, with what this version serves", async () => {
    const { main, other } = get();
    const header = `better-auth.session_token=${main.values.get("better-auth.session_token")}; better-auth.session_data=${other.values.get("better-auth.session_data")}`;
    const { code, json } = await cli([...version, "--format", "json", header]);
    expect(json.reasons).toEqual([
      `better-auth.session_data belongs to another session (its session token differs from the one in better-auth.session_token): a stale cache or cookies from two sign-ins. ${
        minor === "1.7"
          ? "Better Auth 1.7.25 discards the cache and reads the database."
          : `Better Auth ${EXACT[minor]} does not compare them: getSession serves the other session's data (its user) until the cache expires.`
      }`,
    ]);
    expect(json.verdict).toBe("warning");
    expect(code).toBe(1);
  });

  it.runIf(minor >= "1.4")("jwt and jwe caches verify: valid, exit 0", async () => {
    for (const [i, cookies] of get().strategies.entries()) {
      const { code, json } = await cli([...version, "--format", "json", cookies.cookieHeader]);
      expect(json.reasons).toEqual([]);
      expect(code).toBe(0);
      expect(json.sessionData).toMatchObject({ strategy: i === 0 ? "jwt" : "jwe", verdict: "valid", user: { name: "Ada" } });
    }
  });
});

describe("version-specific verdicts", () => {
  it("1.0's compact cache (signed without expiresAt) is valid for 1.0 and a legacy warning for 1.7", async () => {
    const header = minted.get("1.0")?.main.cookieHeader as string;
    expect((await cli(["--better-auth-version", "1.0.22", "--format", "json", header])).json.verdict).toBe("valid");
    const newer = await cli(["--better-auth-version", "1.7.25", "--format", "json", header]);
    expect(newer.code).toBe(1);
    expect(newer.json.reasons).toContain(
      "better-auth.session_data is signed the pre-1.1.20 way (signature over the session without expiresAt). Better Auth 1.7.25 rejects it and reads the database: a cookie left from before an upgrade.",
    );
  });

  it("1.1's multi-session cookie keeps the token's case: valid for 1.1, a name mismatch for 1.7", async () => {
    const main = minted.get("1.1")?.main as VersionMinted;
    const name = [...main.values.keys()].find((n) => n.includes("_multi-")) as string;
    expect(name).not.toBe(name.toLowerCase());
    const header = `${name}=${main.values.get(name)}`;
    const old = await cli(["--better-auth-version", "1.1.21", "--format", "json", header]);
    expect(old.json.cookies).toEqual([{ name, kind: "session_token_multi", verdict: "valid" }]);
    const newer = await cli(["--better-auth-version", "1.7.25", "--format", "json", header]);
    expect(newer.json.reasons).toEqual([
      `${name} carries a token that does not match its name (Better Auth 1.7.25 names it after the token in lowercase); the multi-session plugin will not find it.`,
    ]);
  });

  it("1.7's jwt plugin cache: unverified without keys (never invalid), valid with the app's JWKS", async () => {
    const cookies = await mintWithVersion("1.7", { strategy: "jwt", jwtPlugin: true });
    const without = await cli(["--better-auth-version", "1.7.25", "--format", "json", cookies.cookieHeader]);
    expect(without.code).toBe(1);
    expect(without.json.verdict).toBe("warning");
    expect(without.json.sessionData).toMatchObject({ strategy: "jwt", verdict: "unverified", user: { name: "Ada" } });
    expect(without.json.reasons).toHaveLength(1);
    expect(without.json.reasons[0]).toMatch(/^better-auth\.session_data is the jwt plugin's sessionCookieCache, signed with the app's JWKS key \(kid .+\), not with the secret: it cannot be verified here\./);

    const dir = mkdtempSync(join(tmpdir(), "bad-jwks-"));
    writeFileSync(join(dir, "jwks.json"), JSON.stringify(cookies.jwks));
    const withKeys = await cli(["--better-auth-version", "1.7.25", "--format", "json", "--jwks", join(dir, "jwks.json"), cookies.cookieHeader]);
    expect(withKeys.json.reasons).toEqual([]);
    expect(withKeys.code).toBe(0);
    expect(withKeys.json.sessionData).toMatchObject({ strategy: "jwt", verdict: "valid" });

    const data = cookies.values.get("better-auth.session_data") as string;
    const [h, p, s] = data.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    payload.user.name = "Mallory";
    const forged = `better-auth.session_token=${cookies.values.get("better-auth.session_token")}; better-auth.session_data=${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    const altered = await cli(["--better-auth-version", "1.7.25", "--format", "json", "--jwks", join(dir, "jwks.json"), forged]);
    expect(altered.code).toBe(1);
    expect(altered.json.sessionData.verdict).toBe("invalid");
    expect(altered.json.reasons[0]).toMatch(/^better-auth\.session_data: its signature does not verify with key .+ of .+jwks\.json: the cache was altered\./);
  });
});
