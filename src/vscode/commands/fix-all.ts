import * as vscode from "vscode";
import { planFixes } from "../../core/fixes/fix-plan";
import { findPrismaConfig } from "../../core/schema/prisma-config";
import type { CommandDefinition } from "../context";
import { askAboutDuplicates, writeMigration } from "./apply-fix";

/**
 * "Fix all" as the user asked for it explicitly: the same plan as the CLI's `fix` (planFixes
 * chooses the fixes, the text and the one migration), applied as one edit; the migration is
 * written after the schema is saved. Rounds repeat while overlapping fixes remain; a second
 * migration waits for the next Fix all, as in the CLI.
 */
export const fixAll: CommandDefinition = {
  id: "betterAuthDoctor.fixAll",
  async run(services, uriArg) {
    const uri = (uriArg as vscode.Uri | undefined) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return 0;
    let applied = 0;
    let wroteMigration = false;
    for (let round = 0; round < 5; round++) {
      const linted = await services.linter.lintWithApp(uri);
      const result = linted?.result;
      if (!linted || !result) break;
      const options = {
        config: result.config,
        now: new Date(),
        schemaPath: linted.root,
        prismaConfig: findPrismaConfig(linted.root, { stopAt: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath }),
      };
      const input = { ...result, ...(linted.app ? { app: linted.app } : {}) };
      let plan = planFixes(input, options);
      if (plan.migration?.duplicateCheckSql) {
        const duplicates = await askAboutDuplicates(plan.migration);
        if (!duplicates) return applied;
        plan = planFixes(input, { ...options, duplicates });
      }
      if (!plan.files.length) break;
      // One migration per Fix all, as one per `fix` run: the next one waits for the next Fix all.
      if (plan.migration && wroteMigration) {
        void vscode.window.showInformationMessage("Better Auth Doctor: more fixes need a migration of their own — run Fix all again.");
        break;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const file of plan.files) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file.path));
        edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), file.after);
      }
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error("VS Code refused the schema edit.");
      applied += plan.applied.length;
      if (plan.migration) {
        // The migration goes to disk, so the schema must too (see applyFix).
        for (const file of plan.files) await (await vscode.workspace.openTextDocument(vscode.Uri.file(file.path))).save();
        await writeMigration(plan.migration, services);
        wroteMigration = true;
      }
    }
    services.log.info(`fix all: ${applied} fix(es) applied to the schema of ${uri.fsPath}`);
    return applied;
  },
};
