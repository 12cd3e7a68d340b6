import { describe, expect, it } from "vitest";
import { estimateEntropy } from "../../../src/core/doctor";
import { authWith, withFiles } from "./fixtures";
import { applyFix, at, doctor, only, STRONG_SECRET, textAt } from "./helpers";

const ENV = (secret: string) => `DATABASE_URL=postgresql://localhost:5432/app\nBETTER_AUTH_SECRET=${secret}\nBETTER_AUTH_URL=http://localhost:3000\n`;

describe("secret-literal-fallback", () => {
  const project = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", '  baseURL: process.env.BETTER_AUTH_URL,\n  secret: process.env.BETTER_AUTH_SECRET || "fallback-secret-key",') });

  it("is an error on the literal, and the fix keeps only the variable", () => {
    const [finding, ...rest] = only(doctor(project), "secret-literal-fallback");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: "error", file: at("lib/auth.ts"), range: { start: { line: 9, character: 44 }, end: { line: 9, character: 65 } } });
    expect(textAt(project, finding!)).toBe('"fallback-secret-key"');
    expect(finding!.message).toBe(
      'The secret falls back to a 19-character literal (`|| "…"`) when `process.env.BETTER_AUTH_SECRET` is unset: wherever that happens, anyone who can read this file can sign session cookies. Remove the fallback so a missing secret stops the app instead.',
    );
    const fixed = applyFix(project, finding!);
    expect(fixed.files["lib/auth.ts"]).toContain("  secret: process.env.BETTER_AUTH_SECRET,\n");
    expect(doctor(fixed)).toEqual([]);
  });

  it("finds `??` fallbacks written through a const", () => {
    const text = authWith("export const auth = betterAuth({", 'const secret = process.env.AUTH_SECRET ?? "dev-only";\n\nexport const auth = betterAuth({\n  secret,');
    const [finding] = only(doctor(withFiles({ "lib/auth.ts": text })), "secret-literal-fallback");
    expect(finding!.message).toContain('literal (`?? "…"`) when `process.env.AUTH_SECRET` is unset');
    expect(finding!.range.start.line).toBe(6);
  });
});

describe("public-default-secret", () => {
  it("is an error in .env, on the value", () => {
    const project = withFiles({ ".env": ENV("better-auth-secret-12345678901234567890") });
    const findings = doctor(project);
    const [finding] = only(findings, "public-default-secret");
    expect(finding).toMatchObject({ severity: "error", file: at(".env"), range: { start: { line: 1, character: 19 }, end: { line: 1, character: 58 } } });
    expect(finding!.message).toBe("BETTER_AUTH_SECRET in .env is Better Auth's public default secret: anyone can sign session cookies with it. Generate a random one (`openssl rand -base64 32`).");
    // Reported once, not again as weak.
    expect(findings.map((f) => f.rule)).toEqual(["public-default-secret"]);
  });

  it("knows the pre-1.4.5 default too, written in the config", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", '  baseURL: process.env.BETTER_AUTH_URL,\n  secret: "better-auth-secret-123456789",') });
    expect(doctor(project).map((f) => [f.rule, f.severity, textAt(project, f)])).toEqual([["public-default-secret", "error", '"better-auth-secret-123456789"']]);
  });
});

describe("secret-in-source", () => {
  it("warns about a literal secret, giving only its length", () => {
    const project = withFiles({ "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", `  baseURL: process.env.BETTER_AUTH_URL,\n  secret: "${STRONG_SECRET}",`) });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "secret-in-source", severity: "warning" });
    expect(textAt(project, finding!)).toBe(`"${STRONG_SECRET}"`);
    expect(finding!.message).toBe("The secret is written in the source (44 characters): anyone who can read this file can sign session cookies. Set BETTER_AUTH_SECRET in a git-ignored .env (or the host's environment) and remove it here.");
  });
});

describe("weak-secret", () => {
  const cases: [string, string][] = [
    ["your-secret-here", "BETTER_AUTH_SECRET in .env is a placeholder (16 characters) that anyone can guess."],
    ["changeme-changeme-changeme-changeme-1234", "BETTER_AUTH_SECRET in .env is a placeholder (40 characters) that anyone can guess."],
    ["Xk29fLq0Zr81", 'BETTER_AUTH_SECRET in .env has 12 characters; Better Auth warns below 32 ("should be at least 32 characters long").'],
    ["abababababababababababababababababababab", 'BETTER_AUTH_SECRET in .env has 40 characters but about 40 bits by Better Auth\'s own estimate; it warns below 120 ("appears low-entropy").'],
  ];
  for (const [secret, start] of cases) {
    it(`flags ${start.split(" in .env ")[1]!.slice(0, 30)}…`, () => {
      const project = withFiles({ ".env": ENV(secret) });
      const [finding, ...rest] = doctor(project);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ rule: "weak-secret", severity: "warning" });
      expect(textAt(project, finding!)).toBe(secret);
      expect(finding!.message).toBe(`${start} Anyone who guesses it can sign session cookies; use 32 random bytes (\`openssl rand -base64 32\`).`);
    });
  }

  it("uses Better Auth's own entropy estimate", () => {
    expect(estimateEntropy("abababababababababababababababababababab")).toBe(40);
    expect(estimateEntropy(STRONG_SECRET)).toBeGreaterThan(120);
    expect(estimateEntropy("")).toBe(0);
  });

  it("reads quoted values and leaves .env.test and .env.example alone", () => {
    const project = withFiles({ ".env.local": 'BETTER_AUTH_SECRET="short"\n', ".env.test": "BETTER_AUTH_SECRET=test\n", ".env.example": "BETTER_AUTH_SECRET=changeme\n" });
    const findings = doctor(project);
    expect(findings.map((f) => [f.rule, f.file, textAt(project, f)])).toEqual([["weak-secret", at(".env.local"), "short"]]);
  });

  it("checks only the current BETTER_AUTH_SECRETS entry", () => {
    const project = withFiles({ ".env": `BETTER_AUTH_SECRETS=2:weak-new, 1:${STRONG_SECRET}\nBETTER_AUTH_URL=http://localhost:3000\n` });
    const [finding, ...rest] = doctor(project);
    expect(rest).toEqual([]);
    expect(textAt(project, finding!)).toBe("weak-new");
    expect(finding!.message).toMatch(/^BETTER_AUTH_SECRETS entry 1 in \.env has 8 characters/);
    const old = withFiles({ ".env": `BETTER_AUTH_SECRETS=2:${STRONG_SECRET},1:weak-old\nBETTER_AUTH_URL=http://localhost:3000\n` });
    expect(doctor(old)).toEqual([]);
  });

  it("is silenced by a # comment on the line before in .env", () => {
    const project = withFiles({ ".env": "# better-auth-doctor-ignore weak-secret\nBETTER_AUTH_SECRET=short\nBETTER_AUTH_URL=http://localhost:3000\n" });
    expect(doctor(project)).toEqual([]);
  });
});

describe("invalid-secrets-entry", () => {
  it("names each refused entry by position, on the entry", () => {
    const project = withFiles({ ".env": `BETTER_AUTH_SECRETS="${STRONG_SECRET},x:${STRONG_SECRET},3:,2:${STRONG_SECRET},2:${STRONG_SECRET}"\nBETTER_AUTH_URL=http://localhost:3000\n` });
    const findings = only(doctor(project), "invalid-secrets-entry");
    expect(findings.map((f) => [f.severity, f.message.split(";")[0]])).toEqual([
      ["error", 'BETTER_AUTH_SECRETS: entry 1 has no ":" (Better Auth expects "<version>:<secret>")'],
      ["error", 'BETTER_AUTH_SECRETS: entry 2 has no non-negative integer version before ":"'],
      ["error", "BETTER_AUTH_SECRETS: entry 3 (version 3) has an empty secret"],
      ["error", 'BETTER_AUTH_SECRETS: entry 5 repeats version 2 ("Duplicate version 2 in `secrets`")'],
    ]);
    expect(textAt(project, findings[2]!)).toBe("3:");
    expect(textAt(project, findings[0]!)).toBe(STRONG_SECRET);
  });

  it("checks the secrets option the way validateSecretsArray does", () => {
    const text = authWith("  emailAndPassword: { enabled: true },", '  emailAndPassword: { enabled: true },\n  secrets: [\n    { version: 2, value: process.env.SECRET_V2! },\n    { version: 2, value: process.env.SECRET_V1! },\n  ],');
    const project = withFiles({ "lib/auth.ts": text });
    const [finding] = only(doctor(project), "invalid-secrets-entry");
    expect(finding!.message).toBe("secrets[1] repeats version 2; Better Auth 1.7.25 refuses to start with it.");
    expect(textAt(project, finding!)).toBe("version: 2");
    expect(finding!.range.start.line).toBe(12);
  });
});

describe("secret values never appear in messages", () => {
  it("for every secret finding on a project full of them", () => {
    const secrets = ["your-secret-here", "Xk29fLq0Zr81", "better-auth-secret-12345678901234567890", "fallback-secret-key", "abababababababababababababababababababab"];
    const project = withFiles({
      ".env": ENV(secrets[0]!),
      ".env.local": `AUTH_SECRET=${secrets[1]}\n`,
      ".env.production": `BETTER_AUTH_SECRET=${secrets[2]}\nBETTER_AUTH_URL=https://app.example.com\n`,
      ".env.development": `BETTER_AUTH_SECRETS=1:${secrets[4]},oops\n`,
      "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", `  baseURL: process.env.BETTER_AUTH_URL,\n  secret: process.env.BETTER_AUTH_SECRET || "${secrets[3]}",`),
    });
    const findings = doctor(project);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["weak-secret", "public-default-secret", "secret-literal-fallback", "invalid-secrets-entry"]));
    // Messages, ranges and fixes (titles and edits) alike.
    const text = JSON.stringify(findings);
    expect(findings.some((f) => f.fix)).toBe(true);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
