import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { lintProjectConfig } from "../../../src/core/doctor";
import { HEALTHY } from "./fixtures";
import { LastGoodParses } from "../../../src/core/app-config";
import { at, doctor, only } from "./helpers";

describe("the doctor on half-typed files", () => {
  it("never throws while auth.ts, middleware.ts or .env are being typed", () => {
    for (const name of ["lib/auth.ts", "middleware.ts", ".env"]) {
      const full = HEALTHY.files[name]!;
      for (let cut = 0; cut <= full.length; cut += 3) {
        const files = { ...HEALTHY.files, [name]: full.slice(0, cut) };
        expect(() => doctor({ files }), `${name} cut at ${cut}`).not.toThrow();
      }
    }
  });

  it("a half-typed auth.ts read as it last parsed: no finding points into it, the env files are still checked", () => {
    const lastGood = new LastGoodParses();
    const auth = HEALTHY.files["lib/auth.ts"]!;
    // A literal secret and a weak env secret: findings in auth.ts and in .env.
    const withSecret = auth.replace("  emailAndPassword", '  secret: "dev-secret",\n  emailAndPassword');
    const files = { ...HEALTHY.files, "lib/auth.ts": withSecret, ".env": HEALTHY.files[".env"]!.replace(/BETTER_AUTH_SECRET=.*/, "BETTER_AUTH_SECRET=changeme") };
    const before = doctor({ files, lastGood });
    expect(before.filter((f) => f.file === at("lib/auth.ts")).map((f) => f.rule)).toContain("secret-in-source");
    const envFindings = before.filter((f) => f.file === at(".env"));
    expect(envFindings.map((f) => f.rule)).toContain("weak-secret");

    // A line inserted above, half typed: the last good parse's ranges would be one line off.
    const typing = { ...files, "lib/auth.ts": withSecret.replace("export const auth", "const x = {\nexport const auth") };
    const after = doctor({ files: typing, lastGood });
    expect(after.filter((f) => f.file === at("lib/auth.ts"))).toEqual([]);
    expect(after.filter((f) => f.file === at(".env"))).toEqual(envFindings);
  });

  it("a middleware file that does not parse gets no findings; the one that parses still does", () => {
    const project = { files: { ...HEALTHY.files, "middleware.ts": 'const s = request.cookies.get("better-auth.session_token");\n', "src/hooks.server.ts": 'const s = event.cookies.get("better-auth.session_token"' } };
    const findings = only(doctor(project), "middleware-cookie-name");
    expect(findings.map((f) => f.file)).toEqual([at("middleware.ts")]);
    const closed = { files: { ...project.files, "src/hooks.server.ts": project.files["src/hooks.server.ts"] + ");\n" } };
    expect(only(doctor(closed), "middleware-cookie-name").map((f) => f.file)).toEqual([at("middleware.ts"), at("src/hooks.server.ts")]);
  });

  it("takes binary-looking and CRLF text", () => {
    const files = { ...HEALTHY.files, ".env": "\u0000\u0001BETTER_AUTH_SECRET=short\r\nBETTER_AUTH_URL=localhost\r\n", "middleware.ts": "\u0000\uffff" };
    const findings = doctor({ files });
    // dotenv itself does not read a line starting with control characters; neither does the doctor.
    expect(parse(files[".env"]).BETTER_AUTH_SECRET).toBeUndefined();
    expect(findings.map((f) => [f.rule, f.range.start.line])).toEqual([["base-url-invalid", 1]]);
  });

  it("works with nothing but an env file", () => {
    const findings = lintProjectConfig({ projectDir: "/p", envFiles: [{ path: "/p/.env", text: "BETTER_AUTH_SECRET=changeme\n" }], middlewareFiles: [], version: null });
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ["weak-secret", "BETTER_AUTH_SECRET in .env is a placeholder (8 characters) that anyone can guess. Anyone who guesses it can sign session cookies; use 32 random bytes (`openssl rand -base64 32`)."],
    ]);
  });

  it("honours severities from settings, and off", () => {
    const input = { projectDir: "/p", envFiles: [{ path: "/p/.env", text: "BETTER_AUTH_SECRET=changeme\n" }], middlewareFiles: [], version: null };
    expect(lintProjectConfig({ ...input, rules: { "weak-secret": "error" } }).map((f) => f.severity)).toEqual(["error"]);
    expect(lintProjectConfig({ ...input, rules: { "weak-secret": "off" } })).toEqual([]);
  });
});
