import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAuthConfig, Unknown } from "../../../src/core/app-config";
import { parseSource } from "../../../src/core/app-config/parse-source";

const read = (text: string, extra: Record<string, string> = {}) => {
  const files = new Map<string, string>([["/p/auth.ts", text], ...Object.entries(extra)]);
  // Each case on its own: a last good version of /p/auth.ts from another case must not stand in.
  return readAuthConfig("/p/auth.ts", { readFile: (f) => files.get(f), lastGood: null });
};
const head = 'import { betterAuth } from "better-auth";\n';

describe("readAuthConfig never throws", () => {
  it("binary input", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString("latin1");
    const result = read(bytes);
    expect(result.call).toBeNull();
    expect(result.unresolved).toHaveLength(1);
    expect(result.unresolved[0]).toMatch(/^auth\.ts:\d+:\d+: syntax error \(.+\) — not read$/);
  });

  it("a missing entry file", () => {
    const result = readAuthConfig("/nowhere/auth.ts", { readFile: () => undefined });
    expect(result.options).toBeInstanceOf(Unknown);
    expect(result.unresolved).toEqual(["auth.ts: could not be read"]);
    expect(result.files).toEqual([]);
  });

  it("a reader that throws", () => {
    const result = readAuthConfig("/p/auth.ts", {
      readFile: () => {
        throw new Error("EACCES");
      },
    });
    expect(result.unresolved).toEqual(["auth.ts: could not be read"]);
  });

  it("deeply nested values stop at a depth limit with a note", () => {
    const depth = 130;
    const text = `${head}export const auth = betterAuth({ user: ${"{ a: ".repeat(depth)}1${" }".repeat(depth)}, appName: "deep" });`;
    const result = read(text);
    expect((result.options as Record<string, unknown>).appName).toBe("deep");
    expect(result.unresolved).toHaveLength(1);
    expect(result.unresolved[0]).toMatch(/^user(\.a){119}: nested too deeply to read — not evaluated \(auth\.ts:2\)$/);
  });

  it("nesting deeper than the parser's stack gives a note", () => {
    const depth = 20_000;
    const text = `${head}export const auth = betterAuth({ user: ${"[".repeat(depth)}${"]".repeat(depth)} });`;
    const result = read(text);
    expect(result.call).toBeNull();
    expect(result.unresolved).toEqual(["auth.ts: could not be parsed (Maximum call stack size exceeded)"]);
  });

  it("self-referencing consts are unknown, not a hang", () => {
    const result = read(`${head}const a = { b: a };\nexport const auth = betterAuth({ user: a });`);
    expect(result.unresolved).toEqual(["user.b: a (refers to itself) — not evaluated (auth.ts:2)"]);
  });

  it("files over 2 MB are not read", () => {
    const result = read(`${head}export const auth = betterAuth({});\n//${"x".repeat(2_000_001)}`);
    expect(result.call).toBeNull();
    expect(result.unresolved[0]).toBe("auth.ts: larger than 2000000 characters — not read");
  });

  it("betterAuth from a package that is not better-auth is not taken", () => {
    const result = read('import { betterAuth } from "./my-wrapper";\nexport const auth = betterAuth({ appName: "x" });');
    expect(result.call).toBeNull();
  });
});

describe("the parser", () => {
  it("is @babel/parser, imported by parse-source.ts only; nothing in src loads typescript", () => {
    const src = path.join(__dirname, "../../../src");
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((name) => /\.ts$/.test(name));
    const importing = (pattern: RegExp) => files.filter((name) => pattern.test(readFileSync(path.join(src, name), "utf8")));
    expect(importing(/from "@babel\/parser"|require\("@babel\/parser"\)/)).toEqual([path.join("core", "app-config", "parse-source.ts")]);
    expect(importing(/from "typescript"|require\("typescript"\)/)).toEqual([]);
    // Required on the first parse: loading the extension does not evaluate Babel.
    const parser = readFileSync(path.join(src, "core", "app-config", "parse-source.ts"), "utf8");
    expect(parser).toMatch(/^import type \{[^}]*\} from "@babel\/parser";$/m);
    expect(parser).toMatch(/function parser\(\)[^}]*require\("@babel\/parser"\)/s);
    expect(parser).not.toMatch(/^import (?!type)[^;]*from "@babel\/parser"/m);
  });

  it("positions are 0-based lines and UTF-16 columns, past non-ASCII text and CRLF", () => {
    const text = `${head}export const auth = betterAuth({\r\n  appName: "Café 🎉", /* ü */ basePath: "/api/auth",\r\n});`;
    const result = read(text);
    const spot = result.spotOf(result.options as object, "basePath")!;
    const line = text.split("\n")[2]!;
    // "🎉" is two UTF-16 code units: the column an editor shows, not the code point count.
    expect(spot).toEqual({ file: "/p/auth.ts", line: 2, character: line.indexOf("basePath"), endLine: 2, endCharacter: line.indexOf(",\r") });
    expect(line.indexOf("basePath")).toBe(30);
    expect([...line].indexOf("b")).toBe(29);
  });

  it("reads .tsx, .jsx, .js, .mjs and .cjs configs; .ts is not JSX", () => {
    const config = 'export const auth = betterAuth({ appName: "x" });';
    const jsx = "export const Page = () => <div className=\"x\">{1}</div>;";
    const ts = "const n = <number>(1 as unknown);";
    for (const [name, text] of [["auth.tsx", `${head}${jsx}\n${config}`], ["auth.jsx", `${head}${jsx}\n${config}`], ["auth.js", `${head}${config}`], ["auth.mjs", `${head}${config}`], ["auth.cjs", `${head}${config}`], ["auth.ts", `${head}${ts}\n${config}`]]) {
      const files = new Map([[`/p/${name}`, text!]]);
      const result = readAuthConfig(`/p/${name}`, { readFile: (f) => files.get(f), lastGood: null });
      expect(result.options, name).toEqual({ appName: "x" });
    }
    expect("problem" in parseSource("/p/a.ts", jsx)).toBe(true);
    // Decorators, as a NestJS module writes them (TypeScript parsed these; Babel needs its plugin).
    const nest = `${head}@Module({ imports: [] })\nexport class AuthModule { accessor y = 1; constructor(@Inject(AUTH) private readonly x: X) {} }\nexport @Dec() class Y {}\n${config}`;
    expect(readAuthConfig("/p/auth.ts", { readFile: () => nest, lastGood: null }).options).toEqual({ appName: "x" });
    expect("problem" in parseSource("/p/a.tsx", ts)).toBe(true);
  });
});
