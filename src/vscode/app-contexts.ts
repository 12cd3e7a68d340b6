import { dirname } from "node:path";
import * as vscode from "vscode";
import { loadAppContext, type LoadedApp } from "../core/better-auth/load-app-context";

/** What decides one app context: the schema's folder, the version being checked, trust and the config path. */
export interface AppKey {
  schemaDir: string;
  version: string | null;
  trusted: boolean;
  authConfigPath: string;
  readFile(path: string): string | undefined;
}

interface Entry {
  key: string;
  promise: Promise<LoadedApp>;
  loaded?: LoadedApp;
}

const keyOf = (key: AppKey) => `${key.schemaDir}\n${key.version ?? ""}\n${key.trusted}\n${key.authConfigPath}`;

/**
 * The app around each schema — its auth config read statically, and in trusted workspaces the
 * installed better-auth's tables — loaded once and kept until one of the files it was read from
 * changes (on disk or in an unsaved editor). Loading is async (the installed package is an ES
 * module); lints read the finished result synchronously and the first lint of a schema waits for it.
 */
export class AppContexts implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a context was dropped, so the schemas that used it lint again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The loaded context, or undefined while it loads (or never asked for). */
  peek(key: AppKey): LoadedApp | undefined {
    const entry = this.entries.get(key.schemaDir);
    return entry?.key === keyOf(key) ? entry.loaded : undefined;
  }

  ensure(key: AppKey): Promise<LoadedApp> {
    const id = keyOf(key);
    const existing = this.entries.get(key.schemaDir);
    if (existing?.key === id) return existing.promise;
    const entry: Entry = {
      key: id,
      promise: loadAppContext(key.schemaDir, {
        // Messages and the status item name files relative to the workspace folder.
        cwd: vscode.workspace.getWorkspaceFolder(vscode.Uri.file(key.schemaDir))?.uri.fsPath ?? dirname(key.schemaDir),
        mayLoadInstalled: key.trusted,
        readFile: key.readFile,
        // .env values only where the workspace is trusted; the extension host's own environment is not the app's.
        ...(key.trusted ? { env: {}, envFromProject: true } : {}),
        ...(key.authConfigPath ? { authConfigPath: key.authConfigPath } : {}),
        version: key.version,
      }).then(
        (loaded) => {
          entry.loaded = loaded;
          this.report(loaded);
          return loaded;
        },
        (error: unknown) => {
          // loadAppContext does not throw; if it ever does, lint without the app rather than never.
          this.log.error(`reading the auth config for ${key.schemaDir} failed: ${(error as Error).message}`);
          entry.loaded = { context: {}, config: {}, unresolved: [] };
          return entry.loaded;
        },
      ),
    };
    this.entries.set(key.schemaDir, entry);
    return entry.promise;
  }

  private report(loaded: LoadedApp): void {
    if (!loaded.read) return;
    const plugins = loaded.read.plugins.map((plugin) => plugin.name);
    this.log.info(`auth config ${loaded.read.file}: plugins ${plugins.length ? plugins.join(", ") : "none"}${loaded.context.installed ? " (tables from the installed better-auth)" : ""}`);
    if (loaded.context.uncheckedPlugins) this.log.info(`  plugin tables not checked (${loaded.context.uncheckedPlugins.reason}): ${loaded.context.uncheckedPlugins.names.join(", ")}`);
    for (const note of loaded.unresolved) this.log.info(`  not evaluated: ${note}`);
  }

  /** Every file some context was read from: the auth config and the modules it imports. */
  isWatched(path: string): boolean {
    for (const entry of this.entries.values()) if (entry.loaded?.read?.files.includes(path)) return true;
    return false;
  }

  /** Drops the contexts read from `path` (or every context), so the next lint reads them again. */
  invalidate(path?: string): void {
    let dropped = false;
    for (const [dir, entry] of this.entries) {
      if (path === undefined || !entry.loaded || entry.loaded.read?.files.includes(path) || (!entry.loaded.read && path.startsWith(entry.loaded.projectDir ?? "\0"))) {
        this.entries.delete(dir);
        dropped = true;
      }
    }
    if (dropped) this.changed.fire();
  }
}
