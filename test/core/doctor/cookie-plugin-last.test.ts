import { describe, expect, it } from "vitest";
import { authWith, withFiles } from "./fixtures";
import { applyFix, at, doctor, only, textAt } from "./helpers";

describe("cookie-plugin-last", () => {
  it("flags nextCookies() before other plugins, on its name, and moves it last", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  plugins: [twoFactor(), organization(), nextCookies()],", "  plugins: [nextCookies(), twoFactor(), organization()],") });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "cookie-plugin-last", severity: "warning", file: at("lib/auth.ts"), range: { start: { line: 17, character: 12 }, end: { line: 17, character: 23 } } });
    expect(textAt(project, finding!)).toBe("nextCookies");
    expect(finding!.message).toBe(
      "`nextCookies()` is plugin 1 of 3, before `twoFactor()`: cookies that plugin sets in its after-hooks are not forwarded to the framework's cookie store, so server actions can succeed without setting them. Move `nextCookies()` to the end of `plugins`.",
    );
    const fixed = applyFix(project, finding!);
    expect(fixed.files["lib/auth.ts"]).toContain("  plugins: [twoFactor(), organization(), nextCookies()],\n");
    expect(doctor(fixed)).toEqual([]);
  });

  it("keeps one-plugin-per-line formatting and a trailing comma", () => {
    const project = withFiles({
      "lib/auth.ts": authWith("  plugins: [twoFactor(), organization(), nextCookies()],", "  plugins: [\n    nextCookies(),\n    twoFactor({ issuer: \"app\" }),\n  ],"),
    });
    const [finding] = only(doctor(project), "cookie-plugin-last");
    expect(applyFix(project, finding!).files["lib/auth.ts"]).toContain('  plugins: [\n    twoFactor({ issuer: "app" }),\n    nextCookies(),\n  ],\n');
  });

  it("knows sveltekitCookies() too, and leaves a last cookie plugin alone", () => {
    const text = authWith('import { nextCookies } from "better-auth/next-js";', 'import { sveltekitCookies } from "better-auth/svelte-kit";\nimport { getRequestEvent } from "$app/server";').replace(
      "  plugins: [twoFactor(), organization(), nextCookies()],",
      "  plugins: [sveltekitCookies(getRequestEvent), twoFactor()],",
    );
    const [finding] = only(doctor(withFiles({ "lib/auth.ts": text })), "cookie-plugin-last");
    expect(finding!.message).toMatch(/^`sveltekitCookies\(\)` is plugin 1 of 2, before `twoFactor\(\)`/);
  });

  it("says nothing when no later plugin has after-hooks (as Better Auth's own check), or it does not know the later plugin", () => {
    for (const plugins of ["[nextCookies(), organization()]", "[nextCookies(), myPlugin()]", "[nextCookies(), ...morePlugins]"]) {
      const project = withFiles({ "lib/auth.ts": authWith("  plugins: [twoFactor(), organization(), nextCookies()],", `  plugins: ${plugins},`) });
      expect(only(doctor(project), "cookie-plugin-last"), plugins).toEqual([]);
    }
  });

  it("names every later plugin with after-hooks: multiSession(), admin()", () => {
    const text = authWith("  plugins: [twoFactor(), organization(), nextCookies()],", "  plugins: [nextCookies(), multiSession(), organization(), admin()],").replace(
      'import { twoFactor, organization } from "better-auth/plugins";',
      'import { multiSession, organization, admin } from "better-auth/plugins";',
    );
    const [finding] = only(doctor(withFiles({ "lib/auth.ts": text })), "cookie-plugin-last");
    expect(finding!.message).toMatch(/^`nextCookies\(\)` is plugin 1 of 4, before `multiSession\(\)`, `admin\(\)`: cookies those plugins set in their after-hooks/);
  });
});
