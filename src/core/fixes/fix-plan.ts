import type { Finding, TextEdit } from "../lint/findings";
import { lintSchema } from "../lint/lint";
import type { Position, Schema } from "../schema/ast";
import { parseSchemaText } from "../schema/parser";
import type { AppContext } from "../better-auth/app-context";
import type { DetectedVersion } from "../version/detected-version";
import { applyEdits } from "./apply";
import type { PlannedMigration } from "./planned-migration";
import { collectSchemaChanges, isSchemaMigration, planSchemaMigration, type SchemaFixMigration } from "./schema-migration";
import { migrationForFinding, type SessionMigrationOptions } from "./session-migration";

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

function editKey(edit: TextEdit): string {
  const { start, end } = edit.range;
  return `${edit.file}\0${start.line}:${start.character}-${end.line}:${end.character}\0${edit.newText}`;
}

function samePoint(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Edits of fixes that add Better Auth's tables and columns: whole lines inserted at the end of a line. */
const ADDS_LINES = new WeakSet<TextEdit>();

function stackable(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && ADDS_LINES.has(a) && ADDS_LINES.has(b) && isEmpty(a) && isEmpty(b) && samePoint(a.range.start, b.range.start);
}

/**
 * Two edits conflict when their ranges share text, or when one inserts at a point the other
 * touches: the order of the two changes would then decide the result, so only one may go. Two
 * fixes that add Better Auth's fields and models may insert lines at one point (after a model's
 * last field, after the last model): the lines go in the order the fixes were chosen, and either
 * order gives the same schema.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file || stackable(a, b)) return false;
  if (isEmpty(a) || isEmpty(b)) return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}

/** Adds `edit` to the chosen edits; a line insertion at the point of an earlier one goes after its lines. */
function choose(chosen: TextEdit[], edit: TextEdit): void {
  const index = chosen.findIndex((other) => stackable(other, edit));
  if (index < 0) chosen.push(edit);
  else {
    chosen[index] = { ...chosen[index]!, newText: chosen[index]!.newText + edit.newText };
    ADDS_LINES.add(chosen[index]!);
  }
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

/** The Session fix first (its migration is planned from the schema before any edit), then fixes that add tables and columns. */
function order(finding: Finding): number {
  const migration = finding.fix!.migration;
  if (!migration) return 2;
  return isSchemaMigration(migration) ? 1 : 0;
}

/**
 * Applies every fixable finding's edits. A fix whose edits conflict with a fix already chosen is
 * skipped (the next run fixes it). One run writes at most one migration: the Session fix's, or
 * one that holds every table and column the other fixes add; a fix that would need a second one
 * is skipped. session-token-layout goes first because its migration moves data.
 */
export function planFixes(result: FixPlanInput, options: SessionMigrationOptions): FixPlan {
  const { schema, version } = result;
  const candidates = result.findings.filter((finding) => finding.fix && finding.fix.edits.length).sort((a, b) => order(a) - order(b));
  const chosen: TextEdit[] = [];
  const applied: Finding[] = [];
  const skipped: SkippedFix[] = [];
  let migration: PlannedMigration | undefined;
  /** The Session model whose fix was chosen; its migration is planned from the schema before the edits. */
  let sessionModel: string | undefined;
  const schemaChanges: SchemaFixMigration[] = [];
  // Findings of one group of missing tables carry the same fix: its edits go in once.
  const taken = new Set<string>();
  for (const finding of candidates) {
    const fix = finding.fix!;
    const addsLines = isSchemaMigration(fix.migration);
    const fresh = fix.edits
      .filter((edit) => !taken.has(editKey(edit)))
      .map((edit) => {
        if (!addsLines || !edit.newText.startsWith("\n")) return edit;
        const copy = { ...edit };
        ADDS_LINES.add(copy);
        return copy;
      });
    if (!fresh.length) {
      applied.push(finding);
      continue;
    }
    const clash = fresh.find((edit) => chosen.some((other) => conflicts(edit, other)));
    if (clash) {
      skipped.push({ finding, reason: `its edit on line ${clash.range.start.line + 1} overlaps another fix; run fix again to apply it` });
      continue;
    }
    const ownMigration = isSchemaMigration(fix.migration)
      ? fix.migration.kind === "add-columns" && fix.migration.model === sessionModel
      : !!fix.migration && (sessionModel !== undefined || schemaChanges.length > 0);
    if (ownMigration) {
      skipped.push({ finding, reason: "it needs a migration of its own; run fix again after applying this one" });
      continue;
    }
    if (isSchemaMigration(fix.migration)) schemaChanges.push(fix.migration);
    else if (fix.migration) {
      sessionModel = finding.model ?? "";
      migration = migrationForFinding(schema, finding, options);
    }
    for (const edit of fresh) {
      taken.add(editKey(edit));
      choose(chosen, edit);
    }
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
  if (schemaChanges.length) {
    const added = planSchemaMigration(fixed, collectSchemaChanges(schemaChanges), options);
    migration = migration && added ? appendMigration(migration, added) : migration ?? added;
  }
  const remaining = lintSchema(fixed, { ...(options.config ? { config: options.config } : {}), version, ...(result.app ? { app: result.app.context } : {}) });
  return { files, applied, skipped, ...(migration ? { migration } : {}), schema: fixed, remaining };
}
