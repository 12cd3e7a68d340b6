import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LintConfig } from "../better-auth/options-mirror";
import type { Schema } from "../schema/ast";
import { findSchemaLocation, loadSchema, nodeSchemaFs, schemaFilesFor } from "../schema/load";
import { findPrismaConfig } from "../schema/prisma-config";
import { datasourceProvider } from "../schema/query";
import { detectBetterAuthVersion } from "../version/detect";
import type { DetectedVersion } from "../version/detected-version";
import { type EnvFileContent, resolveDatasourceUrl } from "./datasource-url";
import { planLookup } from "./plan";
import { normalizeProvider } from "../sql/provider";
import { providerFromUrl, unusableUrlReason } from "./provider";
import type { LookupPlan, SqlProvider } from "./types";

// Everything between "the user asked for a lookup" and "connect": which schema, which version,
// which URL and which driver. Reads files but loads no driver, so the editor can call it from
// the main bundle. Shared by the CLI and the VS Code command.

export interface ProjectLookupInput {
  /** The project folder: where prisma.config.ts and .env are looked for. */
  projectDir: string;
  /** Schema file or folder; found as Prisma does when absent. */
  schemaPath?: string;
  /** An already loaded schema (the editor's, with unsaved text), instead of reading schemaPath. */
  loaded?: { schema: Schema; version: DetectedVersion; root: string };
  /** A URL the user typed: wins over the project's. */
  databaseUrl?: string;
  /** Extra env files the user named, read before the project's `.env` files. */
  envFiles?: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  config?: LintConfig;
  readFile?: (path: string) => string | undefined;
}

export interface PreparedLookup {
  plan: LookupPlan;
  url: string;
  provider: SqlProvider;
  /** Where the URL came from (never the URL itself). */
  urlSource: string;
  baseDir?: string;
  schemaRoot?: string;
  version: DetectedVersion;
}

const readText = (path: string) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

/** Driver family: the schema's provider, unless the URL plainly belongs to another family. */
function chooseProvider(schemaProvider: string | undefined, url: string): SqlProvider | undefined {
  const fromSchema = normalizeProvider(schemaProvider);
  const fromUrl = providerFromUrl(url);
  if (fromSchema === "cockroachdb" && fromUrl === "postgresql") return fromSchema;
  return fromUrl ?? fromSchema;
}

export function prepareProjectLookup(input: ProjectLookupInput): PreparedLookup | { problem: string } {
  const read = input.readFile ?? readText;
  let schema: Schema = { files: [], blocks: [] };
  let version: DetectedVersion;
  let schemaRoot: string | undefined;
  if (input.loaded) {
    ({ schema, version, root: schemaRoot } = input.loaded);
  } else {
    schemaRoot = input.schemaPath ? resolve(input.projectDir, input.schemaPath) : findSchemaLocation(input.projectDir);
    if (schemaRoot && !existsSync(schemaRoot)) return { problem: `No schema at ${schemaRoot}.` };
    if (schemaRoot) schema = loadSchema(schemaFilesFor(schemaRoot), nodeSchemaFs).schema;
    const start = schemaRoot ? (nodeSchemaFs.readDir(schemaRoot) ? schemaRoot : dirname(schemaRoot)) : input.projectDir;
    version = detectBetterAuthVersion(start, { override: input.config?.betterAuthVersion, fs: { readFile: read } });
  }
  if (!schemaRoot && !input.databaseUrl) return { problem: "No Prisma schema found (prisma.config.ts, package.json#prisma.schema, prisma/schema.prisma); pass the schema, or a database URL." };

  const schemaDir = schemaRoot && (nodeSchemaFs.readDir(schemaRoot) ? schemaRoot : dirname(schemaRoot));
  const dirs = [...new Set([input.projectDir, ...(schemaDir ? [dirname(schemaDir), schemaDir] : [])])];
  // The same search as lint and fix: from the schema's folder up to the project (its package.json).
  const prismaConfig = findPrismaConfig(schemaRoot ?? input.projectDir, {
    stopAt: input.projectDir,
    fs: { readFile: read, readDir: nodeSchemaFs.readDir },
  });
  let url = input.databaseUrl;
  let urlSource = "the URL you gave";
  let baseDir = schemaDir ?? input.projectDir;
  if (!url) {
    // Prisma reads `.env` from the project root (and, up to Prisma 6, beside the schema); the user's own files first.
    const envPaths = [...(input.envFiles ?? []).map((path) => resolve(input.projectDir, path)), ...dirs.map((dir) => join(dir, ".env"))];
    const envFiles: EnvFileContent[] = [];
    for (const path of new Set(envPaths)) {
      const content = read(path);
      if (content !== undefined) envFiles.push({ label: path.startsWith(`${input.projectDir}/`) ? path.slice(input.projectDir.length + 1) : path, content });
    }
    const resolved = resolveDatasourceUrl({ schema, schemaDir, prismaConfig, envFiles, processEnv: input.env });
    if ("problem" in resolved) return resolved;
    ({ url, source: urlSource } = resolved);
    baseDir = resolved.baseDir ?? baseDir;
  }
  const unusable = unusableUrlReason(url);
  if (unusable) return { problem: unusable };
  const provider = chooseProvider(datasourceProvider(schema), url);
  if (!provider) return { problem: `Cannot tell which database ${/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? "this URL"} is: supported are PostgreSQL, CockroachDB, MySQL/MariaDB, SQLite files and SQL Server.` };
  return { plan: planLookup(schema, version.version, input.config), url, provider, urlSource, baseDir, schemaRoot, version };
}
