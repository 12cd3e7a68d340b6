import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CookieReport, toJsonReport, verifyCookies } from "../../src/core/cookie";
import { SECRET, type Minted, mintCookies, secretsOf } from "./mint-cookies";

const secrets = secretsOf(SECRET);
const VERDICTS = ["valid", "invalid", "warning"];

function wellFormed(report: CookieReport): void {
  expect(VERDICTS).toContain(report.verdict);
  expect(Array.isArray(report.reasons)).toBe(true);
  // The JSON form must always serialise.
  expect(() => JSON.stringify(toJsonReport(report))).not.toThrow();
}

/** Hostile fragments: cookie syntax, escapes, JOSE-looking parts, unicode. */
const fragment = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom("%", "%%", "%E0%A4%A", "%253D", "=", ";", ",", ".", "\t", "\n", "\r\n", '"', "'", "\\", "$'", "__Secure-", "__Host-"),
  fc.constantFrom("better-auth.session_token=", "better-auth.session_data.0=", "better-auth.session_data.99=", "x.account_data=", "Cookie: ", "Set-Cookie: ", "curl -b ", "-H 'cookie: ", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0", "eyJ9", "http://", "Expires=Thu, 01 Jan 1970"),
  fc.base64String(),
);
const hostile = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));

describe("the decoder on random and hostile input", () => {
  let minted: Minted;
  beforeAll(async () => {
    minted = await mintCookies({ secret: SECRET, strategy: "jwe" });
  });

  it("never throws and always gives a verdict", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        wellFormed(await verifyCookies(input, { secrets }));
      }),
      { numRuns: 400 },
    );
  });

  it("survives real cookies mutated at random", async () => {
    const real = minted.setCookies.join("\n");
    await fc.assert(
      fc.asyncProperty(fc.nat(real.length - 1), fc.nat(real.length), fragment, async (at, cut, insert) => {
        const mutated = real.slice(0, at) + insert + real.slice(Math.min(real.length, at + (cut % 8)));
        wellFormed(await verifyCookies(mutated, { secrets }));
      }),
      { numRuns: 200 },
    );
  });

  it("stays bounded on huge input", async () => {
    const started = Date.now();
    const inputs = [
      "%".repeat(1_900_000),
      "a".repeat(3_000_000),
      `better-auth.session_token=${"A".repeat(1_500_000)}.sig`,
      Array.from({ length: 5000 }, (_, i) => `better-auth.session_token_multi-${i}=${i}.${"A".repeat(43)}=`).join("; "),
      Array.from({ length: 5000 }, (_, i) => `c${i}=v${i}`).join("; "),
      Array.from({ length: 2000 }, (_, i) => `better-auth.session_data.${i}=eyJ${"x".repeat(200)}`).join("\n"),
      `curl ${"-H 'cookie: a=b' ".repeat(20000)}`,
      `${"'".repeat(100000)}${'"'.repeat(100000)}`,
      ",".repeat(1_000_000) + "a=",
      "\u{1F36A}".repeat(500_000),
    ];
    for (const input of inputs) wellFormed(await verifyCookies(input, { secrets }));
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("never puts a secret value into a report", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        const report = await verifyCookies(`${input}\n${minted.cookieHeader}`, { secrets });
        expect(JSON.stringify(report)).not.toContain(SECRET);
      }),
      { numRuns: 50 },
    );
  });
});
