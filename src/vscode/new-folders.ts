import * as vscode from "vscode";

const SKIPPED = /\/(node_modules|\.git)(\/|$)/;

/**
 * Reports the schema files inside folders created while the window is open.
 *
 * On Linux, VS Code's file watcher (@parcel/watcher's inotify backend) starts watching a new
 * folder without scanning it, so files created in it right away — `npx prisma init`,
 * `git checkout`, `mkdir -p prisma && cp …` — never raise a create event: the `**\/*.prisma`
 * watcher stays silent and those schemas would get no diagnostics until opened. The new folder
 * itself is reported, so look inside it. parcel-bundler/watcher#97, microsoft/vscode#142694;
 * test/vscode/suites/diagnostics.suite.ts reproduces it on both engines.
 */
export function watchNewFolders(onSchema: (uri: vscode.Uri) => void, log: vscode.LogOutputChannel): vscode.Disposable {
  // Creations only; VS Code serves workspace-relative patterns from its one workspace watcher.
  const watcher = vscode.workspace.createFileSystemWatcher("**/*", false, true, true);
  const pending = new Map<string, vscode.Uri>();
  let timer: NodeJS.Timeout | undefined;

  const scan = async () => {
    const created = [...pending.values()];
    pending.clear();
    for (const uri of created) {
      const type = await vscode.workspace.fs.stat(uri).then(
        (stat) => stat.type,
        () => vscode.FileType.Unknown,
      );
      if (!(type & vscode.FileType.Directory)) continue;
      const schemas = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, "**/*.prisma"), "**/{node_modules,migrations}/**", 500);
      if (schemas.length) log.debug(`new folder ${uri.fsPath}: ${schemas.length} schema file(s)`);
      schemas.forEach(onSchema);
    }
  };

  const subscription = watcher.onDidCreate((uri) => {
    if (uri.path.endsWith(".prisma") || SKIPPED.test(uri.path)) return;
    pending.set(uri.toString(), uri);
    clearTimeout(timer);
    // A checkout creates many entries at once: one scan once they have settled.
    timer = setTimeout(() => void scan().catch((error) => log.warn(`scanning new folders failed: ${error}`)), 200);
  });
  return vscode.Disposable.from(watcher, subscription, { dispose: () => clearTimeout(timer) });
}
