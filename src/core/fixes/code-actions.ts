import { ignoreFix } from "../doctor/suppressions";
import { ruleDocsUrl } from "../lint/docs-url";
import type { Finding, TextEdit } from "../lint/findings";
import type { Range, Schema } from "../schema/ast";
import { chooseFixes } from "./choose-fixes";
import { suppressionEdit } from "./suppress";

// Code actions as plain data, a pure function of (findings, range, requested kind) as Prisma's
// language server keeps its handlers; src/vscode/code-actions.ts only converts them.

export const QUICK_FIX = "quickfix";
export const FIX_ALL_KIND = "source.fixAll.betterAuthDoctor";
export type CodeActionKindName = typeof QUICK_FIX | typeof FIX_ALL_KIND;

/** What an action runs instead of edits; the editor turns each into its command and arguments. */
export type CodeActionCommand =
  /** A fix that writes a migration too: `betterAuthDoctor.applyFix`. */
  | { name: "applyFix"; finding: Finding }
  | { name: "fixAll" }
  | { name: "generateSecret"; projectDir: string; file: string }
  | { name: "openDocs"; url: string };

export interface CodeActionData {
  title: string;
  kind: CodeActionKindName;
  /** The finding whose diagnostic the action answers; none for whole-file actions. */
  finding?: Finding;
  isPreferred?: boolean;
  edits?: TextEdit[];
  command?: CodeActionCommand;
}

export interface CodeActionContext {
  /** The parsed schema, for "ignore for this model/field"; without it those are not offered. */
  schema?: Schema;
  /** Set when the findings are the config doctor's (auth config, .env, middleware) for a file with this text. */
  doctorFile?: { text: string };
  /** The app's project folder, where "Generate a strong secret into .env" writes. */
  projectDir?: string;
}

const SECRET_RULES = new Set(["weak-secret", "public-default-secret", "secret-literal-fallback", "secret-in-source"]);

/** Fixes that change the database (Session layout, added tables and columns) also write a migration, so they run as a command. */
export function needsMigration(finding: Finding): boolean {
  return !!finding.fix?.migration;
}

/** Code action kinds are dot-separated hierarchies ("source" holds "source.fixAll"), compared as VS Code's CodeActionKind.contains does. */
function kindContains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`);
}

function touches(a: Range, b: Range): boolean {
  const before = (x: Range["start"], y: Range["start"]) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * ESLint's order per finding in `range`: the fix (preferred), "ignore for this model/field",
 * "show documentation"; then "fix all". A request for `source.fixAll` (codeActionsOnSave asks for
 * it as often as for `source.fixAll.betterAuthDoctor`, the Source Action menu for `source`) gets
 * only the text edits of every finding, so saving never writes a migration behind the user's back.
 */
export function codeActionsFor(findings: readonly Finding[], range: Range, only?: string, context: CodeActionContext = {}): CodeActionData[] {
  if (only !== undefined && (kindContains(only, FIX_ALL_KIND) || kindContains(FIX_ALL_KIND, only))) return fixAllOnSave(findings);
  if (only !== undefined && !kindContains(QUICK_FIX, only) && !kindContains(only, QUICK_FIX)) return [];
  const actions = findings.filter((finding) => touches(finding.range, range)).flatMap((finding) => actionsFor(finding, context));
  if (actions.length && findings.filter((finding) => finding.fix).length > 1 && !context.doctorFile) {
    actions.push({ title: "Fix all Better Auth problems in this schema", kind: QUICK_FIX, command: { name: "fixAll" } });
  }
  return actions;
}

function actionsFor(finding: Finding, context: CodeActionContext): CodeActionData[] {
  const actions: CodeActionData[] = [];
  if (finding.fix) {
    const migration = needsMigration(finding);
    const title = migration ? `${finding.fix.title} and write the migration` : finding.fix.title;
    actions.push({ title, kind: QUICK_FIX, finding, isPreferred: true, ...(migration ? { command: { name: "applyFix", finding } } : { edits: finding.fix.edits }) });
  }
  // A secret anyone could guess or read: offer a generated one in a git-ignored .env.
  if (context.projectDir && SECRET_RULES.has(finding.rule)) {
    actions.push({ title: "Generate a strong secret into .env", kind: QUICK_FIX, finding, command: { name: "generateSecret", projectDir: context.projectDir, file: finding.file } });
  }
  // Auth config, .env and middleware findings: a `// better-auth-doctor-ignore <rule>` (or `#`) line above.
  if (context.doctorFile) {
    const suppress = ignoreFix(finding, context.doctorFile.text);
    actions.push({ title: suppress.title, kind: QUICK_FIX, finding, edits: suppress.edits });
  }
  const { schema } = context;
  for (const scope of schema && finding.model ? (finding.field ? (["field", "model"] as const) : (["model"] as const)) : []) {
    const edit = schema && suppressionEdit(schema, finding, scope);
    if (!edit) continue;
    const target = scope === "field" ? `field (${finding.model}.${finding.field})` : `model (${finding.model})`;
    actions.push({ title: `Ignore ${finding.rule} for this ${target}`, kind: QUICK_FIX, finding, edits: [edit] });
  }
  actions.push({ title: `Show documentation for ${finding.rule}`, kind: QUICK_FIX, finding, command: { name: "openDocs", url: ruleDocsUrl(finding.rule) } });
  return actions;
}

function fixAllOnSave(findings: readonly Finding[]): CodeActionData[] {
  // The policy of the CLI's fix and Fix all, without migrations; the next save picks up the rest.
  const { edits } = chooseFixes(findings, { withMigrations: false });
  if (!edits.length) return [];
  return [{ title: "Fix all Better Auth problems (text only)", kind: FIX_ALL_KIND, edits }];
}
