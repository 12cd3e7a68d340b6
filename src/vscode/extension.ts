import * as vscode from "vscode";
import { BetterAuthCodeActions } from "./code-actions";
import { registerCommands } from "./commands";
import type { ExtensionServices } from "./context";
import { SchemaLinter } from "./linter";
import { watchNewFolders } from "./new-folders";
import { affectsSettings, SettingsProblems } from "./settings";
import { VersionStatus } from "./version-status";
import { VersionWatch } from "./version-watch";

const SCHEMA_SELECTOR: vscode.DocumentSelector = [{ language: "prisma" }, { pattern: "**/*.prisma" }];

function isSchema(document: vscode.TextDocument): boolean {
  return document.languageId === "prisma" || document.uri.path.endsWith(".prisma");
}

/** Schema files nobody has open still get diagnostics, found once the window has settled. */
async function lintWorkspace(linter: SchemaLinter, log: vscode.LogOutputChannel): Promise<void> {
  const files = await vscode.workspace.findFiles("**/*.prisma", "**/{node_modules,migrations}/**", 500);
  for (const file of files) linter.schedule(file, 0);
  log.info(`found ${files.length} schema file(s) in the workspace`);
}

export function activate(context: vscode.ExtensionContext): ExtensionServices {
  const log = vscode.window.createOutputChannel("Better Auth Doctor", { log: true });
  const linter = new SchemaLinter(log);
  const services: ExtensionServices = { context, linter, log };
  const schemaWatcher = vscode.workspace.createFileSystemWatcher("**/*.prisma");
  const versionWatch = new VersionWatch(() => linter.relintAll());
  const settingsProblems = new SettingsProblems(log);
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());

  context.subscriptions.push(
    log,
    linter,
    schemaWatcher,
    versionWatch,
    linter.onDidLint((linted) => versionWatch.follow(linted)),
    new VersionStatus(linter),
    vscode.languages.registerCodeActionsProvider(SCHEMA_SELECTOR, new BetterAuthCodeActions(linter), BetterAuthCodeActions.metadata),
    vscode.workspace.onDidOpenTextDocument((document) => isSchema(document) && linter.schedule(document.uri, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => isSchema(event.document) && event.contentChanges.length && linter.schedule(event.document.uri)),
    // Closing discards unsaved text: show what is on disk again (or nothing, outside the workspace).
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (!isSchema(document)) return;
      if (document.uri.scheme === "file" && vscode.workspace.getWorkspaceFolder(document.uri)) linter.schedule(document.uri, 0);
      else linter.clear(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      settingsProblems.check();
      linter.relintAll();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => settingsProblems.check()),
    schemaWatcher.onDidCreate((uri) => linter.schedule(uri)),
    schemaWatcher.onDidChange((uri) => !isOpen(uri) && linter.schedule(uri)),
    schemaWatcher.onDidDelete((uri) => linter.forget(uri)),
    watchNewFolders((uri) => !isOpen(uri) && linter.schedule(uri), log),
    ...registerCommands(services),
  );

  settingsProblems.check();
  for (const document of vscode.workspace.textDocuments) if (isSchema(document)) linter.schedule(document.uri, 0);
  if (vscode.workspace.workspaceFolders?.length) void lintWorkspace(linter, log);
  log.info(`activated (VS Code ${vscode.version})`);
  return services;
}

export function deactivate(): void {}
