/**
 * Prisma schemas produced by Better Auth's real schema generator (the `auth` CLI package,
 * `auth generate`), so lint tests can assert "no finding on what Better Auth itself emits".
 *
 * Nothing here is hand-written Prisma: each entry is a Better Auth config, handed to the
 * same `generatePrismaSchema` the CLI calls, through the same Prisma adapter a user's
 * `auth.ts` creates.
 */
import "./polyfill-groupby"; // before `auth/api` loads: its chevrotain needs Map.groupBy on Node 20
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin, anonymous, jwt, organization, phoneNumber, twoFactor, username } from "better-auth/plugins";

export type Provider = "postgresql" | "mysql" | "sqlite" | "mongodb";
/** `default` = no `advanced.database.generateId`; the others are its values (`false` as a string). */
export type IdStrategy = "default" | "uuid" | "serial" | "false";

/**
 * Plugins from `better-auth/plugins` that add schema. `apiKey` and `passkey` are not in
 * better-auth 1.7.25 (they moved to `@better-auth/api-key` / `@better-auth/passkey`, which
 * are not installed), so they are not in the matrix.
 */
const PLUGINS = {
  twoFactor: () => twoFactor(),
  admin: () => admin(),
  username: () => username(),
  anonymous: () => anonymous(),
  phoneNumber: () => phoneNumber(),
  organization: () => organization({ teams: { enabled: true } }),
  jwt: () => jwt(),
};
export type PluginName = keyof typeof PLUGINS;
export const PLUGIN_NAMES = Object.keys(PLUGINS) as PluginName[];

export interface MatrixEntry {
  name: string;
  provider: Provider;
  idStrategy: IdStrategy;
  plugins: PluginName[];
  usePlural: boolean;
  /** `session: { modelName: "userSession", fields: { token: "sessionToken" } }` */
  customSession: boolean;
  /** `rateLimit: { storage: "database" }` adds the rateLimit model. */
  rateLimitTable: boolean;
  /**
   * The Prisma major the CLI finds in the project's package.json: from 7 on it writes
   * `provider = "prisma-client"` and no datasource `url` (Prisma 7 rejects `url`).
   */
  prismaMajor: 6 | 7;
}

export interface GeneratedSchema {
  name: string;
  provider: string;
  idStrategy: string;
  plugins: string[];
  /** Absolute path of the written `.prisma` file. */
  file: string;
  /** Exactly what the generator returned (it starts with a newline). */
  code: string;
  /** Prisma model name of the session table and its token field, after any renaming. */
  sessionModel: string;
  tokenField: string;
  entry: MatrixEntry;
}

type GeneratorInput = Parameters<typeof import("auth/api").generatePrismaSchema>[0];

const PROVIDERS: Provider[] = ["postgresql", "mysql", "sqlite", "mongodb"];
const ID_STRATEGIES: IdStrategy[] = ["default", "uuid", "serial", "false"];

/**
 * Combos left out because the result is not a usable schema. Better Auth (1.7.25) accepts
 * every provider × generateId at runtime, so Prisma is the judge here:
 * - mongodb + serial: the CLI keeps `id String @id @map("_id")` but types every foreign key
 *   `Int`, and Prisma rejects a relation between Int and String (P1012).
 */
export const SKIPPED = [{ provider: "mongodb", idStrategy: "serial" }] as const;

function entry(partial: Partial<MatrixEntry> & Pick<MatrixEntry, "name" | "provider">): MatrixEntry {
  return {
    idStrategy: "default",
    plugins: [],
    usePlural: false,
    customSession: false,
    rateLimitTable: false,
    prismaMajor: 6,
    ...partial,
  };
}

function buildMatrix(): MatrixEntry[] {
  const matrix: MatrixEntry[] = [];
  for (const provider of PROVIDERS) {
    for (const idStrategy of ID_STRATEGIES) {
      if (SKIPPED.some((s) => s.provider === provider && s.idStrategy === idStrategy)) continue;
      matrix.push(entry({ name: `${provider}-id-${idStrategy}`, provider, idStrategy }));
    }
    matrix.push(entry({ name: `${provider}-prisma7`, provider, prismaMajor: 7 }));
  }
  // Plugins, naming and extra tables: on the two SQL providers most apps use, default ids.
  for (const provider of ["postgresql", "mysql"] as const) {
    for (const plugin of PLUGIN_NAMES) {
      matrix.push(entry({ name: `${provider}-plugin-${plugin}`, provider, plugins: [plugin] }));
    }
    matrix.push(entry({ name: `${provider}-plugins-all`, provider, plugins: [...PLUGIN_NAMES] }));
    matrix.push(entry({ name: `${provider}-plural`, provider, usePlural: true }));
    matrix.push(entry({ name: `${provider}-plural-plugins-all`, provider, usePlural: true, plugins: [...PLUGIN_NAMES] }));
    matrix.push(entry({ name: `${provider}-custom-session`, provider, customSession: true }));
    matrix.push(entry({ name: `${provider}-rate-limit-table`, provider, rateLimitTable: true }));
  }
  return matrix;
}

export const MATRIX: readonly MatrixEntry[] = buildMatrix();

/** The Better Auth options a user's `auth.ts` would hold for this entry (minus `database`). */
export function betterAuthOptions(e: MatrixEntry): BetterAuthOptions {
  const generateId = { default: undefined, uuid: "uuid", serial: "serial", false: false }[e.idStrategy] as
    | "uuid"
    | "serial"
    | false
    | undefined;
  return {
    plugins: e.plugins.map((name) => PLUGINS[name]()),
    ...(generateId === undefined ? {} : { advanced: { database: { generateId } } }),
    ...(e.customSession ? { session: { modelName: "userSession", fields: { token: "sessionToken" } } } : {}),
    ...(e.rateLimitTable ? { rateLimit: { storage: "database" as const } } : {}),
  };
}

/** Session model / token field names the generator must produce for this entry. */
export function expectedSessionNames(e: MatrixEntry): { sessionModel: string; tokenField: string } {
  const base = e.customSession ? "userSession" : "session";
  const table = e.usePlural ? `${base}s` : base;
  return { sessionModel: table[0].toUpperCase() + table.slice(1), tokenField: e.customSession ? "sessionToken" : "token" };
}

/**
 * The generator reads the Prisma major from `<process.cwd()>/package.json`. Point it at a
 * scratch project with a pinned `prisma` so output does not depend on this repo's
 * dependencies. `process.chdir` is unavailable in vitest worker threads, hence the swap.
 */
async function withCwd<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const realCwd = process.cwd;
  process.cwd = () => dir;
  try {
    return await run();
  } finally {
    process.cwd = realCwd;
  }
}

function scratchProject(root: string, prismaMajor: 6 | 7): string {
  const dir = path.join(root, `prisma${prismaMajor}`);
  mkdirSync(dir, { recursive: true });
  const prisma = prismaMajor === 7 ? "^7.0.0" : "^6.19.0";
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ devDependencies: { prisma } }));
  return dir;
}

/** Runs the real generator over `entries` (default: the whole matrix); writes `<outDir>/<name>.prisma`. */
export async function generateSchemas(outDir: string, entries: readonly MatrixEntry[] = MATRIX): Promise<GeneratedSchema[]> {
  const { generatePrismaSchema } = await import("auth/api");
  mkdirSync(outDir, { recursive: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-gen-"));
  try {
    const results: GeneratedSchema[] = [];
    for (const e of entries) {
      const options = betterAuthOptions(e);
      // The adapter the user's config builds; the generator only reads its options, never the client.
      const database = prismaAdapter({}, { provider: e.provider, usePlural: e.usePlural });
      const fullOptions: BetterAuthOptions = { ...options, database };
      const cwd = scratchProject(scratch, e.prismaMajor);
      // A path that does not exist yet: like a first `auth generate`, the CLI then writes the
      // generator and datasource blocks itself instead of merging into an existing file.
      const target = path.join(cwd, "prisma", "schema.prisma");
      // `auth` 1.7.7 types against its own @better-auth/core copy, better-auth 1.7.25 against a
      // newer one; the shapes agree at runtime, the nominal types do not.
      const input = { adapter: database(fullOptions), options: fullOptions, file: target } as unknown as GeneratorInput;
      const { code } = await withCwd(cwd, () => generatePrismaSchema(input));
      if (!code) throw new Error(`Better Auth's generator returned no schema for ${e.name}`);
      const file = path.join(outDir, `${e.name}.prisma`);
      writeFileSync(file, code);
      results.push({
        name: e.name,
        provider: e.provider,
        idStrategy: e.idStrategy,
        plugins: [...e.plugins],
        file,
        code,
        ...expectedSessionNames(e),
        entry: e,
      });
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Where tests and `print.ts` put the generated files by default (not committed). */
export const DEFAULT_OUT_DIR = path.join(__dirname, ".out");
