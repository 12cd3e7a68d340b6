import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, edit } from "../core/lint/rules/helpers";
import { writeFiles } from "../write-files";
import { runCli } from "./run-cli";

const BROKEN = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
let root: string;

const project = (name: string, files: Record<string, string>) => writeFiles(path.join(root, name), files);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-cli-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("better-auth-doctor lint", () => {
  it("finds the project's schema, prints the exact JSON contract and exits 1 on errors", async () => {
    const dir = project("json", {
      "package.json": JSON.stringify({ dependencies: { "better-auth": "~1.2.0" } }),
      "prisma/schema.prisma": BROKEN,
    });
    const result = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const parsed = JSON.parse(result.stdout);
    expect(Object.keys(parsed)).toEqual(["files"]);
    expect(Object.keys(parsed.files[0])).toEqual(["path", "betterAuthVersion", "authConfig", "findings"]);
    expect(parsed.files[0].authConfig).toBeNull();
    expect(parsed.files[0].path).toBe("prisma/schema.prisma");
    expect(parsed.files[0].betterAuthVersion).toEqual({ version: "1.2.12", source: "package.json" });
    expect(parsed.files[0].findings).toHaveLength(1);
    const finding = parsed.files[0].findings[0];
    expect(Object.keys(finding)).toEqual(["rule", "severity", "message", "model", "range"]);
    expect(finding).toMatchObject({ rule: "session-token-layout", severity: "error", model: "Session" });
    expect(finding.range).toEqual({ start: { line: 20, character: 6 }, end: { line: 20, character: 13 } });
    expect(finding.message).toContain("Better Auth 1.2.12 (newest allowed by ~1.2.0 in package.json)");
  });

  it("exits 0 on a clean schema and honours --better-auth-version", async () => {
    const dir = project("clean", { "schema.prisma": CURRENT_SCHEMA });
    const clean = await runCli(["lint"], { cwd: dir });
    expect(clean).toMatchObject({ code: 0, stdout: "No problems found in 1 schema file.\n" });
    const legacy = await runCli(["lint", "schema.prisma", "--better-auth-version", "0.8.8", "--format", "json"], { cwd: dir });
    expect(legacy.code).toBe(1);
    expect(JSON.parse(legacy.stdout).files[0].betterAuthVersion).toEqual({ version: "0.8.8", source: "override" });
  });

  it("prints text like ESLint's stylish format, 1-based", async () => {
    const dir = project("text", { "schema.prisma": BROKEN });
    const result = await runCli(["lint", "schema.prisma", "--better-auth-version", "1.7.25"], { cwd: dir });
    expect(result.stdout).toMatch(/^\nschema\.prisma {2}\(Better Auth 1\.7\.25, set explicitly\)\n {2}21:7 {4}error {3}Session has no `token` field/);
    expect(result.stdout).toMatch(/session-token-layout\n\n1 problem \(1 error, 0 warnings, 0 info\)\n$/);
  });

  it("lints a multi-file schema folder as one schema", async () => {
    const sessionStart = CURRENT_SCHEMA.indexOf("model Session");
    const accountStart = CURRENT_SCHEMA.indexOf("model Account");
    const dir = project("multi", {
      "package.json": JSON.stringify({ prisma: { schema: "prisma/schema" } }),
      "prisma/schema/base.prisma": CURRENT_SCHEMA.slice(0, sessionStart),
      "prisma/schema/auth/session.prisma": edit(CURRENT_SCHEMA.slice(sessionStart, accountStart), "  @@unique([token])\n", ""),
      "prisma/schema/auth/rest.prisma": CURRENT_SCHEMA.slice(accountStart),
    });
    const result = await runCli(["lint", "--format", "json", "--better-auth-version", "1.7.25"], { cwd: dir });
    const files = JSON.parse(result.stdout).files;
    expect(files.map((file: { path: string }) => file.path)).toEqual([
      "prisma/schema/auth/rest.prisma",
      "prisma/schema/auth/session.prisma",
      "prisma/schema/base.prisma",
    ]);
    expect(files.map((file: { findings: unknown[] }) => file.findings.length)).toEqual([0, 1, 0]);
    expect(files[1].findings[0].range.start.line).toBe(3);
  });

  it("lints a folder whose .prisma files sit one level down (prisma.config.ts naming prisma/), as Prisma reads it", async () => {
    const sessionStart = CURRENT_SCHEMA.indexOf("model Session");
    const dir = project("nested", {
      "package.json": "{}",
      "prisma.config.ts": 'import { defineConfig } from "prisma/config";\nexport default defineConfig({ schema: "prisma" });\n',
      "prisma/schema/base.prisma": CURRENT_SCHEMA.slice(0, sessionStart),
      "prisma/schema/auth.prisma": edit(CURRENT_SCHEMA.slice(sessionStart), "  @@unique([token])\n", ""),
    });
    const named = await runCli(["lint", "prisma", "--format", "json", "--better-auth-version", "1.7.25"], { cwd: dir });
    expect(named.stderr).toBe("");
    expect(JSON.parse(named.stdout).files.map((file: { path: string; findings: unknown[] }) => `${file.path}:${file.findings.length}`)).toEqual([
      "prisma/schema/auth.prisma:1",
      "prisma/schema/base.prisma:0",
    ]);
    // The project folder itself finds the same schema through prisma.config.ts.
    const project_ = await runCli(["lint", "--format", "json", "--better-auth-version", "1.7.25"], { cwd: dir });
    expect(JSON.parse(project_.stdout).files.filter((file: { kind?: string; path: string }) => file.path.endsWith(".prisma")).length).toBe(2);
    // A folder with its own package.json stays a project folder, never "every .prisma below it".
    const bare = project("bare-project", { "package.json": "{}", "examples/a/schema.prisma": CURRENT_SCHEMA });
    expect((await runCli(["lint", "."], { cwd: bare })).code).toBe(2);
  });

  it("applies per-rule severity from .better-auth-doctor.json", async () => {
    const dir = project("config", { "schema.prisma": BROKEN, ".better-auth-doctor.json": JSON.stringify({ rules: { "session-token-layout": "warn" } }) });
    const result = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].findings[0].severity).toBe("warning");
  });

  it("writes SARIF 2.1.0 that GitHub code scanning accepts", async () => {
    const dir = project("sarif", { "schema.prisma": BROKEN });
    const result = await runCli(["lint", "--format", "sarif", "--better-auth-version", "1.7.25"], { cwd: dir });
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("better-auth-doctor");
    const result0 = run.results[0];
    expect(run.tool.driver.rules[result0.ruleIndex].id).toBe(result0.ruleId);
    expect(result0).toMatchObject({ ruleId: "session-token-layout", level: "error" });
    expect(result0.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "schema.prisma", uriBaseId: "%SRCROOT%" },
      region: { startLine: 21, startColumn: 7, endLine: 21, endColumn: 14 },
    });
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/);
  });

  it("exits 2 with a clear message on usage and I/O errors", async () => {
    const dir = project("errors", {});
    const none = await runCli(["lint"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no Prisma schema found/);
    expect((await runCli(["lint", "missing.prisma"], { cwd: dir })).stderr).toMatch(/missing\.prisma: no such schema file or folder/);
    expect((await runCli(["lint", "--format", "xml"], { cwd: dir })).stderr).toMatch(/--format must be one of text, json, sarif/);
    expect((await runCli(["lint", "--frobnicate"], { cwd: dir })).code).toBe(2);
    expect((await runCli(["nope"], { cwd: dir })).code).toBe(2);
  });
});

describe("the built CLI (dist/cli.js)", () => {
  const cli = path.join(__dirname, "../../dist/cli.js");

  it("runs under plain node on the bundled example with exit code 1", () => {
    const result = spawnSync(process.execPath, [cli, "lint", "examples/broken-session", "--format", "json"], {
      cwd: path.join(__dirname, "../.."),
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    const files = JSON.parse(result.stdout).files;
    expect(files[0].findings.map((finding: { rule: string }) => finding.rule)).toContain("session-token-layout");
  });

  it("prints its usage", () => {
    expect(execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8" })).toMatch(/lint .*\n.*cookie/s);
  });
});
