import * as vscode from "vscode";
import type { Finding } from "../../core/lint/findings";
import { plannedMigrationFor } from "../../core/fixes/migration-for-finding";
import type { PlannedMigration } from "../../core/fixes/planned-migration";
import type { DuplicateTokens } from "../../core/migrations";
import type { Range } from "../../core/schema/ast";
import { toWorkspaceEdit } from "../convert";
import type { CommandDefinition, ExtensionServices } from "../context";
import { findPrismaConfig } from "../../core/schema/prisma-config";

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Making a shared token unique may delete sessions: only with the user's explicit choice. */
export async function askAboutDuplicates(migration: PlannedMigration): Promise<DuplicateTokens | undefined> {
  if (!migration.duplicateCheckSql) return "abort";
  const abort = "Stop if sessions share a token (safe)";
  const keep = "Keep only the latest session per token (deletes the others)";
  const choice = await vscode.window.showWarningMessage(
    "Making Session.token unique fails if existing sessions share a token. What should the migration do then?",
    { modal: true, detail: `You can check first with:\n${migration.duplicateCheckSql}` },
    abort,
    keep,
  );
  if (!choice) return undefined;
  return choice === keep ? "keep-latest" : "abort";
}

export async function writeMigration(migration: PlannedMigration, services: ExtensionServices): Promise<void> {
  if (!migration.sql) {
    services.log.info(`no SQL migration for ${migration.provider}: ${migration.notes.join(" ")}`);
    const details = "Show details";
    void vscode.window.showInformationMessage(`Better Auth Doctor: ${migration.notes[0] ?? "No SQL migration is needed."}`, details).then((choice) => {
      if (choice === details) services.log.show(true);
    });
    return;
  }
  const uri = vscode.Uri.file(migration.path);
  try {
    await vscode.workspace.fs.stat(uri);
    throw new Error(`${migration.path} already exists; not overwriting it.`);
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError)) throw error;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(migration.sql));
  services.log.info(`wrote ${migration.path} (${migration.transition}, ${migration.provider})`);
  for (const note of migration.notes) services.log.info(`  ${note}`);
  await vscode.window.showTextDocument(uri, { preview: false });
}

/**
 * A fix that changes the database: the Session layout fix (rewrites the model and writes the
 * migration that moves the data the same way) or one that adds Better Auth's tables or columns
 * (writes CREATE TABLE / ADD COLUMN). The migration is planned from the schema as it is before
 * the edit.
 */
export const applyFix: CommandDefinition = {
  id: "betterAuthDoctor.applyFix",
  async run(services, uriArg, ruleArg, rangeArg, titleArg) {
    const uri = uriArg as vscode.Uri;
    const linted = services.linter.lint(uri);
    const finding: Finding | undefined = services.linter
      .findings(uri)
      .find((candidate) => candidate.rule === ruleArg && sameRange(candidate.range, rangeArg as Range) && (titleArg === undefined || candidate.fix?.title === titleArg));
    if (!linted?.result || !finding?.fix) {
      void vscode.window.showInformationMessage("Better Auth Doctor: this problem is already fixed.");
      return false;
    }
    const options = {
      // What the lint used: the settings over the app's auth config.
      config: linted.result.config,
      now: new Date(),
      schemaPath: linted.root,
      prismaConfig: findPrismaConfig(linted.root, { stopAt: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath }),
    };
    let migration = plannedMigrationFor(linted.result.schema, finding, options);
    if (migration?.duplicateCheckSql) {
      const duplicates = await askAboutDuplicates(migration);
      if (!duplicates) return false;
      migration = plannedMigrationFor(linted.result.schema, finding, { ...options, duplicates });
    }
    if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(finding.fix.edits)))) throw new Error("VS Code refused the schema edit.");
    services.log.info(`applied "${finding.fix.title}" to ${uri.fsPath}`);
    if (migration) {
      // The migration goes to disk, so the schema must too: an unsaved model that the user then
      // discards would leave a migration for a layout the schema no longer has.
      for (const file of new Set(finding.fix.edits.map((edit) => edit.file))) {
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === file);
        if (document?.isDirty) await document.save();
      }
      await writeMigration(migration, services);
    }
    return true;
  },
};
