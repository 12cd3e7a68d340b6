import type { Finding } from "../lint/findings";
import { lintSchema } from "../lint/lint";
import type { Schema } from "../schema/ast";
import { parseSchemaText } from "../schema/parser";
import type { AppContext } from "../better-auth/app-context";
import type { DetectedVersion } from "../version/detected-version";
import { applyEdits } from "./apply";
import type { PlannedMigration } from "./planned-migration";
import { chooseFixes, type SkippedFix } from "./choose-fixes";
import { collectSchemaChanges, planSchemaMigration } from "./schema-migration";
import { migrationForFinding, type SessionMigrationOptions } from "./session-migration";

// "Fix all" as a pure function: which fixes to apply, the text they produce, the migration that
// goes with them and what a fresh lint of the result still reports. The CLI prints or writes it;
// an editor could turn it into one WorkspaceEdit.

export interface FileFix {
  path: string;
  before: string;
  after: string;
}

export interface FixPlan {
  /** Files whose text changes, in schema order. */
  files: FileFix[];
  applied: Finding[];
  /** Fixes left for the next run; a fresh lint of the result reports their findings again. */
  skipped: SkippedFix[];
  migration?: PlannedMigration;
  /** The fixed schema, parsed. */
  schema: Schema;
  /** Lint of the fixed schema with the same config and version. */
  remaining: Finding[];
}

export interface FixPlanInput {
  schema: Schema;
  findings: readonly Finding[];
  version: DetectedVersion;
  /** The app's auth config and installed tables the findings were judged against; the re-lint uses them too. */
  app?: { context: AppContext };
}

/**
 * Tables and columns other fixes add, in the Session migration's folder after its own SQL: one
 * run, one migration. They never touch the Session table (such a fix waits for the next run).
 */
function appendMigration(session: PlannedMigration, added: PlannedMigration): PlannedMigration {
  const notes = [...session.notes, ...added.notes.filter((note) => !session.notes.includes(note))];
  const sql = session.sql !== undefined && added.sql !== undefined ? `${session.sql}\n${added.sql}` : session.sql ?? added.sql;
  return { ...session, ...(sql !== undefined ? { sql } : {}), notes };
}

/** Applies the fixes chooseFixes picks (all of them, migrations included) and plans their one migration. */
export function planFixes(result: FixPlanInput, options: SessionMigrationOptions): FixPlan {
  const { schema, version } = result;
  const { applied, skipped, edits: chosen, sessionFix, schemaChanges } = chooseFixes(result.findings, { withMigrations: true });
  let migration: PlannedMigration | undefined = sessionFix ? migrationForFinding(schema, sessionFix, options) : undefined;
  const files: FileFix[] = [];
  const fixedFiles = schema.files.map((file) => {
    const edits = chosen.filter((edit) => edit.file === file.path);
    if (!edits.length) return file;
    const after = applyEdits(file.text, edits);
    if (after === file.text) return file;
    files.push({ path: file.path, before: file.text, after });
    return parseSchemaText(after, file.path);
  });
  const fixed: Schema = { files: fixedFiles, blocks: fixedFiles.flatMap((file) => file.blocks) };
  if (schemaChanges.length) {
    const added = planSchemaMigration(fixed, collectSchemaChanges(schemaChanges), options);
    migration = migration && added ? appendMigration(migration, added) : migration ?? added;
  }
  const remaining = lintSchema(fixed, { ...(options.config ? { config: options.config } : {}), version, ...(result.app ? { app: result.app.context } : {}) });
  return { files, applied, skipped, ...(migration ? { migration } : {}), schema: fixed, remaining };
}
