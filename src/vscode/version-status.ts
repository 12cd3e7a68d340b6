import * as vscode from "vscode";
import type { DetectedVersion } from "../core/version/detected-version";
import type { Config } from "./config";
import type { SchemaLinter } from "./linter";

const SOURCE: Record<DetectedVersion["source"], string> = {
  override: "set in the betterAuthDoctor.betterAuthVersion setting",
  installed: "installed",
  lockfile: "from the lock file",
  "package.json": "from the package.json range",
  assumed: "not found: the newest layout is assumed",
};

/** ESLint-style language status: which Better Auth version the diagnostics assume, and why. */
export class VersionStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem("betterAuthDoctor.version", { language: "prisma" });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly linter: SchemaLinter,
    private readonly config: Config,
  ) {
    this.item.name = "Better Auth version";
    this.item.text = "Better Auth";
    this.item.command = { title: "Show log", command: "betterAuthDoctor.showOutput" };
    this.subscriptions.push(
      linter.onDidLint(() => this.update()),
      // A disabled folder lints no more, so no lint would tell the item.
      config.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri && !this.config.for(uri).enable) {
      this.item.text = "Better Auth (off)";
      this.item.detail = "betterAuthDoctor.enable is false for this folder";
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const version = uri && this.linter.schemaFor(uri)?.version;
    if (!version) {
      this.item.text = "Better Auth";
      this.item.detail = "not linted yet";
      return;
    }
    this.item.text = version.version ? `Better Auth ${version.version}` : "Better Auth (newest assumed)";
    this.item.detail = `${SOURCE[version.source]}${version.file ? ` — ${vscode.workspace.asRelativePath(version.file)}` : ""}`;
    this.item.severity = version.source === "assumed" ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
