import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import * as vscode from "vscode";
import { generateSecretEdit, type GitignoreFile } from "../../core/doctor";
import { isEnvPath } from "../../core/doctor/suppressions";
import { toWorkspaceEdit } from "../convert";
import type { CommandDefinition } from "../context";

/** Every .gitignore from the workspace folder down to `dir`: together they decide what git ignores there. */
function gitignoresFor(dir: string, top: string): GitignoreFile[] {
  const found: GitignoreFile[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const file = join(current, ".gitignore");
    if (existsSync(file)) found.unshift({ dir: current, text: readFileSync(file, "utf8") });
    if (current === top || dirname(current) === current || relative(top, current).startsWith("..")) break;
  }
  return found;
}

/**
 * "Generate a strong secret into .env": 32 random bytes into BETTER_AUTH_SECRET of the env file
 * the finding is in, else the project's `.env.local` or `.env` — only a file git ignores, so the
 * secret is never committed. The value is written to the editor, never to the log.
 */
export const generateSecret: CommandDefinition = {
  id: "betterAuthDoctor.generateSecret",
  async run(services, projectDirArg, fileArg) {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage("Better Auth Doctor: generating a secret into .env needs a trusted workspace.");
      return false;
    }
    const projectDir = projectDirArg as string;
    const finding = fileArg as string | undefined;
    const target = finding && isEnvPath(finding) ? finding : [".env.local", ".env"].map((name) => join(projectDir, name)).find(existsSync) ?? join(projectDir, ".env");
    const top = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(projectDir))?.uri.fsPath ?? projectDir;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === target);
    const text = open?.getText() ?? (existsSync(target) ? readFileSync(target, "utf8") : "");
    const result = generateSecretEdit({ path: target, text }, gitignoresFor(dirname(target), top));
    if (!result.ok) {
      void vscode.window.showWarningMessage(`Better Auth Doctor: ${result.reason}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    if (!existsSync(target)) edit.createFile(vscode.Uri.file(target), { ignoreIfExists: true });
    toWorkspaceEdit([result.edit], edit);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code refused to edit ${target}.`);
    services.log.info(`${result.title} (the value is not logged)`);
    await vscode.window.showTextDocument(vscode.Uri.file(target), { preview: false });
    return true;
  },
};
