import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization, twoFactor } from "better-auth/plugins";
import { HEALTHY } from "../core/doctor/fixtures";
import "../generated/polyfill-groupby";
import { CURRENT_SCHEMA } from "../core/lint/rules/helpers";
import { writeFiles } from "../write-files";
import { runCli } from "./run-cli";

// `lint` on a project checks, besides the schema, the app's auth config, its .env files and its
// middleware; each is a file of the report. The apps are real folders on disk.

let root: string;
/** The schema Better Auth's own generator writes for the healthy app's plugins (twoFactor, organization). */
let healthySchema: string;

const project = (name: string, files: Record<string, string>) => writeFiles(path.join(root, name), files);

interface JsonFile {
  path: string;
  betterAuthVersion: { version: string | null; source: string };
  authConfig: { path: string; plugins: string[]; unresolved: string[] } | null;
  findings: { rule: string; severity: string; message: string; model: string | null; range: unknown }[];
}

async function lintJson(dir: string, args: string[] = []): Promise<{ code: number; files: JsonFile[] }> {
  const result = await runCli(["lint", "--format", "json", ...args], { cwd: dir });
  expect(result.stderr).toBe("");
  return { code: result.code, files: JSON.parse(result.stdout).files };
}

const WEAK_SECRET = "Kq7-weak-zz9";
const FALLBACK = "fallback-secret-key-Xy3";
const LEAKY_AUTH_TS = `import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { prisma } from "./db";

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  baseURL: process.env.BETTER_AUTH_URL,
  secret: process.env.BETTER_AUTH_SECRET || "${FALLBACK}",
});
`;
const LEAKY = {
  "package.json": JSON.stringify({ dependencies: { "better-auth": "1.7.25" } }),
  "prisma/schema.prisma": CURRENT_SCHEMA,
  "src/lib/auth.ts": LEAKY_AUTH_TS,
  ".env": `BETTER_AUTH_SECRET=${WEAK_SECRET}\nBETTER_AUTH_URL=http://localhost:3000\n`,
};

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-lint-project-"));
  const { generatePrismaSchema } = await import("auth/api");
  const options = { database: prismaAdapter({}, { provider: "postgresql" }), plugins: [twoFactor(), organization()] };
  const input = { adapter: options.database(options as never), options, file: path.join(root, "none", "schema.prisma") };
  healthySchema = (await generatePrismaSchema(input as never)).code!;
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("lint on a project", () => {
  it("a healthy app with a clean schema: exit 0, no error or warning, every file it read listed", async () => {
    const dir = project("healthy", { ...HEALTHY.files, "prisma/schema.prisma": healthySchema });
    const { code, files } = await lintJson(dir);
    expect(code).toBe(0);
    expect(files.map((file) => file.path)).toEqual(["prisma/schema.prisma", "lib/auth.ts", ".env", ".env.example", ".env.production", "middleware.ts", "app/api/auth/[...all]/route.ts"]);
    expect(files.flatMap((file) => file.findings).filter((finding) => finding.severity !== "info")).toEqual([]);
    expect(files[0]!.authConfig).toMatchObject({ path: "lib/auth.ts", plugins: ["twoFactor", "organization", "nextCookies"] });
    for (const file of files.slice(1)) {
      expect(Object.keys(file)).toEqual(["path", "betterAuthVersion", "authConfig", "findings"]);
      expect(file.authConfig).toBeNull();
      expect(file.betterAuthVersion).toEqual({ version: "1.7.25", source: "package.json" });
    }
    const text = await runCli(["lint"], { cwd: dir });
    expect(text).toMatchObject({ code: 0, stdout: "No problems found in 1 schema file and 6 config files.\n" });
  });

  it("reports the config's findings in their own files, exits 1 on an error there, and never prints the secret", async () => {
    const dir = project("leaky", LEAKY);
    const { code, files } = await lintJson(dir);
    expect(code).toBe(1);
    expect(files.map((file) => [file.path, file.findings.map((finding) => `${finding.rule}:${finding.severity}`)])).toEqual([
      ["prisma/schema.prisma", []],
      ["src/lib/auth.ts", ["secret-literal-fallback:error"]],
      [".env", ["weak-secret:warning"]],
    ]);
    const fallback = files[1]!.findings[0]!;
    expect(fallback.range).toEqual({ start: { line: 7, character: 44 }, end: { line: 7, character: 69 } });
    expect(fallback.model).toBeNull();
    expect(files[2]!.findings[0]!.message).toMatch(/^BETTER_AUTH_SECRET in \.env has 12 characters/);

    for (const format of ["text", "json", "sarif"]) {
      const result = await runCli(["lint", "--format", format], { cwd: dir });
      expect(result.code, format).toBe(1);
      expect(result.stdout, format).toContain(format === "text" ? "secret-literal-fallback" : '"secret-literal-fallback"');
      for (const secret of [WEAK_SECRET, FALLBACK]) {
        expect(result.stdout, `${format} output holds ${secret}`).not.toContain(secret);
        expect(result.stderr, format).not.toContain(secret);
      }
    }
  });

  it("never prints a literal fallback that is the secret in use (its variable set nowhere), not even in authConfig.unresolved", async () => {
    const devSecret = "dev-only-secret-Qw8";
    const githubSecret = "gh-client-secret-Zr5";
    const dir = project("unset-secret", {
      ...LEAKY,
      ".env": "BETTER_AUTH_URL=http://localhost:3000\n",
      "src/lib/auth.ts": LEAKY_AUTH_TS.replace(`process.env.BETTER_AUTH_SECRET || "${FALLBACK}"`, `process.env.BETTER_AUTH_SECRET ?? "${devSecret}"`).replace(
        "});",
        `  socialProviders: { github: { clientId: "x", clientSecret: process.env.GITHUB_SECRET || "${githubSecret}" } },\n});`,
      ),
    });
    const { files } = await lintJson(dir);
    expect(files[1]!.findings.map((finding) => finding.rule)).toContain("secret-literal-fallback");
    // The note still says what was not evaluated and where, with the string masked.
    expect(files[0]!.authConfig!.unresolved).toContain(
      'secret: process.env.BETTER_AUTH_SECRET ?? "…" (depends on process.env.BETTER_AUTH_SECRET (an environment variable not set)) — not evaluated (auth.ts:8)',
    );
    for (const format of ["text", "json", "sarif"]) {
      const result = await runCli(["lint", "--format", format], { cwd: dir });
      for (const secret of [devSecret, githubSecret]) expect(result.stdout + result.stderr, `${format} output holds ${secret}`).not.toContain(secret);
    }
  });

  it("writes the config findings as SARIF results with their rule descriptors", async () => {
    const dir = project("sarif", LEAKY);
    const result = await runCli(["lint", "--format", "sarif"], { cwd: dir });
    const run = JSON.parse(result.stdout).runs[0];
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toContain("secret-literal-fallback");
    expect(ids).toContain("weak-secret");
    const results = run.results.map((r: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => ({
      ruleId: r.ruleId,
      descriptor: ids[r.ruleIndex],
      level: r.level,
      uri: r.locations[0]!.physicalLocation.artifactLocation.uri,
      line: r.locations[0]!.physicalLocation.region.startLine,
    }));
    expect(results).toEqual([
      { ruleId: "secret-literal-fallback", descriptor: "secret-literal-fallback", level: "error", uri: "src/lib/auth.ts", line: 8 },
      { ruleId: "weak-secret", descriptor: "weak-secret", level: "warning", uri: ".env", line: 1 },
    ]);
  });

  it("applies --config severities to the doctor's rules", async () => {
    const dir = project("severities", {
      ...LEAKY,
      "doctor.json": JSON.stringify({ rules: { "secret-literal-fallback": "off", "weak-secret": "error" } }),
    });
    const { code, files } = await lintJson(dir, ["--config", "doctor.json"]);
    expect(code).toBe(1);
    expect(files.flatMap((file) => file.findings.map((finding) => `${file.path} ${finding.rule}:${finding.severity}`))).toEqual([".env weak-secret:error"]);

    const quiet = project("quiet", { ...LEAKY, ".better-auth-doctor.json": JSON.stringify({ rules: { "secret-literal-fallback": "warn", "weak-secret": "info" } }) });
    const relaxed = await lintJson(quiet);
    expect(relaxed.code).toBe(0);
    expect(relaxed.files.flatMap((file) => file.findings.map((finding) => `${finding.rule}:${finding.severity}`))).toEqual(["secret-literal-fallback:warning", "weak-secret:info"]);
  });

  it("still refuses a rule id that is neither a schema nor a doctor rule", async () => {
    const dir = project("unknown-rule", { ...LEAKY, "doctor.json": JSON.stringify({ rules: { "weak-secrets": "off" } }) });
    const result = await runCli(["lint", "--config", "doctor.json"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rules["weak-secrets"]: unknown rule; rules are "session-token-layout", ');
    expect(result.stderr).toContain('"weak-secret"');
  });

  it("a project folder given as a path is linted as a project; a schema file or schema folder only as a schema", async () => {
    const dir = project("paths", {
      ...LEAKY,
      "packages/db/schema/base.prisma": CURRENT_SCHEMA,
    });
    const asProject = await lintJson(root, ["paths"]);
    expect(asProject.files.map((file) => file.path)).toEqual(["paths/prisma/schema.prisma", "paths/src/lib/auth.ts", "paths/.env"]);
    expect(asProject.code).toBe(1);

    const schemaOnly = await lintJson(dir, ["prisma/schema.prisma"]);
    expect(schemaOnly).toEqual({ code: 0, files: [expect.objectContaining({ path: "prisma/schema.prisma", findings: [] })] });
    const schemaFolder = await lintJson(dir, ["packages/db/schema"]);
    expect(schemaFolder.files.map((file) => file.path)).toEqual(["packages/db/schema/base.prisma"]);
    expect(schemaFolder.code).toBe(0);
  });

  it("lints each project once when it is named twice", async () => {
    const dir = project("twice", LEAKY);
    const { files } = await lintJson(dir, [".", "."]);
    expect(files.map((file) => file.path)).toEqual(["prisma/schema.prisma", "src/lib/auth.ts", ".env"]);
  });

  it("leaves the config alone in a folder that depends on no better-auth", async () => {
    const dir = project("no-better-auth", { "package.json": "{}", "prisma/schema.prisma": CURRENT_SCHEMA, ".env": "BETTER_AUTH_SECRET=x\n" });
    const { code, files } = await lintJson(dir);
    expect(code).toBe(0);
    expect(files.map((file) => file.path)).toEqual(["prisma/schema.prisma"]);
  });
});
