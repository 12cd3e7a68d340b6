/**
 * Where typed cookie secrets are remembered: VS Code SecretStorage (the OS keychain), one key
 * per workspace folder, never settings. SecretStorage cannot list its keys, so the keys in use
 * (folder URIs, no secret values) are indexed in globalState for "Forget stored cookie secrets".
 * No vscode import: shared by the activation bundle and the lazily loaded cookie bundle.
 */
export const SECRET_KEY_PREFIX = "betterAuthDoctor.cookieSecret:";
export const SECRET_INDEX_KEY = "betterAuthDoctor.cookieSecretKeys";
const NO_FOLDER = "(no folder)";

/** `folderUri` is `WorkspaceFolder.uri.toString()`; undefined when no folder is open. */
export function secretKeyFor(folderUri: string | undefined): string {
  return SECRET_KEY_PREFIX + (folderUri ?? NO_FOLDER);
}

/** Minimal views of vscode's Memento and SecretStorage, so this stays importable anywhere. */
export interface KeyIndex {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export function indexedSecretKeys(state: KeyIndex): string[] {
  const keys = state.get<unknown>(SECRET_INDEX_KEY);
  return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === "string" && key.startsWith(SECRET_KEY_PREFIX)) : [];
}
