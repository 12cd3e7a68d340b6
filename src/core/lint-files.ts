import { dirname } from "node:path";
import { loadAppContext, mergeLintConfig, type LoadAppOptions, type LoadedApp } from "./better-auth/load-app-context";
import type { LintConfig } from "./config";
import type { Finding } from "./findings";
import { lintSchema } from "./lint";
import type { Schema } from "./schema/ast";
import { loadSchema, nodeSchemaFs, schemaFilesFor, type SchemaFs } from "./schema/load";
import { detectBetterAuthVersion } from "./version/detect";
import type { DetectedVersion } from "./version/detected-version";

export interface SchemaLintResult {
  files: string[];
  missing: string[];
  schema: Schema;
  version: DetectedVersion;
  findings: Finding[];
}

/** Lints the schema `path` belongs to (one file or a multi-file folder), detecting the version beside it. */
export function lintSchemaAt(path: string, config: LintConfig = {}, fs: SchemaFs = nodeSchemaFs): SchemaLintResult {
  const files = schemaFilesFor(path, fs);
  const { schema, missing } = loadSchema(files, fs);
  const isDir = fs.readDir(path) !== undefined;
  const version = detectBetterAuthVersion(isDir ? path : dirname(path), {
    override: config.betterAuthVersion,
    fs: { readFile: (file) => fs.readFile(file) },
  });
  return { files, missing, schema, version, findings: lintSchema(schema, { config, version }) };
}

/**
 * Lints the schema at `path` as the CLI does: besides the schema and its version, the app's
 * auth config (read statically) and, where `app.mayLoadInstalled`, its installed better-auth
 * decide which tables and fields are expected. `config` (settings, --config) overrides the
 * auth config's values.
 */
export async function lintAppSchemaAt(
  path: string,
  config: LintConfig,
  app: LoadAppOptions,
  fs: SchemaFs = nodeSchemaFs,
): Promise<SchemaLintResult & { app: LoadedApp; config: LintConfig }> {
  const files = schemaFilesFor(path, fs);
  const { schema, missing } = loadSchema(files, fs);
  const dir = fs.readDir(path) !== undefined ? path : dirname(path);
  const version = detectBetterAuthVersion(dir, { override: config.betterAuthVersion, fs: { readFile: (file) => fs.readFile(file) } });
  const loaded = await loadAppContext(dir, { ...app, version: version.version });
  const merged = mergeLintConfig(loaded.config, config);
  return { files, missing, schema, version, app: loaded, config: merged, findings: lintSchema(schema, { config: merged, version, app: loaded.context }) };
}
