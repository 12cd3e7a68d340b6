import { describe, expect, it } from "vitest";
import { authWith, withFiles } from "./fixtures";
import { applyFix, at, doctor, only, textAt } from "./helpers";

describe("unknown-option", () => {
  it("flags `baseUrl` as a case mistake, on the key, and renames it", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", "  baseUrl: process.env.BETTER_AUTH_URL,") });
    const [finding, ...rest] = only(doctor(project), "unknown-option");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: "warning", file: at("lib/auth.ts"), range: { start: { line: 8, character: 2 }, end: { line: 8, character: 9 } } });
    expect(textAt(project, finding!)).toBe("baseUrl");
    expect(finding!.message).toBe("`baseUrl` is not a Better Auth option: option names are case-sensitive, so Better Auth 1.7.25 ignores it. Did you mean `baseURL`?");
    expect(finding!.fix!.title).toBe("Rename `baseUrl` to `baseURL`");
    const fixed = applyFix(project, finding!);
    expect(fixed.files["lib/auth.ts"]).toContain("  baseURL: process.env.BETTER_AUTH_URL,");
    expect(doctor(fixed)).toEqual([]);
  });

  it("suggests trustedOrigins for trustedOrigin (a typo, not a case mistake)", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  trustedOrigins: [", "  trustedOrigin: [") });
    const [finding] = only(doctor(project), "unknown-option");
    expect(finding!.message).toBe("`trustedOrigin` is not a Better Auth option: Better Auth 1.7.25 has no such option and ignores it. Did you mean `trustedOrigins`?");
    expect(doctor(applyFix(project, finding!))).toEqual([]);
  });

  it("renames a shorthand property without losing its variable", () => {
    const text = authWith("export const auth = betterAuth({", "const baseUrl = process.env.BETTER_AUTH_URL;\nexport const auth = betterAuth({\n  baseUrl,").replace("  baseURL: process.env.BETTER_AUTH_URL,\n", "");
    const project = withFiles({ "lib/auth.ts": text });
    const [finding] = only(doctor(project), "unknown-option");
    expect(textAt(project, finding!)).toBe("baseUrl");
    expect(applyFix(project, finding!).files["lib/auth.ts"]).toContain("  baseURL: baseUrl,\n");
  });

  it("says where a misplaced advanced option belongs, without a fix", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  emailAndPassword: { enabled: true },", '  emailAndPassword: { enabled: true },\n  cookiePrefix: "my-app",') });
    const [finding] = only(doctor(project), "unknown-option");
    expect(textAt(project, finding!)).toBe("cookiePrefix");
    expect(finding!.message).toBe("`cookiePrefix` is not read here: Better Auth 1.7.25 reads `cookiePrefix` under `advanced`, so this setting has no effect. Move it there.");
    expect(finding!.fix).toBeUndefined();
  });

  it("checks the keys of advanced too", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  advanced: {", "  advanced: {\n    useSecureCookie: true,") });
    const [finding] = only(doctor(project), "unknown-option");
    expect(finding!.message).toBe("`advanced.useSecureCookie` is not a Better Auth option: Better Auth 1.7.25 has no such option and ignores it. Did you mean `advanced.useSecureCookies`?");
    expect(applyFix(project, finding!).files["lib/auth.ts"]).toContain("    useSecureCookies: true,");
  });

  it("knows options by version: `secrets` is ignored before 1.5", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  emailAndPassword: { enabled: true },", '  emailAndPassword: { enabled: true },\n  secrets: [{ version: 1, value: process.env.SECRET_V1! }],') }, "1.4.22");
    const [finding] = only(doctor(project), "unknown-option");
    expect(finding!.message).toBe("`secrets` is an option from Better Auth 1.5; Better Auth 1.4.22 does not have it and ignores it. Upgrade Better Auth, or remove it.");
    expect(only(doctor({ ...project, version: "1.5.6" }), "unknown-option")).toEqual([]);
  });

  it("leaves an unknown name without a close match unfixed", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  emailAndPassword: { enabled: true },", "  emailAndPassword: { enabled: true },\n  somethingElse: 1,") });
    const [finding] = only(doctor(project), "unknown-option");
    expect(finding!.message).toBe("`somethingElse` is not a Better Auth option: Better Auth 1.7.25 has no such option and ignores it.");
    expect(finding!.fix).toBeUndefined();
  });

  it("is silenced by an ignore comment on the line before", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", "  // better-auth-doctor-ignore unknown-option\n  baseUrl: process.env.BETTER_AUTH_URL,") });
    expect(only(doctor(project), "unknown-option")).toEqual([]);
    const other = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", "  // better-auth-doctor-ignore weak-secret\n  baseUrl: process.env.BETTER_AUTH_URL,") });
    expect(only(doctor(other), "unknown-option")).toHaveLength(1);
  });
});
