import { resolve } from "node:path";
import type { LintConfig } from "../core/better-auth/options-mirror";
import { lintAppSchemaAt } from "../core/lint/lint-files";
import { type CliIo, EXIT_USAGE } from "./io";
import { displayPath, schemaTarget } from "./paths";
import { readSchemaInput } from "./schema-input";

export type LintedInput =
  | { ok: true; target: string; result: Awaited<ReturnType<typeof lintAppSchemaAt>> }
  | { ok: false; exit: typeof EXIT_USAGE };

/**
 * One path of `lint` or `fix`, from what the user typed to the app-aware lint result: find the
 * schema, read every file of it up front, lint it with the app's auth config and installed
 * better-auth (the CLI runs where the user runs it: like ESLint's, it may load the project's own
 * packages). A problem is told on stderr, prefixed with the command, and ends the run with exit 2.
 */
export async function lintInput(
  io: CliIo,
  command: "lint" | "fix",
  input: string,
  named: boolean,
  config: LintConfig,
  authConfigPath: string | undefined,
): Promise<LintedInput> {
  const fail = (message: string): LintedInput => {
    io.stderr(`better-auth-doctor ${command}: ${message}\n`);
    return { ok: false, exit: EXIT_USAGE };
  };
  const found = schemaTarget(input);
  if (!found.ok) {
    return fail(
      named
        ? `${displayPath(io.cwd, input)}: ${found.problem}`
        : `no Prisma schema found in ${displayPath(io.cwd, input) || "."} (looked at prisma.config.ts, package.json#prisma.schema, prisma/schema.prisma, prisma/schema/, schema.prisma); pass a path`,
    );
  }
  const schemaInput = readSchemaInput(found.path);
  if (!schemaInput.ok) return fail(`${displayPath(io.cwd, schemaInput.file)}: ${schemaInput.problem}`);
  const result = await lintAppSchemaAt(
    found.path,
    config,
    { cwd: io.cwd, mayLoadInstalled: true, env: io.env, envFromProject: true, ...(authConfigPath ? { authConfigPath: resolve(io.cwd, authConfigPath) } : {}) },
    schemaInput.fs,
  );
  if (result.missing.length) return fail(`cannot read ${result.missing.map((path) => displayPath(io.cwd, path)).join(", ")}`);
  return { ok: true, target: found.path, result };
}
