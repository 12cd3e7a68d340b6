import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { lintProjectConfig } from "../../../src/core/doctor";
import { HEALTHY } from "./fixtures";
import { doctor } from "./helpers";

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
