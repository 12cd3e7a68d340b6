import { dirname } from "node:path";
import { loadAppContext, mergeLintConfig, type LoadAppOptions, type LoadedApp } from "../better-auth/load-app-context";
import type { LintConfig } from "../better-auth/options-mirror";
import type { Finding } from "./findings";
import { lintSchema } from "./lint";
import type { Schema } from "../schema/ast";
import { loadSchema, nodeSchemaFs, schemaFilesFor, type SchemaFs } from "../schema/load";
import { detectBetterAuthVersion } from "../version/detect";
import type { DetectedVersion } from "../version/detected-version";

export interface SchemaLintResult {
  files: string[];
  missing: string[];
  schema: Schema;
  version: DetectedVersion;
  findings: Finding[];
}

/** The folder a schema file or multi-file schema folder sits in: where version and app are looked up from. */
export function schemaDirOf(path: string, fs: SchemaFs = nodeSchemaFs): string {
  return fs.readDir(path) !== undefined ? path : dirname(path);
}

export function detectSchemaVersion(path: string, config: LintConfig = {}, fs: SchemaFs = nodeSchemaFs): DetectedVersion {
  return detectBetterAuthVersion(schemaDirOf(path, fs), {
    override: config.betterAuthVersion,
    fs: { readFile: (file) => fs.readFile(file) },
  });
}

/**
 * Lints the schema `path` belongs to (one file or a multi-file folder), detecting the version
 * beside it. With `app` (see lintAppSchemaAt), the auth config's values come first and `config`
 * (settings, --config) overrides them; `config` in the result is what was used. `version`, when
 * the caller already detected it (to pick the app context), is not detected again.
 */
export function lintSchemaAt(
  path: string,
  config: LintConfig = {},
  fs: SchemaFs = nodeSchemaFs,
  app?: LoadedApp,
  version: DetectedVersion = detectSchemaVersion(path, config, fs),
): SchemaLintResult & { config: LintConfig } {
  const files = schemaFilesFor(path, fs);
  const { schema, missing } = loadSchema(files, fs);
  const merged = app ? mergeLintConfig(app.config, config) : config;
  return { files, missing, schema, version, config: merged, findings: lintSchema(schema, { config: merged, version, ...(app ? { app: app.context } : {}) }) };
}

/**
 * Lints the schema at `path` as the CLI does: besides the schema and its version, the app's
 * auth config (read statically) and, where `app.mayLoadInstalled`, its installed better-auth
 * decide which tables and fields are expected.
 */
export async function lintAppSchemaAt(
  path: string,
  config: LintConfig,
  app: LoadAppOptions,
  fs: SchemaFs = nodeSchemaFs,
): Promise<SchemaLintResult & { app: LoadedApp; config: LintConfig }> {
  const version = detectSchemaVersion(path, config, fs);
  const loaded = await loadAppContext(schemaDirOf(path, fs), { ...app, version: version.version });
  return { ...lintSchemaAt(path, config, fs, loaded, version), app: loaded };
}
