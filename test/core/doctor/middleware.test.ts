import { describe, expect, it } from "vitest";
import { authWith, HEALTHY, withFiles } from "./fixtures";
import { applyFix, at, doctor, only, textAt } from "./helpers";

const HARD_CODED = [
  'import { NextRequest, NextResponse } from "next/server";',
  "",
  "export async function middleware(request: NextRequest) {",
  '  const sessionCookie = request.cookies.get("better-auth.session_token")?.value;',
  "  if (!sessionCookie) {",
  '    return NextResponse.redirect(new URL("/sign-in", request.url));',
  "  }",
  "  return NextResponse.next();",
  "}",
  "",
].join("\n");

describe("middleware-cookie-name", () => {
  it("flags the plain name that misses __Secure- in production, and replaces the read with getSessionCookie", () => {
    const project = withFiles({ "middleware.ts": HARD_CODED });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "middleware-cookie-name", severity: "warning", file: at("middleware.ts"), range: { start: { line: 3, character: 44 }, end: { line: 3, character: 71 } } });
    expect(textAt(project, finding!)).toBe('"better-auth.session_token"');
    expect(finding!.message).toBe(
      'middleware.ts reads the session cookie as "better-auth.session_token": in production (an https base URL or NODE_ENV=production) Better Auth names it __Secure-better-auth.session_token, so signed-in users look signed out there (redirect loops). Use getSessionCookie(request) from better-auth/cookies, which tries both names.',
    );
    const fixed = applyFix(project, finding!);
    expect(fixed.files["middleware.ts"]).toBe(
      HARD_CODED.replace('request.cookies.get("better-auth.session_token")?.value', "getSessionCookie(request)").replace(
        'from "next/server";\n',
        'from "next/server";\nimport { getSessionCookie } from "better-auth/cookies";\n',
      ),
    );
    expect(doctor(fixed)).toEqual([]);
  });

  it("passes the configured prefix in the fix, and says a wrong prefix never matches", () => {
    const auth = authWith("  advanced: {", '  advanced: {\n    cookiePrefix: "my-app",');
    const project = withFiles({ "lib/auth.ts": auth, "middleware.ts": HARD_CODED });
    const [finding] = only(doctor(project), "middleware-cookie-name");
    expect(finding!.message).toContain('the config\'s cookie prefix is "my-app" (advanced.cookiePrefix), so Better Auth sets my-app.session_token and this never matches');
    const fixed = applyFix(project, finding!);
    expect(fixed.files["middleware.ts"]).toContain('const sessionCookie = getSessionCookie(request, { cookiePrefix: "my-app" });');
    expect(doctor(fixed)).toEqual([]);
  });

  it("accepts reading both spellings, and a plain name when cookies are never Secure", () => {
    const both = HARD_CODED.replace(
      'request.cookies.get("better-auth.session_token")?.value',
      'request.cookies.get("__Secure-better-auth.session_token")?.value ?? request.cookies.get("better-auth.session_token")?.value',
    );
    expect(doctor(withFiles({ "middleware.ts": both }))).toEqual([]);
    const insecure = authWith("  advanced: {", "  advanced: {\n    useSecureCookies: false,");
    expect(doctor(withFiles({ "lib/auth.ts": insecure, "middleware.ts": HARD_CODED }))).toEqual([]);
  });

  it("reads SvelteKit hooks through event.request", () => {
    const hooks = 'export const handle = async ({ event, resolve }) => {\n  if (!event.cookies.get("better-auth.session_token")) redirect(303, "/login");\n  return resolve(event);\n};\n';
    const project = { files: { ...HEALTHY.files, "src/hooks.server.ts": hooks } };
    const [finding] = only(doctor(project), "middleware-cookie-name");
    expect(applyFix(project, finding!).files["src/hooks.server.ts"]).toBe(
      'import { getSessionCookie } from "better-auth/cookies";\nexport const handle = async ({ event, resolve }) => {\n  if (!getSessionCookie(event.request)) redirect(303, "/login");\n  return resolve(event);\n};\n',
    );
  });

  it("is silenced by an ignore comment", () => {
    const project = withFiles({ "middleware.ts": HARD_CODED.replace("  const sessionCookie", "  // better-auth-doctor-ignore middleware-cookie-name\n  const sessionCookie") });
    expect(doctor(project)).toEqual([]);
  });
});

describe("session-cookie-prefix", () => {
  const auth = authWith("  advanced: {", '  advanced: {\n    cookiePrefix: "my-app",');

  it("flags getSessionCookie without the configured prefix and adds it", () => {
    const project = withFiles({ "lib/auth.ts": auth });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "session-cookie-prefix", severity: "warning", file: at("middleware.ts") });
    expect(textAt(project, finding!)).toBe("getSessionCookie(request)");
    expect(finding!.message).toBe(
      'getSessionCookie() looks for better-auth.session_token, but the config sets advanced.cookiePrefix "my-app": it returns null for every signed-in user. Pass { cookiePrefix: "my-app" }.',
    );
    const fixed = applyFix(project, finding!);
    expect(fixed.files["middleware.ts"]).toContain('getSessionCookie(request, { cookiePrefix: "my-app" });');
    expect(doctor(fixed)).toEqual([]);
  });

  it("corrects a prefix that differs from the config's", () => {
    const middleware = HEALTHY.files["middleware.ts"]!.replace("getSessionCookie(request)", 'getSessionCookie(request, { cookiePrefix: "old-app" })');
    const project = withFiles({ "lib/auth.ts": auth, "middleware.ts": middleware });
    const [finding] = only(doctor(project), "session-cookie-prefix");
    expect(textAt(project, finding!)).toBe('"old-app"');
    expect(applyFix(project, finding!).files["middleware.ts"]).toContain('getSessionCookie(request, { cookiePrefix: "my-app" })');
    // With the default prefix in the config, a custom one in the call is just as wrong.
    const [other] = only(doctor(withFiles({ "middleware.ts": middleware })), "session-cookie-prefix");
    expect(other!.message).toContain('is given cookiePrefix "old-app", but the config sets "better-auth" (the default)');
  });
});
