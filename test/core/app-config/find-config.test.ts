import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUTH_CONFIG_PATHS, findAppProjectDir, findAuthConfig, readAuthConfig } from "../../../src/core/app-config";
import { fixtureDir } from "./fixtures";

/** The candidate list as the installed `auth` CLI builds it (src/utils/get-config.ts, bundled). */
function cliCandidates(): string[] {
  const source = readFileSync(path.join(__dirname, "../../../node_modules/auth/dist/index.mjs"), "utf8");
  const start = source.indexOf("let possiblePaths$1 = [");
  const end = source.indexOf("/** Reads `references`", start);
  expect(start).toBeGreaterThan(0);
  const body = source.slice(start, end).replaceAll("possiblePaths$1", "possiblePaths");
  return new Function(`${body}; return possiblePaths;`)() as string[];
}

describe("findAuthConfig", () => {
  it("tries the same paths in the same order as the installed auth CLI", () => {
    const expected = cliCandidates();
    expect(expected.length).toBe(12 * 7 * 3);
    expect([...AUTH_CONFIG_PATHS]).toEqual(expected);
  });

  it("takes the first existing candidate: lib/auth.ts before src/lib/auth.ts", () => {
    const dir = path.join(fixtureDir("monorepo"), "apps", "web");
    expect(findAuthConfig(dir)).toBe(path.join(dir, "lib", "auth.ts"));
  });

  it("an explicit path wins, relative to the project or absolute; a missing one gives undefined", () => {
    const dir = path.join(fixtureDir("monorepo"), "apps", "web");
    expect(findAuthConfig(dir, undefined, "src/lib/auth.ts")).toBe(path.join(dir, "src", "lib", "auth.ts"));
    expect(findAuthConfig("/elsewhere", undefined, path.join(dir, "src/lib/auth.ts"))).toBe(path.join(dir, "src", "lib", "auth.ts"));
    expect(findAuthConfig(dir, undefined, "src/auth.ts")).toBeUndefined();
  });

  it("reads through an injected reader, so unsaved editor text counts", () => {
    const files = new Map([
      ["/app/package.json", JSON.stringify({ dependencies: { "better-auth": "1.7.25" } })],
      ["/app/src/auth.ts", 'import { betterAuth } from "better-auth";\nexport const auth = betterAuth({ appName: "unsaved" });'],
    ]);
    const readFile = (file: string) => files.get(file);
    const found = findAuthConfig("/app", readFile);
    expect(found).toBe("/app/src/auth.ts");
    expect(readAuthConfig(found!, { readFile }).options).toEqual({ appName: "unsaved" });
  });
});

describe("findAppProjectDir", () => {
  it("monorepo: the nearest package that depends on better-auth, walking up from the schema", () => {
    const root = fixtureDir("monorepo");
    expect(findAppProjectDir(path.join(root, "apps", "web", "prisma"))).toBe(path.join(root, "apps", "web"));
    // The workspace root and the docs app do not depend on better-auth.
    expect(findAppProjectDir(path.join(root, "apps", "docs"))).toBeUndefined();
  });
});
