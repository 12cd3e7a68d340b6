import * as vscode from "vscode";
import type { CommandDefinition } from "../context";
import { indexedSecretKeys, SECRET_INDEX_KEY, secretKeyFor } from "../cookie/secret-keys";

/**
 * Deletes every cookie secret remembered in SecretStorage: those indexed when stored, plus the
 * keys of the open folders in case the index was lost. Returns how many there were.
 */
export const forgetSecrets: CommandDefinition = {
  id: "betterAuthDoctor.forgetSecrets",
  async run({ context, log }) {
    const keys = new Set(indexedSecretKeys(context.globalState));
    for (const folder of vscode.workspace.workspaceFolders ?? []) keys.add(secretKeyFor(folder.uri.toString()));
    keys.add(secretKeyFor(undefined));
    let forgotten = 0;
    for (const key of keys) {
      if ((await context.secrets.get(key)) !== undefined) forgotten++;
      await context.secrets.delete(key);
    }
    await context.globalState.update(SECRET_INDEX_KEY, undefined);
    log.info(`forgot ${forgotten} stored cookie secret(s)`);
    void vscode.window.showInformationMessage(
      forgotten > 0 ? `Better Auth Doctor: forgot ${forgotten} stored cookie secret${forgotten === 1 ? "" : "s"}.` : "Better Auth Doctor: no cookie secret was stored.",
    );
    return forgotten;
  },
};
