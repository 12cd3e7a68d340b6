import * as vscode from "vscode";
import { ruleDocsUrl } from "../core/lint/docs-url";
import type { Finding, Severity, TextEdit } from "../core/lint/findings";
import type { Range } from "../core/schema/ast";

export const DIAGNOSTIC_SOURCE = "better-auth";

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (place) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(place.file), toRange(place.range)), place.message),
    );
  }
  return diagnostic;
}

export function toWorkspaceEdit(edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const textEdit of edits) edit.replace(vscode.Uri.file(textEdit.file), toRange(textEdit.range), textEdit.newText);
  return edit;
}

/** The same finding seen through a diagnostic VS Code hands back (a copy, not our object). */
export function sameFinding(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && code === finding.rule && diagnostic.range.isEqual(toRange(finding.range)) && diagnostic.message === finding.message;
}
