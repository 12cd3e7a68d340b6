import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { LintConfig } from "../../core/better-auth/options-mirror";
import type { Finding } from "../../core/lint/findings";
import { planFixes, type FixPlan } from "../../core/fixes/fix-plan";
import { findPrismaConfig } from "../../core/schema/prisma-config";
import { parseArgs, single } from "../args";
import { readLintSettings } from "../config-file";
import { lintInput } from "../lint-input";
import { displayPath } from "../paths";
import type { LintReport } from "../format/lint-report";
import { formatLintText } from "../format/lint-text";
import { unifiedDiff } from "../format/unified-diff";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import type { Command } from "./command";

const HELP = `Usage: better-auth-doctor fix [paths…] [options]

Applies every fix lint offers on the schema and, when the Session layout changes, plans the
migration that changes the Session table the same way without signing anybody out. (The auth
config's and middleware's fixes are VS Code quick fixes, applied one by one.) Without --write it prints
a diff of each schema file and the migration.sql it would write, and changes nothing.
Paths are found as for 'lint'.

Options:
  --write                            write the schema files and <migrations>/<timestamp>_<name>/migration.sql
  --better-auth-version X            assume this Better Auth version instead of detecting it
  --config F                         JSON settings (default: .better-auth-doctor.json in the current folder)
  --auth-config F                    the Better Auth config to read (default: found as Better Auth's CLI finds it)
  --keep-latest-duplicate-sessions   when making Session.token unique, delete all but the latest session
                                     of each shared token (default: the migration stops and changes nothing)

Exit codes: 0 no error-level findings left after fixing, 1 error-level findings left (no fix for
them), 2 usage or I/O error (including a migration folder that already exists).
`;

/** Lets tests pin the migration folder's timestamp; read only here, never by the core. */
const NOW_ENV = "BETTER_AUTH_DOCTOR_NOW";

function readNow(env: NodeJS.ProcessEnv): Date {
  const value = env[NOW_ENV];
  if (!value) return new Date();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new UsageError(`${NOW_ENV} is not a date (got '${value}')`);
  return now;
}

function where(cwd: string, finding: Finding): string {
  return `${displayPath(cwd, finding.file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

function indent(text: string, prefix = "  "): string {
  return text.replace(/\n$/, "").split("\n").map((line) => (line ? prefix + line : line)).join("\n") + "\n";
}

interface Planned {
  plan: FixPlan;
  /** Whether the migrations folder existed before fix ran: without one the project may use `db push`. */
  hadMigrationsDir: boolean;
  files: string[];
  version: LintReport["files"][number]["version"];
}

function remainingReport(cwd: string, planned: Planned[]): LintReport {
  return {
    files: planned.flatMap(({ plan, files, version }) =>
      files.map((file) => ({ path: displayPath(cwd, file), absolutePath: file, kind: "schema" as const, version, findings: plan.remaining.filter((finding) => finding.file === file) })),
    ),
  };
}

/** Everything but the diff: migration, notes, skipped fixes. The same text before and after --write. */
function describeMigrationAndSkips(io: CliIo, { plan, hadMigrationsDir }: Planned, write: boolean, keepLatest: boolean): void {
  const { migration } = plan;
  if (migration) {
    const path = displayPath(io.cwd, migration.path);
    if (migration.sql !== undefined) {
      io.stdout(`\n${write ? "Wrote" : "Would write"} ${path} (${migration.transition}, ${migration.provider})${write ? "" : ":"}\n`);
      if (!write) io.stdout(indent(migration.sql));
    } else {
      io.stdout(`\nNo migration.sql is written for ${migration.transition} on ${migration.provider || "a schema without a datasource provider"}.\n`);
    }
    if (migration.sql !== undefined && !hadMigrationsDir) {
      io.stdout(
        `\n${displayPath(io.cwd, migration.dir)} did not exist: if this project uses \`prisma db push\` rather than migrations, ` +
          `apply the SQL with \`npx prisma db execute --file ${path}\` instead of \`migrate\`.\n`,
      );
    }
    // Numbered notes are steps (MongoDB's mongosh commands); a bullet in front would hide the order.
    const notes = migration.notes.map((note) => (/^\d+\. /.test(note) ? `  ${note}\n` : `  - ${note}\n`));
    if (notes.length) io.stdout(`\nNotes:\n${notes.join("")}`);
    if (migration.duplicateCheckSql) {
      const check = indent(migration.duplicateCheckSql, "    ");
      if (keepLatest) io.stdout(`\nThe migration deletes all but the latest session of each shared token. See which first with:\n${check}`);
      else {
        io.stdout(`\nSessions that share a token make the migration stop. Find them first with:\n${check}`);
        io.stdout("  Or run fix again with --keep-latest-duplicate-sessions to keep only the latest session of each shared token.\n");
      }
    }
  }
  if (plan.skipped.length) {
    io.stdout(`\nSkipped (run fix again to apply):\n`);
    for (const { finding, reason } of plan.skipped) io.stdout(`  ${where(io.cwd, finding)}  ${finding.rule}: ${reason}\n`);
  }
}

function nextSteps(planned: Planned[]): string {
  const migrations = planned.map(({ plan }) => plan.migration).filter((migration) => migration !== undefined);
  const steps: string[] = [];
  if (migrations.some((migration) => migration.sql !== undefined)) {
    steps.push(
      "review the migration, then apply it: `npx prisma migrate dev` in development (it also creates a migration for any other schema change the fixes made), " +
        "`npx prisma migrate deploy` in production and CI.",
    );
  } else if (migrations.length) {
    steps.push("follow the notes above to change the data; there is no migration.sql for this datasource.");
  } else {
    steps.push("run `npx prisma migrate dev` to create and apply a migration for the schema changes (`npx prisma db push` on MongoDB or without migrations).");
  }
  return `\nNext: ${steps.join(" ")}\n`;
}

function writeAll(io: CliIo, planned: Planned[]): void {
  for (const { plan } of planned) {
    const migration = plan.migration;
    if (migration?.sql === undefined) continue;
    mkdirSync(migration.dir, { recursive: true });
    // Not recursive: creating the folder itself fails with EEXIST, so an existing migration is never overwritten.
    mkdirSync(dirname(migration.path));
    writeFileSync(migration.path, migration.sql, { flag: "wx" });
  }
  for (const { plan } of planned) {
    for (const file of plan.files) {
      writeFileSync(file.path, file.after);
      io.stdout(`Wrote ${displayPath(io.cwd, file.path)}\n`);
    }
  }
}

export const fixCommand: Command = {
  summary: "apply the fixes lint offers and write the Session migration",
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { options: ["better-auth-version", "config", "auth-config"], flags: ["write", "keep-latest-duplicate-sessions"] });
    if (parsed.flags.has("help")) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const write = parsed.flags.has("write");
    const keepLatest = parsed.flags.has("keep-latest-duplicate-sessions");
    const config: LintConfig = readLintSettings(io.cwd, single(parsed, "config"), single(parsed, "better-auth-version"));
    const now = readNow(io.env);

    const inputs = parsed.positionals.length ? parsed.positionals.map((path) => resolve(io.cwd, path)) : [io.cwd];
    const planned: Planned[] = [];
    const seen = new Set<string>();
    for (const input of inputs) {
      const linted = await lintInput(io, "fix", input, parsed.positionals.length > 0, config, single(parsed, "auth-config"));
      if (!linted.ok) return linted.exit;
      const { target, result } = linted;
      // Two paths into the same schema would apply the same edits twice.
      if (result.files.every((file) => seen.has(file))) continue;
      for (const file of result.files) seen.add(file);
      const prismaConfig = findPrismaConfig(target);
      const plan = planFixes(result, {
        config: result.config,
        now,
        schemaPath: target,
        ...(prismaConfig ? { prismaConfig } : {}),
        ...(keepLatest ? { duplicates: "keep-latest" as const } : {}),
      });
      planned.push({ plan, hadMigrationsDir: !!plan.migration && existsSync(plan.migration.dir), files: result.files, version: result.version });
    }

    for (const { plan } of planned) {
      const folder = plan.migration?.sql !== undefined ? dirname(plan.migration.path) : undefined;
      if (folder && existsSync(folder)) {
        io.stderr(`better-auth-doctor fix: ${displayPath(io.cwd, folder)} already exists; not overwriting it (nothing was changed). Run fix again in a second.\n`);
        return EXIT_USAGE;
      }
    }

    const changed = planned.some(({ plan }) => plan.files.length);
    const remaining = remainingReport(io.cwd, planned);
    const failed = remaining.files.some((file) => file.findings.some((finding) => finding.severity === "error"));
    if (!changed) {
      io.stdout(formatLintText(remaining));
      if (remaining.files.some((file) => file.findings.length)) io.stdout("\nNone of these has an automatic fix.\n");
      return failed ? EXIT_FINDINGS : EXIT_OK;
    }
    if (write) {
      try {
        writeAll(io, planned);
      } catch (error) {
        io.stderr(`better-auth-doctor fix: ${(error as Error).message}\n`);
        return EXIT_USAGE;
      }
      for (const entry of planned) describeMigrationAndSkips(io, entry, true, keepLatest);
      io.stdout(nextSteps(planned));
    } else {
      for (const entry of planned) {
        for (const file of entry.plan.files) io.stdout(unifiedDiff(displayPath(io.cwd, file.path), file.before, file.after));
        describeMigrationAndSkips(io, entry, false, keepLatest);
      }
      io.stdout("\nDry run: nothing was written. Run again with --write to apply.\n");
    }

    io.stdout(`\nAfter fixing:\n${formatLintText(remaining).replace(/^\n/, "")}`);
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};
