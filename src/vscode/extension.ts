import * as vscode from "vscode";
import { AppContexts } from "./app-contexts";
import { AuthConfigStatus } from "./auth-config-status";
import { BetterAuthCodeActions } from "./code-actions";
import { Config } from "./config";
import { ConfigDoctor } from "./config-doctor";
import { folderSchemaFile } from "./folder-schema";
import { registerCommands } from "./commands";
import type { ExtensionServices } from "./context";
import { SchemaLinter } from "./linter";
import { watchNewFolders } from "./new-folders";
import { VersionStatus } from "./version-status";
import { VersionWatch } from "./version-watch";

const SCHEMA_SELECTOR: vscode.DocumentSelector = [{ language: "prisma" }, { pattern: "**/*.prisma" }];
// Files the config doctor reports on: the auth config and middleware (any JS/TS), `.env*` by name
// (plain text or another extension's dotenv language).
const CONFIG_SELECTOR: vscode.DocumentSelector = [{ scheme: "file", pattern: "**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}" }, { scheme: "file", pattern: "**/.env*" }];

function isSchema(document: vscode.TextDocument): boolean {
  return document.languageId === "prisma" || document.uri.path.endsWith(".prisma");
}

/** Schema files nobody has open still get diagnostics, found once the window has settled. */
async function lintWorkspace(linter: SchemaLinter, log: vscode.LogOutputChannel): Promise<void> {
  const files = await vscode.workspace.findFiles("**/*.prisma", "**/{node_modules,migrations}/**", 500);
  for (const file of files) linter.schedule(file, 0);
  log.info(`found ${files.length} schema file(s) in the workspace`);
}

/**
 * Each folder's schema where Prisma (or the schemaPath setting) puts it, linted at once: the
 * workspace scan above runs ripgrep and answers after about a second, which the first squiggles
 * of the usual one-schema project should not wait for.
 */
function lintFolderSchemas(linter: SchemaLinter, config: Config): void {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== "file" || !config.for(folder.uri).enable) continue;
    const file = folderSchemaFile(folder.uri.fsPath, config.for(folder.uri));
    if (file) linter.lintNow(vscode.Uri.file(file));
  }
}

/** A failed activation is logged and shown once, never lost in the extension host. */
export function activate(context: vscode.ExtensionContext): ExtensionServices | undefined {
  const started = performance.now();
  try {
    return start(context, started);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Better Auth Doctor failed to start: ${(error as Error)?.stack ?? message}`);
    void vscode.window.showErrorMessage(`Better Auth Doctor failed to start: ${message}`);
    return undefined;
  }
}

function start(context: vscode.ExtensionContext, started: number): ExtensionServices {
  const log = vscode.window.createOutputChannel("Better Auth Doctor", { log: true });
  const config = new Config(log);
  const apps = new AppContexts(log);
  const linter = new SchemaLinter(log, apps, config);
  const doctor = new ConfigDoctor(linter, log, config);
  const timings: ExtensionServices["timings"] = { activationMs: 0 };
  const services: ExtensionServices = { context, linter, config, log, timings };
  const schemaWatcher = vscode.workspace.createFileSystemWatcher("**/*.prisma");
  const versionWatch = new VersionWatch(() => linter.relintAll());
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());

  // The auth config and the modules it imports: typing in them (unsaved) or changing them on disk
  // re-reads the app and re-lints its schemas; a new auth.ts may be the config that was missing.
  const codeWatcher = vscode.workspace.createFileSystemWatcher("**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}");
  const configTimers = new Map<string, NodeJS.Timeout>();
  const configChanged = (uri: vscode.Uri, created = false) => {
    const path = uri.fsPath;
    if (uri.scheme !== "file" || path.includes("/node_modules/")) return;
    if (!apps.isWatched(path) && !(created && /(^|\/)auth(\/index)?(\.server)?\.[cm]?[jt]sx?$/.test(path))) return;
    clearTimeout(configTimers.get(path));
    configTimers.set(path, setTimeout(() => (configTimers.delete(path), apps.invalidate(created ? undefined : path)), 150));
  };

  // Users (and the real-VS-Code suite) see how long the editor waited for the first squiggles.
  const firstLint = linter.onDidLint((linted) => {
    if (!linted.result) return;
    firstLint.dispose();
    timings.firstDiagnosticsMs = Math.round(performance.now() - started);
    timings.firstSchema = linted.root;
    log.info(`activated in ${timings.activationMs} ms; first diagnostics after ${timings.firstDiagnosticsMs} ms (${vscode.workspace.asRelativePath(linted.root)})`);
  });

  context.subscriptions.push(
    log,
    firstLint,
    config,
    apps,
    linter,
    codeWatcher,
    apps.onDidChange(() => linter.relintAll()),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && configChanged(event.document.uri)),
    codeWatcher.onDidChange((uri) => !isOpen(uri) && configChanged(uri)),
    codeWatcher.onDidCreate((uri) => configChanged(uri, true)),
    codeWatcher.onDidDelete((uri) => configChanged(uri, true)),
    // Trust lets the linter load the installed better-auth and read .env: read every app again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => apps.invalidate()),
    new AuthConfigStatus(linter),
    schemaWatcher,
    versionWatch,
    linter.onDidLint((linted) => versionWatch.follow(linted)),
    new VersionStatus(linter, config),
    doctor,
    vscode.languages.registerCodeActionsProvider(SCHEMA_SELECTOR, new BetterAuthCodeActions(linter), BetterAuthCodeActions.metadata),
    vscode.languages.registerCodeActionsProvider(CONFIG_SELECTOR, new BetterAuthCodeActions(linter, doctor), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.onDidOpenTextDocument((document) => isSchema(document) && linter.schedule(document.uri, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => isSchema(event.document) && event.contentChanges.length && linter.schedule(event.document.uri)),
    // Closing discards unsaved text: show what is on disk again (or nothing, outside the workspace).
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (!isSchema(document)) return;
      if (document.uri.scheme === "file" && vscode.workspace.getWorkspaceFolder(document.uri)) linter.schedule(document.uri, 0);
      else linter.clear(document.uri);
    }),
    schemaWatcher.onDidCreate((uri) => linter.schedule(uri)),
    schemaWatcher.onDidChange((uri) => !isOpen(uri) && linter.schedule(uri)),
    schemaWatcher.onDidDelete((uri) => linter.forget(uri)),
    watchNewFolders((uri) => !isOpen(uri) && linter.schedule(uri), log),
    ...registerCommands(services),
  );

  for (const document of vscode.workspace.textDocuments) if (isSchema(document)) linter.schedule(document.uri, 0);
  lintFolderSchemas(linter, config);
  if (vscode.workspace.workspaceFolders?.length) lintWorkspace(linter, log).catch((error: unknown) => log.error(`finding schema files failed: ${(error as Error)?.message ?? error}`));
  timings.activationMs = Math.round(performance.now() - started);
  log.info(`activated (VS Code ${vscode.version}) in ${timings.activationMs} ms`);
  return services;
}

export function deactivate(): void {}
