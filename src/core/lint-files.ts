import { dirname } from "node:path";
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
