import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/lint/findings";
import { lintAppSchemaAt } from "../../src/core/lint/lint-files";
import { runCli } from "../cli/run-cli";

// Public apps that use Better Auth with Prisma (test/real-world/README.md), each linted at the
// version its lock file resolved, with its own auth config. Every finding must carry a reasoned
// verdict in verdicts.json (checked against that version's source, see each analysis.md), none
// may be judged false, and every judged finding must still be found: the set is compared whole.
//
// The apps' files are third-party content and are not committed: they are read from
// test/real-world/corpus/<app>/ where a developer fetched them, or from the shared folder
// (../shared/real-world/corpus/<app>/) where the steering repo keeps them as data.

interface Verdict {
  rule: string;
  severity: string;
  model: string | null;
  field: string | null;
  verdict: "true" | "latent" | "false";
  reason: string;
}
interface Meta {
  betterAuthVersion: string;
  schema: string[];
}

const HERE = path.join(__dirname, "corpus");
const SHARED = path.join(__dirname, "../../../shared/real-world/corpus");
const verdicts = JSON.parse(readFileSync(path.join(__dirname, "verdicts.json"), "utf8")) as Record<string, { findings: Verdict[] }>;
const apps = readdirSync(HERE).filter((dir) => existsSync(path.join(HERE, dir, "meta.json"))).sort();

/** Where the app's files are, if anywhere on this machine. */
function filesOf(app: string, meta: Meta): string | undefined {
  for (const root of [HERE, SHARED]) if (existsSync(path.join(root, app, meta.schema[0]!))) return path.join(root, app);
  return undefined;
}

const key = (f: { rule: string; severity: string; model?: string | null; field?: string | null }) => `${f.rule} ${f.severity} ${f.model ?? "-"}.${f.field ?? "-"}`;

const scratch = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-corpus-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lint(dir: string, meta: Meta): Promise<Finding[]> {
  const result = await lintAppSchemaAt(path.join(dir, meta.schema[0]!), { betterAuthVersion: meta.betterAuthVersion }, { cwd: dir, mayLoadInstalled: true });
  return result.findings;
}

const available = apps.filter((app) => filesOf(app, JSON.parse(readFileSync(path.join(HERE, app, "meta.json"), "utf8"))));

describe("real-world corpus", () => {
  it("has at least 40 apps, each with a verdict list, and no verdict judged false", () => {
    expect(apps.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(verdicts).sort()).toEqual(apps);
    expect(Object.values(verdicts).flatMap((app) => app.findings).filter((f) => f.verdict === "false")).toEqual([]);
  });

  // Without the apps' files (a clean clone whose shared folder does not carry them) there is
  // nothing to lint; the verdicts above are still checked.
  describe.runIf(available.length > 0)(`apps whose files are on this machine (${available.length} of ${apps.length})`, () => {
    for (const app of available) {
      const meta = JSON.parse(readFileSync(path.join(HERE, app, "meta.json"), "utf8")) as Meta;
      it(`${app} (Better Auth ${meta.betterAuthVersion}): exactly the judged findings`, async () => {
        const findings = await lint(filesOf(app, meta)!, meta);
        expect(findings.map(key).sort()).toEqual(verdicts[app]!.findings.map(key).sort());
      });

      it(`${app}: fix --write leaves a schema that lints with no finding it did not have`, async () => {
        const dir = path.join(scratch, app);
        cpSync(filesOf(app, meta)!, dir, { recursive: true });
        const before = await lint(dir, meta);
        const fix = await runCli(["fix", "--write", "--better-auth-version", meta.betterAuthVersion, meta.schema[0]!], { cwd: dir, env: { BETTER_AUTH_DOCTOR_NOW: "2026-12-02T00:00:00Z" } });
        expect(fix.code, fix.stderr).toBeLessThan(2);
        const after = await lint(dir, meta);
        const old = new Set(before.map(key));
        expect(after.map(key).filter((k) => !old.has(k))).toEqual([]);
        expect(after.filter((finding) => finding.fix && finding.severity === "error").map(key)).toEqual([]);
      });
    }
  });
});
