import type { Finding, TextEdit } from "../lint/findings";
import type { Position } from "../schema/ast";
import { isSchemaMigration, type SchemaFixMigration } from "./schema-migration";

// The one fix-selection policy: the CLI's `fix`, the editor's Fix all and fix on save
// (`source.fixAll`) all choose through chooseFixes, so they write the same text.

export interface SkippedFix {
  finding: Finding;
  reason: string;
}

export interface FixChoice {
  applied: Finding[];
  /** Fixes left for the next run; a fresh lint of the result reports their findings again. */
  skipped: SkippedFix[];
  /** The chosen edits; line insertions at one point already merged in the order chosen. */
  edits: TextEdit[];
  /** The chosen Session layout fix: its migration is planned from the schema before any edit. */
  sessionFix?: Finding;
  /** Tables and columns the chosen fixes add, for one migration. */
  schemaChanges: SchemaFixMigration[];
}

export interface ChooseOptions {
  /**
   * false: only fixes that are text alone (fix on save never writes a migration behind the
   * user's back); fixes that need a migration are left out, not reported as skipped.
   */
  withMigrations: boolean;
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

/** The Session fix first (its migration is planned from the schema before any edit), then fixes that add tables and columns. */
function order(finding: Finding): number {
  const migration = finding.fix!.migration;
  if (!migration) return 2;
  return isSchemaMigration(migration) ? 1 : 0;
}

/**
 * Chooses the fixable findings whose edits can go in together. A fix whose edits conflict with a
 * fix already chosen is skipped (the next run fixes it). One run writes at most one migration:
 * the Session fix's, or one that holds every table and column the other fixes add; a fix that
 * would need a second one is skipped. session-token-layout goes first because its migration
 * moves data.
 */
export function chooseFixes(findings: readonly Finding[], options: ChooseOptions): FixChoice {
  const candidates = findings
    .filter((finding) => finding.fix && finding.fix.edits.length && (options.withMigrations || !finding.fix.migration))
    .sort((a, b) => order(a) - order(b));
  const edits: TextEdit[] = [];
  const applied: Finding[] = [];
  const skipped: SkippedFix[] = [];
  let sessionFix: Finding | undefined;
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
    const clash = fresh.find((edit) => edits.some((other) => conflicts(edit, other)));
    if (clash) {
      skipped.push({ finding, reason: `its edit on line ${clash.range.start.line + 1} overlaps another fix; run fix again to apply it` });
      continue;
    }
    const sessionModel = sessionFix ? sessionFix.model ?? "" : undefined;
    const ownMigration = isSchemaMigration(fix.migration)
      ? fix.migration.kind === "add-columns" && fix.migration.model === sessionModel
      : !!fix.migration && (sessionModel !== undefined || schemaChanges.length > 0);
    if (ownMigration) {
      skipped.push({ finding, reason: "it needs a migration of its own; run fix again after applying this one" });
      continue;
    }
    if (isSchemaMigration(fix.migration)) schemaChanges.push(fix.migration);
    else if (fix.migration) sessionFix = finding;
    for (const edit of fresh) {
      taken.add(editKey(edit));
      choose(edits, edit);
    }
    applied.push(finding);
  }
  return { applied, skipped, edits, ...(sessionFix ? { sessionFix } : {}), schemaChanges };
}
