import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAuthConfig, Unknown } from "../../../src/core/app-config";

const read = (text: string, extra: Record<string, string> = {}) => {
  const files = new Map<string, string>([["/p/auth.ts", text], ...Object.entries(extra)]);
  return readAuthConfig("/p/auth.ts", { readFile: (f) => files.get(f) });
};
const head = 'import { betterAuth } from "better-auth";\n';

describe("readAuthConfig never throws", () => {
  it("binary input", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString("latin1");
    const result = read(bytes);
    expect(result.call).toBeNull();
    expect(result.unresolved.at(-1)).toBe("auth.ts: no betterAuth(...) call found");
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

describe("the parser is loaded lazily", () => {
  it("only typescript-parser.ts loads typescript, with require() inside a function", () => {
    const dir = path.join(__dirname, "../../../src/core/app-config");
    const loaders = readdirSync(dir).filter((name) => {
      const source = readFileSync(path.join(dir, name), "utf8");
      return /^import(?! type)[^;]*from "typescript"/m.test(source) || source.includes('require("typescript")');
    });
    expect(loaders).toEqual(["typescript-parser.ts"]);
    const parser = readFileSync(path.join(dir, "typescript-parser.ts"), "utf8");
    expect(parser).toMatch(/export function ts\(\)[^}]*require\("typescript"\)/s);
  });
});
