import { describe, expect, it } from "vitest";
import { authWith, withFiles } from "./fixtures";
import { at, doctor, only, STRONG_SECRET, textAt } from "./helpers";

describe("base-url-unset", () => {
  it("is info on the betterAuth call when neither the config nor an env file sets it", () => {
    const project = withFiles({
      ".env": `BETTER_AUTH_SECRET=${STRONG_SECRET}\n`,
      ".env.production": "NODE_ENV=production\n",
      "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,\n", ""),
    });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "base-url-unset", severity: "info", file: at("lib/auth.ts") });
    expect(textAt(project, finding!)).toBe("betterAuth");
    expect(finding!.message).toBe(
      'No base URL is set: neither `baseURL` here nor BETTER_AUTH_URL (or another variable Better Auth reads) in the 2 env files read. Better Auth 1.7.25 then logs "Base URL is not set" and takes the origin from each request, so callbacks and redirects follow the Host header. Set BETTER_AUTH_URL (or `baseURL`) unless your host\'s environment sets it.',
    );
  });

  it("says nothing when no env file could be read", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,\n", "") });
    expect(doctor({ ...project, readEnv: false })).toEqual([]);
  });

  it("counts every variable Better Auth reads (NEXT_PUBLIC_BETTER_AUTH_URL…)", () => {
    const project = withFiles({
      ".env": `BETTER_AUTH_SECRET=${STRONG_SECRET}\nNEXT_PUBLIC_BETTER_AUTH_URL=http://localhost:3000\n`,
      "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,\n", ""),
    });
    expect(only(doctor(project), "base-url-unset")).toEqual([]);
  });
});

describe("base-url-invalid", () => {
  it("is an error on an env value without a scheme", () => {
    const project = withFiles({ ".env": `BETTER_AUTH_SECRET=${STRONG_SECRET}\nBETTER_AUTH_URL=localhost:3000\n` });
    const [finding] = only(doctor(project), "base-url-invalid");
    expect(finding).toMatchObject({ severity: "error", file: at(".env"), range: { start: { line: 1, character: 16 }, end: { line: 1, character: 30 } } });
    expect(finding!.message).toBe('BETTER_AUTH_URL in .env is "localhost:3000", which is not an http:// or https:// URL: Better Auth 1.7.25 throws "Invalid base URL" and auth stops working. Write the full URL, e.g. "https://localhost:3000".');
  });

  it("checks a literal baseURL in the config, and then ignores the env files as Better Auth does", () => {
    const project = withFiles({
      ".env": `BETTER_AUTH_SECRET=${STRONG_SECRET}\nBETTER_AUTH_URL=nonsense\n`,
      "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", '  baseURL: "app.example.com",'),
    });
    const findings = only(doctor(project), "base-url-invalid");
    expect(findings.map((f) => textAt(project, f))).toEqual(['"app.example.com"']);
  });
});

describe("base-url-http-in-production", () => {
  it("warns about http:// in .env.production", () => {
    const project = withFiles({ ".env.production": "BETTER_AUTH_URL=http://app.example.com\n" });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "base-url-http-in-production", severity: "warning", file: at(".env.production") });
    expect(textAt(project, finding!)).toBe("http://app.example.com");
    expect(finding!.message).toBe(
      "BETTER_AUTH_URL in .env.production is http:// in production: Better Auth 1.7.25 trusts only the http origin, so requests from https://app.example.com are refused (403 INVALID_ORIGIN), OAuth callbacks go to http, and cookies lose Secure and the __Secure- prefix. Use https://app.example.com.",
    );
  });

  it("still checks .env.production when auth.ts was read with the development .env values", () => {
    const project = { ...withFiles({ ".env.production": "BETTER_AUTH_URL=http://app.example.com\n" }), readConfigWithEnv: true };
    expect(doctor(project).map((f) => [f.rule, f.file])).toEqual([["base-url-http-in-production", at(".env.production")]]);
  });

  it("treats a file with NODE_ENV=production as production, and leaves localhost and .env alone", () => {
    const prod = withFiles({ ".env.staging": "NODE_ENV=production\nBETTER_AUTH_URL=http://staging.example.com\n" });
    expect(only(doctor(prod), "base-url-http-in-production").map((f) => f.file)).toEqual([at(".env.staging")]);
    const local = withFiles({ ".env.production": "BETTER_AUTH_URL=http://localhost:3000\n" });
    expect(only(doctor(local), "base-url-http-in-production")).toEqual([]);
  });
});

describe("base-url-path-mismatch", () => {
  it("warns when the URL's path is not basePath, and accepts the matching path", () => {
    const project = withFiles({ ".env.production": "BETTER_AUTH_URL=https://app.example.com/auth\n" });
    const [finding] = only(doctor(project), "base-url-path-mismatch");
    expect(textAt(project, finding!)).toBe("https://app.example.com/auth");
    expect(finding!.message).toBe(
      "BETTER_AUTH_URL in .env.production has the path /auth, but basePath is /api/auth: Better Auth 1.7.25 uses a base URL's own path as is, so its routes live under /auth while the handler is mounted for /api/auth — auth requests get 404. Use the origin only (https://app.example.com) or make the two agree.",
    );
    expect(only(doctor(withFiles({ ".env.production": "BETTER_AUTH_URL=https://app.example.com/api/auth/\n" })), "base-url-path-mismatch")).toEqual([]);
  });
});
