import path from "node:path";
import { describe, expect, it } from "vitest";
import { doctorRules, renderDoctorRuleDoc } from "../../../src/core/doctor";
import { rules as schemaRules } from "../../../src/core/lint/rules";
import { doctor, STRONG_SECRET } from "./helpers";

const root = path.join(__dirname, "../../..");

/** Docs examples leave out imports and real secrets; put them back so the example runs as a project. */
function materialize(file: string, text: string): string {
  const filled = text
    .replace("<output of: openssl rand -base64 32>", STRONG_SECRET)
    .replace("<new secret>", `N${STRONG_SECRET}`)
    .replace("<old secret>", `O${STRONG_SECRET}`);
  if (file.endsWith("auth.ts")) {
    return `import { betterAuth } from "better-auth";\nimport { nextCookies } from "better-auth/next-js";\nimport { twoFactor } from "better-auth/plugins";\n${filled}`;
  }
  if (file === "middleware.ts" && !filled.includes("import ")) return `import { getSessionCookie } from "better-auth/cookies";\n${filled}`;
  return filled;
}

describe("config doctor rule docs", () => {
  for (const rule of doctorRules) {
    // `npx vitest run test/core/doctor/docs.test.ts -u` rewrites the pages from the rules.
    it(`docs/rules/${rule.id}.md is up to date`, async () => {
      await expect(renderDoctorRuleDoc(rule)).toMatchFileSnapshot(path.join(root, "docs/rules", `${rule.id}.md`));
    });
  }

  it("ids are unique kebab-case, also across the schema rules, and every rationale cites a better-auth file", () => {
    const ids = [...doctorRules, ...schemaRules].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of doctorRules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.rationale, rule.id).toMatch(/`dist\/[\w/.-]+\.m[jt]s`|RFC 6265/);
    }
  });

  it("each flagged example is flagged by its rule, each accepted one is not", () => {
    for (const rule of doctorRules) {
      const run = (files: { path: string; text: string }[]) => {
        const project = Object.fromEntries(files.map((file) => [file.path, materialize(file.path, file.text)]));
        return doctor({ files: project }).filter((finding) => finding.rule === rule.id);
      };
      expect(run(rule.examples.bad.files).length, `${rule.id}: bad example`).toBeGreaterThan(0);
      expect(run(rule.examples.good.files), `${rule.id}: good example`).toEqual([]);
    }
  });
});
