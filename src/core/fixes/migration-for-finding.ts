import type { Finding } from "../lint/findings";
import type { Schema } from "../schema/ast";
import { parseSchemaText } from "../schema/parser";
import { applyEdits } from "./apply";
import type { MigrationOptions, PlannedMigration } from "./planned-migration";
import { collectSchemaChanges, isSchemaMigration, planSchemaMigration } from "./schema-migration";
import { migrationForFinding as sessionMigrationFor } from "./session-migration";

/** `schema` with `finding`'s edits applied, parsed again. */
export function schemaAfterFix(schema: Schema, finding: Finding): Schema {
  const edits = finding.fix?.edits ?? [];
  const files = schema.files.map((file) => {
    const mine = edits.filter((edit) => edit.file === file.path);
    return mine.length ? parseSchemaText(applyEdits(file.text, mine), file.path) : file;
  });
  return { files, blocks: files.flatMap((file) => file.blocks) };
}

/**
 * The migration one finding's fix needs on its own (the editor's quick fix), planned from
 * `schema` as it is BEFORE the fix: Session changes read it as it is, added tables and columns
 * are read from the schema the edits produce.
 */
export function plannedMigrationFor(schema: Schema, finding: Finding, options: MigrationOptions): PlannedMigration | undefined {
  const migration = finding.fix?.migration;
  if (!isSchemaMigration(migration)) return sessionMigrationFor(schema, finding, options);
  return planSchemaMigration(schemaAfterFix(schema, finding), collectSchemaChanges([migration]), options);
}
