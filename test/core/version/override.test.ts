import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maxSatisfying } from "../../../src/core/better-auth/versions";
import { lintText } from "../../../src/core/lint/lint";
import { parseVersionOverride, VERSION_FORMS } from "../../../src/core/version/override";
import { runCli } from "../../cli/run-cli";
import { CURRENT_SCHEMA, edit } from "../lint/rules/helpers";

const LEGACY = edit(edit(CURRENT_SCHEMA, "  token     String\n", ""), "  @@unique([token])\n", "");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("parseVersionOverride", () => {
  it("reads 0.8, ^0.8.0 and 0.8.8 as the same version: what installing them gives", () => {
    const versions = ["0.8", "^0.8.0", "0.8.8", " v0.8.8 ", "~0.8.1", "0.8.x"].map((raw) => parseVersionOverride(raw));
    for (const parsed of versions) expect(parsed).toMatchObject({ ok: true, version: { version: "0.8.8", source: "override" } });
    expect(parseVersionOverride("1")).toEqual({ ok: true, version: { version: maxSatisfying("1"), source: "override", range: "1", resolvedBy: "newest" } });
    expect(parseVersionOverride("1.7.25")).toEqual({ ok: true, version: { version: "1.7.25", source: "override" } });
  });

  it("rejects what names no version, listing the accepted forms", () => {
    expect(parseVersionOverride("")).toEqual({ ok: false, error: `is empty; expected ${VERSION_FORMS}` });
    for (const raw of ["abc", "-1", "latest", "*", "x", "workspace:*", ">1 <0"]) {
      expect(parseVersionOverride(raw), raw).toEqual({ ok: false, error: `'${raw}' is not a Better Auth version; expected ${VERSION_FORMS}` });
    }
  });
});

describe("one override, one verdict in every front end", () => {
  it('"0.8" through lintText and through the CLI gives the same findings', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-override-"));
    dirs.push(dir);
    writeFileSync(path.join(dir, "schema.prisma"), CURRENT_SCHEMA);
    for (const raw of ["0.8", "^0.8.0", "0.8.8"]) {
      const direct = lintText(CURRENT_SCHEMA, { config: { betterAuthVersion: raw }, path: path.join(dir, "schema.prisma") });
      const cli = await runCli(["lint", "schema.prisma", "--better-auth-version", raw, "--format", "json"], { cwd: dir });
      expect(cli.code, raw).toBe(1);
      const viaCli = JSON.parse(cli.stdout).files[0];
      expect(viaCli.betterAuthVersion).toEqual({ version: "0.8.8", source: "override" });
      expect(viaCli.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual(direct.map((f) => [f.rule, f.message]));
      // The 1.x layout is wrong under 0.8: the token column does not belong.
      expect(direct.some((f) => f.rule === "session-token-layout" && /Session\.token does not belong/.test(f.message))).toBe(true);
    }
  });

  it("^1.7 in package.json alone (no lock file, no node_modules) is the newest 1.x: no 1.7.0-1.7.2 issuer column demanded", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-range-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "prisma"));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ dependencies: { "better-auth": "^1.7" } }));
    writeFileSync(path.join(dir, "prisma/schema.prisma"), CURRENT_SCHEMA);
    const clean = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).files[0]).toMatchObject({ betterAuthVersion: { version: maxSatisfying("^1.7"), source: "package.json" }, findings: [] });
    writeFileSync(path.join(dir, "prisma/schema.prisma"), LEGACY);
    const broken = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(JSON.parse(broken.stdout).files[0].findings[0].message).toContain(`Better Auth ${maxSatisfying("^1.7")} (newest allowed by ^1.7 in package.json)`);
  });
});
