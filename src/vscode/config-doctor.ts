import { readdirSync } from "node:fs";
import { basename } from "node:path";
import * as vscode from "vscode";
import type { LoadedApp } from "../core/better-auth/load-app-context";
import { lintAppConfig } from "../core/doctor/lint-app-config";
import type { Finding } from "../core/lint/findings";
import { toDiagnostic } from "./convert";
import type { LintedSchema, SchemaLinter } from "./linter";
import { editorSchemaFs } from "./schema-fs";
import type { Config } from "./config";

function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

interface ProjectRun {
  app: LoadedApp;
  version: string | null;
  files: string[];
}

/**
 * Diagnostics on the app's auth config, `.env*` files and middleware (the config doctor), next to
 * the schema's. Runs after each lint of a schema that belongs to an app, and again when one of
 * the files it read changes in an editor. `.env` files are read only in trusted workspaces.
 */
export class ConfigDoctor implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("better-auth-config");
  private readonly findingsByFile = new Map<string, Finding[]>();
  private readonly projects = new Map<string, ProjectRun>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    linter: SchemaLinter,
    private readonly log: vscode.LogOutputChannel,
    private readonly config: Config,
  ) {
    this.subscriptions.push(
      linter.onDidLint((linted) => this.afterSchemaLint(linted)),
      // Rule severities and `enable` apply to these files too; a disabled folder's schemas do not lint again to trigger us.
      config.onDidChange((change) => {
        for (const projectDir of this.projects.keys()) if (change.affects(vscode.Uri.file(projectDir))) this.schedule(projectDir, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length && this.fileChanged(event.document.uri)),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  findings(uri: vscode.Uri): Finding[] {
    return this.findingsByFile.get(uri.fsPath) ?? [];
  }

  /** The project folder whose config files include `uri`. */
  projectOf(uri: vscode.Uri): string | undefined {
    for (const [projectDir, run] of this.projects) if (run.files.includes(uri.fsPath)) return projectDir;
    return undefined;
  }

  private afterSchemaLint(linted: LintedSchema): void {
    const projectDir = linted.app?.projectDir;
    if (!linted.app || !projectDir) return;
    this.projects.set(projectDir, { app: linted.app, version: linted.version.version, files: this.projects.get(projectDir)?.files ?? [] });
    this.schedule(projectDir, 0);
  }

  /** A `.env` or middleware file typed in: re-run its project (the auth config itself re-lints the schema first). */
  private fileChanged(uri: vscode.Uri): void {
    if (uri.scheme !== "file") return;
    for (const [projectDir, run] of this.projects) {
      if (run.files.includes(uri.fsPath) || (uri.fsPath.startsWith(`${projectDir}/`) && basename(uri.fsPath).startsWith(".env"))) this.schedule(projectDir, 100);
    }
  }

  private schedule(projectDir: string, delay: number): void {
    clearTimeout(this.timers.get(projectDir));
    this.timers.set(
      projectDir,
      setTimeout(() => {
        this.timers.delete(projectDir);
        try {
          this.run(projectDir);
        } catch (error) {
          this.log.error(`checking the Better Auth config of ${projectDir} failed: ${(error as Error)?.stack ?? error}`);
        }
      }, delay),
    );
  }

  private run(projectDir: string): void {
    const project = this.projects.get(projectDir);
    if (!project) return;
    const settings = this.config.for(vscode.Uri.file(projectDir));
    const fs = editorSchemaFs();
    const result = settings.enable
      ? lintAppConfig(project.app, project.version, settings.lint.rules, { readFile: (path) => fs.readFile(path), listDir, readEnv: vscode.workspace.isTrusted })
      : undefined;
    const files = result?.files ?? [];
    for (const file of new Set([...project.files, ...files])) {
      const findings = result?.findings.filter((finding) => finding.file === file) ?? [];
      this.findingsByFile.set(file, findings);
      this.collection.set(vscode.Uri.file(file), findings.map(toDiagnostic));
    }
    project.files = files;
    this.log.debug(`config doctor: ${result?.findings.length ?? 0} finding(s) in ${files.length} file(s) of ${projectDir}`);
  }
}
