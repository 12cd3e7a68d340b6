import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createCookieGetter, getSessionCookie } from "better-auth/cookies";
import { describe, expect, it } from "vitest";
import type { AuthConfigRead } from "../../../src/core/app-config";
import { BASE_URL_VARS, configFacts } from "../../../src/core/doctor/config-facts";
import { parseSecretsEntries } from "../../../src/core/doctor/secrets-entries";
import { PUBLIC_DEFAULT_SECRETS, secretProblem } from "../../../src/core/doctor/secret-strength";
import { STRONG_SECRET } from "./helpers";

// What the rules assume about Better Auth, checked against the installed packages themselves.

const root = path.join(__dirname, "../../..");
const source = (pkgFile: string) => readFileSync(path.join(root, "node_modules", pkgFile), "utf8");

interface SecretUtils {
  parseSecretsEnv(value: string): { version: number; value: string }[] | null;
  validateSecretsArray(secrets: { version: number; value: string }[], logger: { warn(message: string): void }): void;
}
const secretUtils = (): Promise<SecretUtils> => import(pathToFileURL(path.join(root, "node_modules/better-auth/dist/context/secret-utils.mjs")).href);

describe("Better Auth's own secret checks agree with the doctor's", () => {
  it("public defaults are the constants of 1.7.25 and of 1.3", () => {
    expect(source("better-auth/dist/utils/constants.mjs")).toContain(`const DEFAULT_SECRET = "${PUBLIC_DEFAULT_SECRETS[0]}"`);
    const old = readFileSync(path.join(root, "node_modules/better-auth-1.3/dist/shared/better-auth.CDx1PoNO.mjs"), "utf8");
    expect(old).toContain(`const DEFAULT_SECRET = "${PUBLIC_DEFAULT_SECRETS[1]}"`);
  });

  const samples = [STRONG_SECRET, "Xk29fLq0Zr81", "abababababababababababababababababababab", "0123456789012345678901234567890123456789", "aB3$".repeat(8), "k".repeat(64), "Zm9vYmFyYmF6cXV4cXV1eHh4eXl5enp6MTIzNDU2Nzg5MA"];
  for (const secret of samples) {
    it(`warns exactly when Better Auth warns (${secret.length} characters)`, async () => {
      const warnings: string[] = [];
      (await secretUtils()).validateSecretsArray([{ version: 1, value: secret }], { warn: (message) => warnings.push(message) });
      const problem = secretProblem(secret);
      expect(problem === undefined, `${warnings.join(" | ")} vs ${problem?.kind}`).toBe(warnings.length === 0);
      if (problem?.kind === "short") expect(warnings.join(" ")).toContain("at least 32 characters");
      if (problem?.kind === "low-entropy") expect(warnings.join(" ")).toContain("low-entropy");
    });
  }

  const lists = ["2:a,1:b", "a", "x:a", "-1:a", "1:", " 3 : a , 2:b", "2abc:a", "1:a,,2:b", "1:a:b"];
  for (const list of lists) {
    it(`refuses BETTER_AUTH_SECRETS=${JSON.stringify(list)} exactly when Better Auth throws`, async () => {
      const utils = await secretUtils();
      let throws = false;
      try {
        const parsed = utils.parseSecretsEnv(list)!;
        utils.validateSecretsArray(parsed, { warn: () => {} });
      } catch {
        throws = true;
      }
      expect(parseSecretsEntries(list).some((entry) => entry.refused)).toBe(throws);
    });
  }
});

describe("Better Auth's cookie names agree with the facts the middleware rules use", () => {
  const read = (options: Record<string, unknown>): AuthConfigRead =>
    ({ file: "/app/auth.ts", call: null, options, plugins: [], adapter: null, unresolved: [], files: [], spotOf: () => undefined }) as unknown as AuthConfigRead;
  const cases: [Record<string, unknown>, "always" | "never"][] = [
    [{ advanced: { useSecureCookies: true } }, "always"],
    [{ advanced: { useSecureCookies: false }, baseURL: "https://app.example.com" }, "never"],
    [{ baseURL: "https://app.example.com" }, "always"],
    [{ baseURL: "http://localhost:3000" }, "never"],
    [{ baseURL: { allowedHosts: ["*.example.com"], protocol: "https" } }, "always"],
  ];
  for (const [options, expected] of cases) {
    it(`${JSON.stringify(options)} → ${expected}`, () => {
      const name = createCookieGetter(options as never)("session_token").name;
      expect(name.startsWith("__Secure-")).toBe(expected === "always");
      expect(configFacts(read(options), []).secureCookies).toBe(expected);
    });
  }

  it("without a base URL it depends on NODE_ENV (here: test, so not Secure)", () => {
    expect(createCookieGetter({} as never)("session_token").name).toBe("better-auth.session_token");
    expect(configFacts(read({}), []).secureCookies).toBe("depends");
  });

  it("getSessionCookie assumes the better-auth prefix unless told, and tries __Secure- first", () => {
    const headers = new Headers({ cookie: "__Secure-my-app.session_token=abc.sig; other=1" });
    expect(getSessionCookie(headers)).toBeNull();
    expect(getSessionCookie(headers, { cookiePrefix: "my-app" })).toBe("abc.sig");
  });

  it("reads the base URL variables in the doctor's order", () => {
    const text = source("better-auth/dist/utils/url.mjs");
    const order = BASE_URL_VARS.map((name) => text.indexOf(`env.${name}`));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
