import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { PRISMA_CONFIG_NAMES } from "../core/schema/prisma-config-names";
import { LOCKFILE_NAMES } from "../core/version/lockfiles";
import type { LintedSchema } from "./linter";

/** npm install touches hundreds of files; one re-lint once it has settled. */
const SETTLE_MS = 300;

/**
 * Fires when a file the Better Auth version is detected from appears, changes or goes away, so
 * diagnostics follow an install or an upgrade without waiting for a keystroke.
 *
 * Lock files, package.json and every prisma.config.* name are seen by the workspace's recursive watcher.
 * node_modules is not (`files.watcherExclude` leaves it out by default), so the installed
 * `node_modules/better-auth/package.json` is watched with non-recursive watchers, which the
 * exclude settings do not apply to: one on node_modules for the package folder coming and
 * going, one on the package folder for its package.json.
 */
export class VersionWatch implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly installDirs = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onVersionFilesChanged: () => void) {
    const names = ["package.json", ...PRISMA_CONFIG_NAMES, ...LOCKFILE_NAMES];
    this.watch(vscode.workspace.createFileSystemWatcher(`**/{${names.join(",")}}`));
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.watchInstall(folder.uri.fsPath);
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders((event) => event.added.forEach((folder) => this.watchInstall(folder.uri.fsPath))));
  }

  /** Also watches where a lint found the installed copy (a monorepo's root, a package's own node_modules). */
  follow(linted: LintedSchema): void {
    const file = linted.version.source === "installed" ? linted.version.file : undefined;
    // <dir>/node_modules/better-auth/package.json -> <dir>
    if (file) this.watchInstall(dirname(dirname(dirname(file))));
  }

  private watchInstall(dir: string): void {
    if (this.installDirs.has(dir)) return;
    this.installDirs.add(dir);
    const modules = join(dir, "node_modules");
    this.watch(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(modules), "better-auth")));
    this.watch(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(join(modules, "better-auth")), "package.json")));
  }

  private watch(watcher: vscode.FileSystemWatcher): void {
    const changed = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.onVersionFilesChanged, SETTLE_MS);
    };
    this.disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
