import { symmetricEncodeJWT } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { verifyCookies } from "../../src/core/cookie";
import { OTHER_SECRET, SECRET, secretsOf } from "./mint-cookies";

/** `account_data` is only set in OAuth / database-less flows, so it is encrypted here with Better Auth's own encoder. */
describe("account_data", () => {
  const account = { id: "a1", providerId: "github", accountId: "42", userId: "u1", accessToken: "gho_secretaccesstoken", scope: "read:user" };

  it("decrypts with the account salt and redacts OAuth tokens", async () => {
    const value = await symmetricEncodeJWT(account, SECRET, "better-auth-account", 300);
    for (const input of [`better-auth.account_data=${value}`, value]) {
      const report = await verifyCookies(input, { secrets: secretsOf(SECRET) });
      const cookie = report.cookies[0];
      expect(cookie.kind).toBe("account_data");
      expect(cookie.verdict).toBe("valid");
      expect(cookie.data?.session).toMatchObject({ providerId: "github", userId: "u1", accessToken: "<redacted, 21 chars>" });
      expect(JSON.stringify(report)).not.toContain("gho_secretaccesstoken");
    }
  });

  it("says the key comes from another secret", async () => {
    const value = await symmetricEncodeJWT(account, SECRET, "better-auth-account", 300);
    const report = await verifyCookies(`better-auth.account_data=${value}`, { secrets: secretsOf(OTHER_SECRET) });
    expect(report.verdict).toBe("invalid");
    expect(report.reasons[0]).toMatchObject({ code: "cache-not-decryptable" });
    expect(report.reasons[0].message).toMatch(/kid/);
  });
});
