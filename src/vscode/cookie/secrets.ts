import { parse } from "dotenv";
import * as vscode from "vscode";
import { type EnvSource, parseVersionedSecrets, secretsFromEnv } from "../../core/secrets/from-env";
import type { SecretCandidate } from "../../core/secrets/secret-candidate";
import { groupEnvFiles } from "./env-files";
import { indexedSecretKeys, SECRET_INDEX_KEY, secretKeyFor } from "./secret-keys";

/**
 * One set of secrets that belong together, verified on its own: the first candidate is that
 * set's *current* secret. Mixing an app's `.env` with a secret typed for another app would
 * turn a good match into a "not the current secret" warning, so each set is tried apart.
 */
export interface SecretScope {
  label: string;
  candidates: SecretCandidate[];
}

export interface GatheredSecrets {
  scopes: SecretScope[];
  /** Worded for a person, never containing a value (malformed BETTER_AUTH_SECRETS, unreadable files). */
  problems: string[];
  /** `.env` files were skipped because the workspace is not trusted. */
  untrusted: boolean;
  /** How many `.env*` files were read. */
  envFiles: number;
}

export const TYPED_SOURCE = "typed secret";
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

/** A typed or stored value: `2:new,1:old` is read as BETTER_AUTH_SECRETS, anything else as one secret. */
export function candidatesFromText(text: string, source: string): { candidates: SecretCandidate[]; problems: string[] } {
  const value = text.trim();
  if (/^\d+\s*:/.test(value)) return parseVersionedSecrets(value, source);
  return { candidates: value ? [{ value, source }] : [], problems: [] };
}

/**
 * Secrets from the extension host's environment, the workspace's `.env*` files (trusted
 * workspaces only), SecretStorage, and a typed value, grouped into scopes.
 */
export async function gatherSecrets(storage: vscode.SecretStorage, typed?: string): Promise<GatheredSecrets> {
  const folders = orderedFolders();
  const multiRoot = folders.length > 1;
  const environment: EnvSource = { label: "environment", vars: process.env };
  const out: GatheredSecrets = { scopes: [], problems: [], untrusted: !vscode.workspace.isTrusted, envFiles: 0 };

  if (typed !== undefined) {
    const parsed = candidatesFromText(typed, TYPED_SOURCE);
    out.problems.push(...parsed.problems);
    if (parsed.candidates.length) out.scopes.push({ label: TYPED_SOURCE, candidates: parsed.candidates });
  }

  // The extension host's environment is not the app's: it is one set of its own.
  const fromEnvironment = secretsFromEnv([environment]);
  out.problems.push(...fromEnvironment.problems);
  if (fromEnvironment.candidates.length) out.scopes.push({ label: "environment", candidates: fromEnvironment.candidates });

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
            out.envFiles++;
          } catch (error) {
            out.problems.push(`Cannot read ${label} (${error instanceof vscode.FileSystemError ? error.code : "read error"}).`);
          }
        }
        const secrets = secretsFromEnv(sources);
        out.problems.push(...secrets.problems);
        const where = [multiRoot ? folder.name : "", group.dir].filter(Boolean).join("/");
        if (secrets.candidates.length) out.scopes.push({ label: where ? `.env files in ${where}` : ".env files", candidates: secrets.candidates });
      }
    }
  }

  for (const folder of [...folders, undefined]) {
    const stored = await storage.get(secretKeyFor(folder?.uri.toString()));
    if (stored === undefined) continue;
    const source = folder && multiRoot ? `SecretStorage (${folder.name})` : "SecretStorage";
    const parsed = candidatesFromText(stored, source);
    out.problems.push(...parsed.problems);
    if (parsed.candidates.length) out.scopes.push({ label: source, candidates: parsed.candidates });
  }
  return out;
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
