import * as vscode from "vscode";
import { ruleDocsUrl } from "../core/lint/docs-url";
import type { Finding } from "../core/lint/findings";
import { ignoreFix } from "../core/doctor/suppressions";
import { chooseFixes } from "../core/fixes/choose-fixes";
import { suppressionEdit } from "../core/fixes/suppress";
import type { ConfigDoctor } from "./config-doctor";
import { sameFinding, toWorkspaceEdit } from "./convert";
import type { SchemaLinter } from "./linter";

const SECRET_RULES = new Set(["weak-secret", "public-default-secret", "secret-literal-fallback", "secret-in-source"]);

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("betterAuthDoctor");

/** Fixes that change the database (Session layout, added tables and columns) also write a migration, so they run as a command. */
export function needsMigration(finding: Finding): boolean {
  return !!finding.fix?.migration;
}

/**
 * ESLint's order per diagnostic: the fix (preferred), "ignore for this model/field", "show
 * documentation"; then "fix all". `source.fixAll.betterAuthDoctor` applies only text edits, so
 * saving a file never writes a migration behind the user's back.
 */
export class BetterAuthCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly linter: SchemaLinter,
    private readonly doctor?: ConfigDoctor,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const doctorFindings = this.doctor?.findings(document.uri) ?? [];
    const findings = doctorFindings.length ? doctorFindings : this.linter.findings(document.uri);
    // `intersects`, not `contains`: codeActionsOnSave asks for `source.fixAll` (all fixers) as often
    // as for `source.fixAll.betterAuthDoctor`, and the Source Action menu for `source`.
    if (context.only && FIX_ALL_KIND.intersects(context.only)) return this.fixAllOnSave(findings);
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = findings.find((candidate) => sameFinding(diagnostic, candidate));
      if (!finding) continue;
      actions.push(...this.actionsFor(document, finding, diagnostic));
    }
    const fixable = findings.filter((finding) => finding.fix);
    if (actions.length && fixable.length > 1 && !doctorFindings.length) {
      const fixAll = new vscode.CodeAction("Fix all Better Auth problems in this schema", vscode.CodeActionKind.QuickFix);
      fixAll.command = { title: fixAll.title, command: "betterAuthDoctor.fixAll", arguments: [document.uri] };
      actions.push(fixAll);
    }
    return actions;
  }

  private actionsFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (finding.fix) {
      const migration = needsMigration(finding);
      const fix = new vscode.CodeAction(migration ? `${finding.fix.title} and write the migration` : finding.fix.title, vscode.CodeActionKind.QuickFix);
      fix.diagnostics = [diagnostic];
      fix.isPreferred = true;
      // The fix's title tells apart findings of one rule on one range (a missing table and a missing field both sit on a model's name).
      if (migration) fix.command = { title: fix.title, command: "betterAuthDoctor.applyFix", arguments: [document.uri, finding.rule, finding.range, finding.fix.title] };
      else fix.edit = toWorkspaceEdit(finding.fix.edits);
      actions.push(fix);
    }
    const schema = this.linter.schemaFor(document.uri)?.result?.schema;
    // A secret anyone could guess or read: offer a generated one in a git-ignored .env.
    const projectDir = this.doctor?.projectOf(document.uri);
    if (projectDir && SECRET_RULES.has(finding.rule)) {
      const generate = new vscode.CodeAction("Generate a strong secret into .env", vscode.CodeActionKind.QuickFix);
      generate.diagnostics = [diagnostic];
      generate.command = { title: generate.title, command: "betterAuthDoctor.generateSecret", arguments: [projectDir, finding.file] };
      actions.push(generate);
    }
    // Auth config, .env and middleware findings: a `// better-auth-doctor-ignore <rule>` (or `#`) line above.
    if (this.doctor?.findings(document.uri).includes(finding)) {
      const suppress = ignoreFix(finding, document.getText());
      const ignore = new vscode.CodeAction(suppress.title, vscode.CodeActionKind.QuickFix);
      ignore.diagnostics = [diagnostic];
      ignore.edit = toWorkspaceEdit(suppress.edits);
      actions.push(ignore);
    }
    for (const scope of schema && finding.model ? (finding.field ? (["field", "model"] as const) : (["model"] as const)) : []) {
      const edit = schema && suppressionEdit(schema, finding, scope);
      if (!edit) continue;
      const target = scope === "field" ? `field (${finding.model}.${finding.field})` : `model (${finding.model})`;
      const ignore = new vscode.CodeAction(`Ignore ${finding.rule} for this ${target}`, vscode.CodeActionKind.QuickFix);
      ignore.diagnostics = [diagnostic];
      ignore.edit = toWorkspaceEdit([edit]);
      actions.push(ignore);
    }
    const docs = new vscode.CodeAction(`Show documentation for ${finding.rule}`, vscode.CodeActionKind.QuickFix);
    // Tied to its diagnostic like the others: VS Code lists actions without diagnostics after all
    // that have one, which put every "Show documentation" below the next problem's actions.
    docs.diagnostics = [diagnostic];
    docs.command = { title: docs.title, command: "vscode.open", arguments: [vscode.Uri.parse(ruleDocsUrl(finding.rule))] };
    actions.push(docs);
    return actions;
  }

  private fixAllOnSave(findings: Finding[]): vscode.CodeAction[] {
    // The policy of the CLI's fix and Fix all, without migrations; the next save picks up the rest.
    const { edits } = chooseFixes(findings, { withMigrations: false });
    if (!edits.length) return [];
    const action = new vscode.CodeAction("Fix all Better Auth problems (text only)", FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(edits);
    return [action];
  }
}
