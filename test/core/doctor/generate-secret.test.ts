import { describe, expect, it } from "vitest";
import { generateSecretEdit, isGitIgnored, secretProblem } from "../../../src/core/doctor";
import { applyEdits } from "../../../src/core/fixes/apply";

const fixedBytes = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) % 256);
const EXPECTED = Buffer.from(fixedBytes(32)).toString("base64");

describe("isGitIgnored", () => {
  const cases: [string, string, boolean][] = [
    [".env*\n", "/app/.env.local", true],
    [".env\n", "/app/.env.local", false],
    ["*.local\n", "/app/.env.local", true],
    [".env*\n!.env.example\n", "/app/.env.example", false],
    ["/.env\n", "/app/apps/web/.env", false],
    [".env\n", "/app/apps/web/.env", true],
    ["apps/\n", "/app/apps/web/.env", true],
    ["apps/\n!apps/web/.env\n", "/app/apps/web/.env", true],
    ["# .env\n", "/app/.env", false],
    ["**/.env*\n", "/app/apps/web/.env.production", true],
    [".env.[lp]*\n", "/app/.env.local", true],
  ];
  for (const [gitignore, file, ignored] of cases) {
    it(`${JSON.stringify(gitignore)} ${ignored ? "ignores" : "keeps"} ${file}`, () => {
      expect(isGitIgnored(file, [{ dir: "/app", text: gitignore }])).toBe(ignored);
    });
  }

  it("lets a nested .gitignore override the root one", () => {
    expect(isGitIgnored("/app/web/.env", [{ dir: "/app", text: ".env\n" }, { dir: "/app/web", text: "!.env\n" }])).toBe(false);
  });
});

describe("generateSecretEdit", () => {
  it("appends 32 random bytes (base64) as BETTER_AUTH_SECRET to an ignored file", () => {
    const text = "DATABASE_URL=postgresql://localhost/app";
    const result = generateSecretEdit({ path: "/app/.env", text }, [{ dir: "/app", text: ".env\n" }], fixedBytes);
    expect(result).toMatchObject({ ok: true, title: "Add a generated BETTER_AUTH_SECRET to .env" });
    if (!result.ok) throw new Error("refused");
    expect(applyEdits(text, [result.edit])).toBe(`${text}\nBETTER_AUTH_SECRET=${EXPECTED}\n`);
    expect(EXPECTED).toHaveLength(44);
    expect(secretProblem(EXPECTED)).toBeUndefined();
  });

  it("replaces a weak value in place, quotes kept", () => {
    const text = 'BETTER_AUTH_SECRET="changeme"\nBETTER_AUTH_URL=http://localhost:3000\n';
    const result = generateSecretEdit({ path: "/app/.env.local", text }, [{ dir: "/app", text: ".env*.local\n" }], fixedBytes);
    if (!result.ok) throw new Error("refused");
    expect(applyEdits(text, [result.edit])).toBe(`BETTER_AUTH_SECRET="${EXPECTED}"\nBETTER_AUTH_URL=http://localhost:3000\n`);
  });

  it("refuses a file git would commit", () => {
    const result = generateSecretEdit({ path: "/app/.env", text: "" }, [{ dir: "/app", text: "node_modules\n" }], fixedBytes);
    expect(result).toEqual({ ok: false, reason: ".env is not ignored by git; a secret written there would be committed. Add .env to .gitignore first." });
  });

  it("draws fresh bytes by default", () => {
    const a = generateSecretEdit({ path: "/app/.env", text: "" }, [{ dir: "/app", text: ".env\n" }]);
    const b = generateSecretEdit({ path: "/app/.env", text: "" }, [{ dir: "/app", text: ".env\n" }]);
    expect(a.ok && b.ok && a.edit.newText !== b.edit.newText).toBe(true);
  });
});
