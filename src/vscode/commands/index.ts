import * as vscode from "vscode";
import type { CommandDefinition, ExtensionServices } from "../context";
import { applyFix } from "./apply-fix";
import { fixAll } from "./fix-all";
import { forgetSecrets } from "./forget-secrets";
import { generateSecret } from "./generate-secret";
import { lookupSession } from "./lookup-session";
import { showOutput } from "./show-output";
import { verifyCookie } from "./verify-cookie";

export const COMMANDS: readonly CommandDefinition[] = [applyFix, fixAll, showOutput, verifyCookie, forgetSecrets, lookupSession, generateSecret];

export function registerCommands(services: ExtensionServices): vscode.Disposable[] {
  return COMMANDS.map((command) =>
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.run(services, ...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`${command.id} failed: ${message}`);
        void vscode.window.showErrorMessage(`Better Auth Doctor: ${message}`);
        return undefined;
      }
    }),
  );
}
