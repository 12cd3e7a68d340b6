import * as vscode from "vscode";
import { SECTION, type Settings, toSettings } from "./settings";
import { NO_FOLDER, ProblemNotices, refreshFolders } from "./settings-changes";

export interface SettingsChange {
  /** Keys (folder URIs, or NO_FOLDER) whose settings changed. */
  readonly folders: readonly string[];
  /** Whether the settings that apply to `uri` changed. */
  affects(uri: vscode.Uri): boolean;
}

/**
 * The extension's settings, rust-analyzer's `Config`: one validated `Settings` per workspace
 * folder, read once and again only when `betterAuthDoctor.*` changes for that folder. A lint
 * runs per keystroke and only reads this cache. One `onDidChange` tells the linter and the config
 * doctor which folders to redo; a folder's invalid values are warned about once, here.
 */
export class Config implements vscode.Disposable {
  private readonly byFolder = new Map<string, Settings>();
  private readonly notices = new ProblemNotices();
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;
  /** The settings warnings shown so far, in order (the real-VS-Code suite counts them). */
  readonly warnings: string[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((event) => this.configurationChanged(event)),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.forget(folder.uri.toString());
        this.warnAbout(event.added.map((folder) => folder.uri.toString()));
      }),
    );
    this.warnAbout((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The settings for a file or folder: its workspace folder's, or the user's and workspace's outside every folder. */
  for(uri: vscode.Uri | undefined): Settings {
    return this.get(keyOf(uri));
  }

  private get(key: string): Settings {
    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = read(key);
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  private configurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (!event.affectsConfiguration(SECTION)) return;
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri).filter((uri) => event.affectsConfiguration(SECTION, uri));
    const candidates = [...folders.map((uri) => uri.toString()), ...(this.byFolder.has(NO_FOLDER) ? [NO_FOLDER] : [])];
    const { changed, read: fresh } = refreshFolders(this.byFolder, candidates, read);
    for (const [key, settings] of fresh) this.byFolder.set(key, settings);
    if (!changed.length) return;
    this.log.info(`settings changed for ${changed.map(nameOf).join(", ")}`);
    this.warnAbout(changed);
    const keys = new Set(changed);
    this.changed.fire({ folders: changed, affects: (uri) => keys.has(keyOf(uri)) });
  }

  private warnAbout(keys: readonly string[]): void {
    const hasFolders = !!vscode.workspace.workspaceFolders?.length;
    for (const key of keys) {
      // Outside every folder only in a window without folders: the folders already inherit user values.
      if (key === NO_FOLDER && hasFolders) continue;
      const message = this.notices.next(key, this.get(key).problems);
      if (!message) continue;
      const where = key === NO_FOLDER ? "" : ` (${nameOf(key)})`;
      this.log.warn(`settings${where}: ${message}`);
      this.warnings.push(message);
      void vscode.window.showWarningMessage(`Better Auth Doctor${where}: ${message}. These settings are ignored until fixed.`);
    }
  }

  private forget(key: string): void {
    this.byFolder.delete(key);
    this.notices.forget(key);
  }
}

function keyOf(uri: vscode.Uri | undefined): string {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString()) ?? NO_FOLDER;
}

/** The one place that calls `getConfiguration` for this extension's section. */
function read(key: string): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, key === NO_FOLDER ? undefined : vscode.Uri.parse(key));
  return toSettings({
    get: (name, defaultValue) => config.get(name, defaultValue),
    isSet: (name) => {
      const inspected = config.inspect(name);
      return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some((value) => value !== undefined);
    },
  });
}

function nameOf(key: string): string {
  return key === NO_FOLDER ? "files outside the workspace folders" : (vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key))?.name ?? key);
}
