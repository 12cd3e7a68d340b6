import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { SECRET } from "./mint-cookies";
import { mintOnce, mintWithVersion } from "./mint-versions";

// Better Auth 1.1.20–1.3.3 reads the clock twice when it writes the compact cache (once for the
// stored expiresAt, once inside the signed JSON). With a clock that ticks on every read, the
// real 1.2.12 writes the cache it sometimes writes in production: one it rejects itself. The
// report must say so, and must not call it altered.

async function cli(args: string[]) {
  const io = { out: "", err: "", cwd: process.cwd(), env: { BETTER_AUTH_SECRET: SECRET }, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: () => Promise.resolve("") } satisfies CliIo & { out: string; err: string };
  const code = await main(["cookie", "--format", "json", ...args], io);
  return { code, json: JSON.parse(io.out) };
}

const realNow = Date.now;
afterEach(() => {
  Date.now = realNow;
});

describe("a compact cache Better Auth wrote across a millisecond tick", () => {
  it("is invalid, as Better Auth itself judges it, and named as its own clock skew rather than an altered cache", async () => {
    let clock = realNow();
    Date.now = () => clock++;
    const minted = await mintOnce("1.2", {});
    Date.now = realNow;

    const { json } = await cli(["--better-auth-version", "1.2.12", minted.cookieHeader]);
    expect(json.sessionToken).toMatchObject({ signature: "valid" });
    expect(json.sessionData).toMatchObject({ strategy: "compact", verdict: "invalid" });
    // JSON reasons are the messages (docs/cookie.md).
    expect(json.reasons).toHaveLength(1);
    expect(json.reasons[0]).toMatch(
      /^better-auth\.session_data was written by Better Auth itself \(it verifies with BETTER_AUTH_SECRET \(environment\) once its expiry is read \d+ ms later\), not altered: Better Auth 1\.1\.20–1\.3\.3 read the clock twice .* Better Auth 1\.2\.12 then deletes the cache and getSession returns null for this request\. Better Auth 1\.3\.4 and later read it once\.$/,
    );
  });

  it("a cache the same version wrote in one tick verifies, with no clock-skew reason", async () => {
    const minted = await mintWithVersion("1.2", {});
    const { json } = await cli(["--better-auth-version", "1.2.12", minted.cookieHeader]);
    expect(json.sessionData).toMatchObject({ strategy: "compact", verdict: "valid" });
    expect(json.reasons).toEqual([]);
  });
});
