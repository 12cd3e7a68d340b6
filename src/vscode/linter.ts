import { dirname, isAbsolute, join, relative } from "node:path";
import * as vscode from "vscode";
import type { LintConfig } from "../core/better-auth/options-mirror";
import type { Finding } from "../core/lint/findings";
import { lintText } from "../core/lint/lint";
import type { LoadedApp } from "../core/better-auth/load-app-context";
import { detectSchemaVersion, lintSchemaAt, schemaDirOf, type SchemaLintResult } from "../core/lint/lint-files";
import type { SchemaFs } from "../core/schema/load";
import type { AppContexts, AppKey } from "./app-contexts";
import { resolveVersion, SYNTAX_RULE } from "../core/lint/lint";
import type { DetectedVersion } from "../core/version/detected-version";
import { toDiagnostic } from "./convert";
import type { Config, SettingsChange } from "./config";
import type { Settings } from "./settings";
import { editorSchemaFs } from "./schema-fs";

export interface LintedSchema {
  /** Key: the schema's root file or folder. */
  root: string;
  /** With the config the lint used: settings over the app's auth config. */
  result?: SchemaLintResult & { config: LintConfig };
  version: DetectedVersion;
  /** The app around the schema (auth config, installed tables), when it was read. */
  app?: LoadedApp;
}

// Prisma's own extension already reports syntax errors; repeating them would double every squiggle.
const PRISMA_EXTENSION = "Prisma.prisma";

/**
 * Lints schemas as the user types and owns the diagnostics. One lint covers the whole schema a
 * file belongs to (all files of a multi-file schema), keyed by the schema's root.
 */
export class SchemaLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("better-auth");
  private readonly findingsByFile = new Map<string, Finding[]>();
  private readonly schemas = new Map<string, LintedSchema>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<LintedSchema>();
  readonly onDidLint = this.changed.event;

  private readonly settingsSubscription: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly apps: AppContexts,
    private readonly config: Config,
  ) {
    this.settingsSubscription = config.onDidChange((change) => this.relint(change));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.settingsSubscription.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }

  findings(uri: vscode.Uri): Finding[] {
    // Virtual documents have no file path: their findings are kept under the URI (lintVirtual).
    return this.findingsByFile.get(uri.scheme === "file" ? uri.fsPath : uri.toString()) ?? [];
  }

  schemaFor(uri: vscode.Uri): LintedSchema | undefined {
    for (const schema of this.schemas.values()) if (schema.result?.files.includes(uri.fsPath)) return schema;
    return this.schemas.get(uri.fsPath);
  }

  /** The schema file or folder `uri` belongs to, honouring the schemaPath setting. */
  private rootFor(uri: vscode.Uri, configured: string): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && configured) {
      const root = isAbsolute(configured) ? configured : join(folder.uri.fsPath, configured);
      const inside = relative(root, uri.fsPath);
      // relative(), not startsWith(root + "/"): Windows paths use "\\".
      if (!inside || (!inside.startsWith("..") && !isAbsolute(inside))) return root;
    }
    return uri.fsPath;
  }

  /** Lints soon: typing bursts collapse into one lint per schema. */
  schedule(uri: vscode.Uri, delay = 50): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A timer's callback has no caller to catch for it: a failed lint is logged, never lost.
        this.lintWithApp(uri).catch((error: unknown) => this.log.error(`linting ${uri.fsPath} failed: ${(error as Error)?.stack ?? error}`));
      }, delay),
    );
  }

  /**
   * Starts a lint now rather than on a timer: called from `activate`, it is done before the
   * extension host turns to its next task (other extensions, a test runner) unless the app
   * context has real waiting to do.
   */
  lintNow(uri: vscode.Uri): void {
    this.lintWithApp(uri).catch((error: unknown) => this.log.error(`linting ${uri.fsPath} failed: ${(error as Error)?.stack ?? error}`));
  }

  /** Which app context a schema lints against: its folder, version, trust and the authConfigPath setting. */
  private appKey(uri: vscode.Uri, root: string, settings: Settings, fs: SchemaFs, version: DetectedVersion): AppKey {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    const configured = settings.authConfigPath;
    return {
      schemaDir: schemaDirOf(root, fs),
      version: version.version,
      trusted: vscode.workspace.isTrusted,
      authConfigPath: configured && folder && !isAbsolute(configured) ? join(folder, configured) : configured,
      readFile: (path) => fs.readFile(path),
    };
  }

  /**
   * The first lint of a schema waits for its app context (reading auth.ts and, when trusted, the
   * installed better-auth): linting without it would flash findings the config answers.
   */
  async lintWithApp(uri: vscode.Uri): Promise<LintedSchema | undefined> {
    const settings = this.config.for(uri);
    if (settings.enable && uri.scheme === "file") {
      const fs = editorSchemaFs();
      const root = this.rootFor(uri, settings.schemaPath);
      await this.apps.ensure(this.appKey(uri, root, settings, fs, detectSchemaVersion(root, settings.lint, fs)));
    }
    return this.lint(uri);
  }

  lint(uri: vscode.Uri): LintedSchema | undefined {
    const settings = this.config.for(uri);
    if (!settings.enable) {
      // The whole schema goes quiet, not just this file; it stays known so enabling re-lints it.
      for (const file of this.schemaFor(uri)?.result?.files ?? []) this.clear(vscode.Uri.file(file));
      this.clear(uri);
      return undefined;
    }
    const config = { ...settings.lint, rules: { ...settings.lint.rules } };
    if (config.rules[SYNTAX_RULE] === undefined && vscode.extensions.getExtension(PRISMA_EXTENSION)) config.rules[SYNTAX_RULE] = "off";
    const started = Date.now();
    if (uri.scheme !== "file") return this.lintVirtual(uri, config);
    const root = this.rootFor(uri, settings.schemaPath);
    const fs = editorSchemaFs();
    // Detected once per lint: it picks the app context and is the version the lint assumes.
    const version = detectSchemaVersion(root, config, fs);
    const app = this.apps.peek(this.appKey(uri, root, settings, fs, version));
    const result = lintSchemaAt(root, config, fs, app, version);
    const previous = this.schemas.get(root)?.result?.files ?? [];
    for (const file of new Set([...previous, ...result.files])) {
      const findings = result.findings.filter((finding) => finding.file === file);
      this.findingsByFile.set(file, findings);
      this.collection.set(vscode.Uri.file(file), findings.map(toDiagnostic));
    }
    const linted: LintedSchema = { root, result, version: result.version, ...(app ? { app } : {}) };
    this.schemas.set(root, linted);
    this.log.debug(`linted ${root} (${result.files.length} file(s), Better Auth ${result.version.version ?? "unknown"} from ${result.version.source}): ${result.findings.length} finding(s) in ${Date.now() - started} ms`);
    this.changed.fire(linted);
    return linted;
  }

  /** Virtual workspaces have no disk to read versions or sibling files from: lint the text alone. */
  private lintVirtual(uri: vscode.Uri, config: LintConfig): LintedSchema | undefined {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!document) return undefined;
    const findings = lintText(document.getText(), { config, path: uri.toString() });
    this.collection.set(uri, findings.map(toDiagnostic));
    this.findingsByFile.set(uri.toString(), findings);
    const version: DetectedVersion = resolveVersion({ config });
    const linted = { root: uri.toString(), version };
    this.changed.fire(linted);
    return linted;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.findingsByFile.delete(uri.scheme === "file" ? uri.fsPath : uri.toString());
  }

  /** A file left the schema (deleted): drop its diagnostics and re-lint what is left of its schema. */
  forget(uri: vscode.Uri): void {
    this.clear(uri);
    for (const [root, schema] of this.schemas) {
      if (root === uri.fsPath) this.schemas.delete(root);
      else if (schema.result?.files.includes(uri.fsPath)) this.schedule(vscode.Uri.file(schema.result.files.find((file) => file !== uri.fsPath) ?? dirname(uri.fsPath)));
    }
  }

  relintAll(): void {
    this.relint();
  }

  /** Lints again every known schema, or those whose folder's settings changed. */
  private relint(change?: SettingsChange): void {
    for (const schema of this.schemas.values()) {
      const file = schema.result?.files[0];
      if (file && (!change || change.affects(vscode.Uri.file(file)))) this.schedule(vscode.Uri.file(file));
    }
  }
}
