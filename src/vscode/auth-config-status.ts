import * as vscode from "vscode";
import type { SchemaLinter } from "./linter";

/** Language status beside the version: which auth config the diagnostics follow, with its plugins; a click opens it. */
export class AuthConfigStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem("betterAuthDoctor.authConfig", { language: "prisma" });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly linter: SchemaLinter) {
    this.item.name = "Better Auth config";
    this.subscriptions.push(
      linter.onDidLint(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const app = uri && this.linter.schemaFor(uri)?.app;
    const read = app?.read;
    if (!read) {
      this.item.text = "No auth config";
      this.item.detail = app?.projectDir ? "no auth.ts found where Better Auth's CLI looks (betterAuthDoctor.authConfigPath points at one)" : "not a Better Auth project";
      this.item.command = { title: "Show log", command: "betterAuthDoctor.showOutput" };
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const plugins = read.plugins.map((plugin) => plugin.name);
    this.item.text = `$(file-code) ${vscode.workspace.asRelativePath(read.file)}`;
    const unchecked = app.context.uncheckedPlugins;
    this.item.detail =
      (plugins.length ? `plugins: ${plugins.join(", ")}` : "no plugins") +
      (unchecked ? ` — plugin tables not checked: ${unchecked.reason}` : app.context.installed ? " — tables from the installed better-auth" : "") +
      (app.unresolved.length ? ` — ${app.unresolved.length} part(s) not evaluated (see the log)` : "");
    this.item.severity = unchecked ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = { title: "Open", command: "vscode.open", arguments: [vscode.Uri.file(read.file)] };
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
