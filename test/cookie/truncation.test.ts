import { beforeAll, describe, expect, it } from "vitest";
import { verifyCookies } from "../../src/core/cookie";
import { SECRET, type Minted, mintCookies, secretsOf } from "./mint-cookies";

const TOKEN = "better-auth.session_token";

describe("a session token cut inside a %-escape", () => {
  let minted: Minted;
  beforeAll(async () => {
    minted = await mintCookies({ strategy: "compact", secret: SECRET });
  });

  // The wire value ends in "%3D" (the encoded "="): cuts at -1 and -2 leave "%3" and "%".
  for (const cut of [1, 2, 3]) {
    it(`is reported as cut off when ${cut} character(s) are missing`, async () => {
      const value = minted.values.get(TOKEN) as string;
      expect(value.endsWith("%3D")).toBe(true);
      const report = await verifyCookies(`${TOKEN}=${value.slice(0, -cut)}`, { secrets: secretsOf(SECRET) });
      expect(report.verdict).toBe("invalid");
      expect(report.sessionToken?.signature).toBe("malformed");
      expect(report.reasons.find((r) => r.code === "malformed-signature")?.message).toMatch(/cut off/);
    });
  }
});

describe("a signature missing only its final '='", () => {
  // 43 characters without "+" or "/" read both as a cut-off value and as base64url: say both.
  it("names both causes and says the value verifies with the '=' put back", async () => {
    const { createHmac } = await import("node:crypto");
    let token = "";
    let signature = "";
    for (let i = 0; !signature || /[+/]/.test(signature); i++) {
      token = `tokentokentokentokentokentoken${i.toString().padStart(2, "0")}`;
      signature = createHmac("sha256", SECRET).update(token).digest("base64");
    }
    const report = await verifyCookies(`${TOKEN}=${token}.${signature.slice(0, -1)}`, { secrets: secretsOf(SECRET) });
    expect(report.sessionToken?.signature).toBe("malformed");
    const message = report.reasons.find((r) => r.code === "malformed-signature")?.message;
    expect(message).toMatch(/cut off, or re-encoded as base64url/);
    expect(message).toMatch(/With the "=" put back it verifies with test secret 1/);
  });
});
