import type { Finding, TextEdit } from "../findings";
import { lintSchema } from "../lint";
import type { Position, Schema } from "../schema/ast";
import { parseSchemaText } from "../schema/parser";
import type { AppContext } from "../better-auth/app-context";
import type { DetectedVersion } from "../version/detected-version";
import { applyEdits } from "./apply";
import { migrationForFinding, type PlannedMigration, type SessionMigrationOptions } from "./session-migration";

// "Fix all" as a pure function: which fixes to apply, the text they produce, the migration that
// goes with them and what a fresh lint of the result still reports. The CLI prints or writes it;
// an editor could turn it into one WorkspaceEdit.

export interface FileFix {
  path: string;
  before: string;
  after: string;
}

export interface SkippedFix {
  finding: Finding;
  reason: string;
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

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function isEmpty(edit: TextEdit): boolean {
  return !before(edit.range.start, edit.range.end);
}

/**
 * Two edits conflict when their ranges share text, or when one inserts at a point the other
 * touches: the order of the two changes would then decide the result, so only one may go.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  if (isEmpty(a) || isEmpty(b)) return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}

/**
 * Applies every fixable finding's edits. A fix whose edits conflict with a fix already chosen is
 * skipped (the next run fixes it), and so is a second fix that needs its own migration: one run
 * writes at most one migration. session-token-layout goes first because its fix is the one that
 * carries the migration.
 */
export function planFixes(result: FixPlanInput, options: SessionMigrationOptions): FixPlan {
  const { schema, version } = result;
  const candidates = result.findings
    .filter((finding) => finding.fix && finding.fix.edits.length)
    .sort((a, b) => Number(!a.fix!.migration) - Number(!b.fix!.migration));
  const chosen: TextEdit[] = [];
  const applied: Finding[] = [];
  const skipped: SkippedFix[] = [];
  let migration: PlannedMigration | undefined;
  for (const finding of candidates) {
    const fix = finding.fix!;
    const clash = fix.edits.find((edit) => chosen.some((other) => conflicts(edit, other)));
    if (clash) {
      skipped.push({ finding, reason: `its edit on line ${clash.range.start.line + 1} overlaps another fix; run fix again to apply it` });
      continue;
    }
    if (fix.migration && migration) {
      skipped.push({ finding, reason: "it needs a migration of its own; run fix again after applying this one" });
      continue;
    }
    if (fix.migration) migration = migrationForFinding(schema, finding, options);
    chosen.push(...fix.edits);
    applied.push(finding);
  }

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
  const remaining = lintSchema(fixed, { ...(options.config ? { config: options.config } : {}), version, ...(result.app ? { app: result.app.context } : {}) });
  return { files, applied, skipped, ...(migration ? { migration } : {}), schema: fixed, remaining };
}
