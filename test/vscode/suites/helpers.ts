// Shared by the *.suite.ts files. They run inside the real extension host (code-server's VS Code),
// on a temp copy of test/vscode/fixtures/better-auth-app (run.mjs --copy-workspace).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { ExtensionServices } from "../../../src/vscode/context";

export const EXTENSION_ID = "better-auth-doctor.better-auth-doctor";
export const SOURCE = "better-auth";
export const DOCS = "https://github.com/better-auth-doctor/better-auth-doctor/blob/main/docs/rules/";

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.equal(folders.length, 1, "the suites open exactly one folder: a copy of test/vscode/fixtures/better-auth-app");
  // The suites edit, create and delete files: never on the checked-in fixture.
  assert.ok(!folders[0].uri.fsPath.includes("/test/vscode/fixtures/"), `refusing to run on the fixture itself (${folders[0].uri.fsPath}): use run.mjs --copy-workspace`);
  return folders[0];
}

/** A path inside the workspace copy, e.g. "prisma/schema.prisma". */
export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split("/"));
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
}

/** This extension's diagnostics for a file, optionally of one rule. */
export function diagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (rule === undefined || ruleOf(d) === rule));
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = diagnostics(uri);
  if (!all.length) return "no better-auth diagnostics";
  return all.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(", ");
}

/**
 * Polls until `read()` returns something truthy: diagnostics, activation and file watchers are
 * all asynchronous. The failure message says what the last poll saw.
 */
export async function waitFor<T>(read: () => T | Promise<T>, what: string, options: { timeoutMs?: number; state?: () => string } = {}): Promise<NonNullable<T>> {
  const end = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${options.state ? ` (${options.state()})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const waitForDiagnostic = (uri: vscode.Uri, rule: string) =>
  waitFor(() => diagnostics(uri, rule)[0], `a ${rule} diagnostic on ${vscode.workspace.asRelativePath(uri)}`, { state: () => describeDiagnostics(uri) });

export const waitForNoDiagnostic = (uri: vscode.Uri, rule?: string) =>
  waitFor(() => diagnostics(uri, rule).length === 0, `no ${rule ?? "better-auth"} diagnostic on ${vscode.workspace.asRelativePath(uri)}`, { state: () => describeDiagnostics(uri) });

/** The extension's services (what activate() returns), activating it if need be. */
export async function extensionServices(): Promise<ExtensionServices> {
  const extension = vscode.extensions.getExtension<ExtensionServices>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded (extensionDevelopmentPath)`);
  return extension.activate();
}

/**
 * Copies a schema of the workspace to scratch/<name>/prisma/schema.prisma, so a test that edits
 * it leaves the others their own pristine copy. The package.json at the workspace root still
 * gives the version (Better Auth 1.7.25).
 */
export async function scratchCopy(source: string, name: string): Promise<vscode.Uri> {
  const target = workspaceUri(`scratch/${name}/prisma/schema.prisma`);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceUri(source)));
  return target;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Zero-based line of the first line starting with `prefix`. */
export function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  const line = document.getText().split("\n").findIndex((text) => text.startsWith(prefix));
  assert.notEqual(line, -1, `no line starting with ${JSON.stringify(prefix)} in ${document.uri.fsPath}`);
  return line;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, range, kind);
}

/** Saves every editor first: closing a dirty one would ask (a modal the test cannot answer). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.files.saveAll");
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}
