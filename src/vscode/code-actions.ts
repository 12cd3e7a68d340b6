import * as vscode from "vscode";
import { codeActionsFor, FIX_ALL_KIND as FIX_ALL_KIND_NAME, type CodeActionCommand, type CodeActionData } from "../core/fixes/code-actions";
import type { ConfigDoctor } from "./config-doctor";
import { sameFinding, toWorkspaceEdit } from "./convert";
import type { SchemaLinter } from "./linter";

export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND_NAME);

/** Which actions, in which order, is decided in core (codeActionsFor); this only converts them. */
export class BetterAuthCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly linter: SchemaLinter,
    private readonly doctor?: ConfigDoctor,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const doctorFindings = this.doctor?.findings(document.uri) ?? [];
    const findings = doctorFindings.length ? doctorFindings : this.linter.findings(document.uri);
    const projectDir = this.doctor?.projectOf(document.uri);
    const schema = this.linter.schemaFor(document.uri)?.result?.schema;
    const data = codeActionsFor(
      findings,
      { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
      context.only?.value,
      { ...(schema ? { schema } : {}), ...(doctorFindings.length ? { doctorFile: { text: document.getText() } } : {}), ...(projectDir ? { projectDir } : {}) },
    );
    const actions: vscode.CodeAction[] = [];
    for (const item of data) {
      // Tied to its diagnostic (VS Code lists actions without one after all that have one); a
      // finding VS Code did not hand a diagnostic for gets no actions.
      const diagnostic = item.finding && context.diagnostics.find((candidate) => sameFinding(candidate, item.finding!));
      if (item.finding && !diagnostic) continue;
      actions.push(this.toCodeAction(document, item, diagnostic));
    }
    return actions;
  }

  private toCodeAction(document: vscode.TextDocument, item: CodeActionData, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
    const action = new vscode.CodeAction(item.title, item.kind === FIX_ALL_KIND_NAME ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix);
    if (diagnostic) action.diagnostics = [diagnostic];
    if (item.isPreferred) action.isPreferred = true;
    if (item.edits) action.edit = toWorkspaceEdit(item.edits);
    if (item.command) action.command = { title: item.title, ...toCommand(document, item.command) };
    return action;
  }
}

function toCommand(document: vscode.TextDocument, command: CodeActionCommand): { command: string; arguments: unknown[] } {
  switch (command.name) {
    // The fix's title tells apart findings of one rule on one range (a missing table and a missing field both sit on a model's name).
    case "applyFix":
      return { command: "betterAuthDoctor.applyFix", arguments: [document.uri, command.finding.rule, command.finding.range, command.finding.fix!.title] };
    case "fixAll":
      return { command: "betterAuthDoctor.fixAll", arguments: [document.uri] };
    case "generateSecret":
      return { command: "betterAuthDoctor.generateSecret", arguments: [command.projectDir, command.file] };
    case "openDocs":
      return { command: "vscode.open", arguments: [vscode.Uri.parse(command.url)] };
  }
}
