import { describe, expect, it } from "vitest";
import { LastGoodParses, readAuthConfig, type StaticValue } from "../../../src/core/app-config";
import { parseSource } from "../../../src/core/app-config/parse-source";

const GOOD = [
  'import { betterAuth } from "better-auth";',
  'import { twoFactor } from "better-auth/plugins";',
  'import { extra } from "./plugins";',
  "",
  "export const auth = betterAuth({",
  '  user: { modelName: "member" },',
  "  plugins: [twoFactor(), ...extra],",
  "});",
  "",
].join("\n");
const PLUGINS = 'import { organization } from "better-auth/plugins";\nexport const extra = [organization()];\n';

function project(files: Record<string, string>, lastGood: LastGoodParses) {
  const map = new Map(Object.entries(files));
  return () => readAuthConfig("/p/auth.ts", { readFile: (f) => map.get(f), lastGood });
}
const pluginNames = (read: { plugins: { name: string }[] }) => read.plugins.map((p) => p.name);

describe("a file being typed is read as it last parsed", () => {
  it("the entry: same plugins and options, a note naming the error, the file listed as stale", () => {
    const cache = new LastGoodParses();
    expect(pluginNames(project({ "/p/auth.ts": GOOD, "/p/plugins.ts": PLUGINS }, cache)())).toEqual(["twoFactor", "organization"]);
    // Typing a new plugin: `twoFactor(), passkey(` with the call still open.
    const typing = GOOD.replace("twoFactor(), ", "twoFactor(), passkey(");
    const read = project({ "/p/auth.ts": typing, "/p/plugins.ts": PLUGINS }, cache)();
    expect(pluginNames(read)).toEqual(["twoFactor", "organization"]);
    expect((read.options as Record<string, StaticValue>).user).toEqual({ modelName: "member" });
    expect(read.stale).toEqual(["/p/auth.ts"]);
    expect(read.unresolved).toEqual(["auth.ts:7:42: syntax error (Unexpected token, expected \",\") — using the last version that parsed"]);
    // Spots are those of the version that parsed (line 7 there too); the doctor reports none into it.
    expect(read.plugins[0]!.at).toMatchObject({ file: "/p/auth.ts", line: 6, character: 12 });
  });

  it("an imported file: its last good version, the entry read from its current text", () => {
    const cache = new LastGoodParses();
    project({ "/p/auth.ts": GOOD, "/p/plugins.ts": PLUGINS }, cache)();
    const read = project({ "/p/auth.ts": GOOD.replace('"member"', '"person"'), "/p/plugins.ts": PLUGINS.replace("organization()]", "organization(), ") }, cache)();
    expect((read.options as Record<string, StaticValue>).user).toEqual({ modelName: "person" });
    expect(pluginNames(read)).toEqual(["twoFactor", "organization"]);
    expect(read.stale).toEqual(["/p/plugins.ts"]);
    expect(read.unresolved).toEqual(["plugins.ts:2:39: syntax error (Unexpected token) — using the last version that parsed"]);
  });

  it("once the file parses again, its current text is read and the note is gone", () => {
    const cache = new LastGoodParses();
    project({ "/p/auth.ts": GOOD, "/p/plugins.ts": PLUGINS }, cache)();
    project({ "/p/auth.ts": GOOD.replace("twoFactor(), ", "twoFactor(), passkey("), "/p/plugins.ts": PLUGINS }, cache)();
    const fixed = GOOD.replace("twoFactor(), ", "twoFactor(), passkey(), ").replace("{ twoFactor }", "{ twoFactor, passkey }");
    const read = project({ "/p/auth.ts": fixed, "/p/plugins.ts": PLUGINS }, cache)();
    expect(pluginNames(read)).toEqual(["twoFactor", "passkey", "organization"]);
    expect(read.stale).toEqual([]);
    expect(read.unresolved).toEqual([]);
  });

  it("only the same path counts: another file's last good version is never used", () => {
    const cache = new LastGoodParses();
    project({ "/p/auth.ts": GOOD, "/p/plugins.ts": PLUGINS }, cache)();
    const read = readAuthConfig("/q/auth.ts", { readFile: (f) => (f === "/q/auth.ts" ? "export const auth = betterAuth({" : undefined), lastGood: cache });
    expect(read.call).toBeNull();
    expect(read.unresolved).toEqual(["auth.ts:1:33: syntax error (Unexpected token) — not read"]);
  });

  it("lastGood: null reads only the current text", () => {
    const cache = new LastGoodParses();
    project({ "/p/auth.ts": GOOD, "/p/plugins.ts": PLUGINS }, cache)();
    const files = new Map([["/p/auth.ts", GOOD.replace("twoFactor(), ", "twoFactor(), passkey(")]]);
    const read = readAuthConfig("/p/auth.ts", { readFile: (f) => files.get(f), lastGood: null });
    expect(read.call).toBeNull();
    expect(read.unresolved).toEqual(["auth.ts:7:42: syntax error (Unexpected token, expected \",\") — not read"]);
  });
});

describe("LastGoodParses stays bounded", () => {
  const parsed = (file: string, text = "export {};") => {
    const outcome = parseSource(file, text);
    if (!("source" in outcome)) throw new Error("fixture does not parse");
    return outcome.source;
  };

  it("keeps the 64 paths used last", () => {
    const cache = new LastGoodParses();
    for (let i = 0; i < 70; i++) cache.set(`/f${i}.ts`, parsed(`/f${i}.ts`));
    expect(cache.size).toBe(64);
    expect(cache.get("/f5.ts")).toBeUndefined();
    expect(cache.get("/f6.ts")?.file).toBe("/f6.ts");
    // A read makes a path recent: /f6 survives the next insertions, /f7 does not.
    cache.set("/g.ts", parsed("/g.ts"));
    expect(cache.get("/f6.ts")).toBeDefined();
    expect(cache.get("/f7.ts")).toBeUndefined();
  });

  it("and a bounded number of characters", () => {
    const cache = new LastGoodParses(64, 100);
    cache.set("/a.ts", parsed("/a.ts", `export const a = "${"x".repeat(60)}";`));
    cache.set("/b.ts", parsed("/b.ts", `export const b = "${"x".repeat(60)}";`));
    expect(cache.get("/a.ts")).toBeUndefined();
    expect(cache.get("/b.ts")).toBeDefined();
    cache.set("/big.ts", parsed("/big.ts", `export const c = "${"x".repeat(200)}";`));
    expect(cache.get("/big.ts")).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
