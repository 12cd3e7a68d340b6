import { parse } from "dotenv";
import * as vscode from "vscode";
import { type DiscoveredSecrets, discoverSecrets, type EnvSource, groupEnvFiles, type SecretScope } from "../../core/secrets";
import { indexedSecretKeys, SECRET_INDEX_KEY, secretKeyFor } from "./secret-keys";

export type { SecretScope };

export interface GatheredSecrets extends DiscoveredSecrets {
  /** `.env` files were skipped because the workspace is not trusted. */
  untrusted: boolean;
  /** How many `.env*` files were read. */
  envFiles: number;
}

const MAX_ENV_FILES = 100;

/** The folder of the active editor first: that is most likely the app the cookie is from. */
export function orderedFolders(): readonly vscode.WorkspaceFolder[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  return active ? [active, ...folders.filter((f) => f.index !== active.index)] : folders;
}

function relativePath(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const base = folder.path.endsWith("/") ? folder.path : `${folder.path}/`;
  return file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}

/**
 * The editor's side of `discoverSecrets`: it finds and reads the files (through VS Code's file
 * system, trusted workspaces only) and SecretStorage; the core decides order and labels, the
 * same as for the CLI. The cookie panel and the session lookup both call this.
 */
export async function gatherSecrets(storage: vscode.SecretStorage, typed?: string): Promise<GatheredSecrets> {
  const folders = orderedFolders();
  const multiRoot = folders.length > 1;
  const problems: string[] = [];
  const project: { dir: string; sources: EnvSource[] }[] = [];
  let envFiles = 0;

  if (vscode.workspace.isTrusted) {
    for (const folder of folders) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, "**/.env*"), "**/node_modules/**", MAX_ENV_FILES);
      const relative = found.map((uri) => relativePath(folder.uri, uri)).filter((path): path is string => path !== undefined);
      for (const group of groupEnvFiles(relative)) {
        const sources: EnvSource[] = [];
        for (const name of group.names) {
          const path = group.dir ? `${group.dir}/${name}` : name;
          const label = multiRoot ? `${folder.name}/${path}` : path;
          try {
            const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, path));
            sources.push({ label, vars: parse(Buffer.from(bytes)) });
            envFiles++;
          } catch (error) {
            problems.push(`Cannot read ${label} (${error instanceof vscode.FileSystemError ? error.code : "read error"}).`);
          }
        }
        project.push({ dir: [multiRoot ? folder.name : "", group.dir].filter(Boolean).join("/"), sources });
      }
    }
  }

  const stored: { label: string; text: string }[] = [];
  for (const folder of [...folders, undefined]) {
    const text = await storage.get(secretKeyFor(folder?.uri.toString()));
    if (text !== undefined) stored.push({ label: folder && multiRoot ? `SecretStorage (${folder.name})` : "SecretStorage", text });
  }

  const discovered = discoverSecrets({ environment: process.env, environmentIsApp: false, project, stored, typed });
  return { scopes: discovered.scopes, problems: [...problems, ...discovered.problems], untrusted: !vscode.workspace.isTrusted, envFiles };
}

/** Remembers a typed secret for one workspace folder (picked when there are several). */
export async function rememberSecret(context: vscode.ExtensionContext, typed: string): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: "Remember the secret for which workspace folder?" }) : folders[0];
  if (folders.length > 1 && !folder) return undefined;
  const key = secretKeyFor(folder?.uri.toString());
  await context.secrets.store(key, typed);
  const keys = indexedSecretKeys(context.globalState);
  if (!keys.includes(key)) await context.globalState.update(SECRET_INDEX_KEY, [...keys, key]);
  return folder ? `workspace folder ${folder.name}` : "windows without a folder";
}
