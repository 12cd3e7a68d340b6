import * as vscode from "vscode";
import type { TextEdit } from "../../core/findings";
import { needsMigration } from "../code-actions";
import { toWorkspaceEdit } from "../convert";
import type { CommandDefinition } from "../context";
import { applyFix } from "./apply-fix";

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  const before = (x: TextEdit["range"]["end"], y: TextEdit["range"]["start"]) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/**
 * "Fix all" as the user asked for it explicitly: the Session layout fix first (it writes a
 * migration, so it goes through applyFix), then every text fix whose edits do not overlap,
 * repeated while fixes remain (a few rounds settle any schema).
 */
export const fixAll: CommandDefinition = {
  id: "betterAuthDoctor.fixAll",
  async run(services, uriArg) {
    const uri = (uriArg as vscode.Uri | undefined) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return 0;
    let applied = 0;
    for (let round = 0; round < 5; round++) {
      services.linter.lint(uri);
      const findings = services.linter.schemaFor(uri)?.result?.findings ?? services.linter.findings(uri);
      const withMigration = findings.find(needsMigration);
      if (withMigration) {
        if (!(await applyFix.run(services, vscode.Uri.file(withMigration.file), withMigration.rule, withMigration.range))) return applied;
        applied++;
        continue;
      }
      const chosen: TextEdit[] = [];
      for (const finding of findings) {
        if (!finding.fix) continue;
        if (finding.fix.edits.some((edit) => chosen.some((taken) => overlaps(edit, taken)))) continue;
        chosen.push(...finding.fix.edits);
        applied++;
      }
      if (!chosen.length) break;
      if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(chosen)))) throw new Error("VS Code refused the schema edit.");
    }
    services.log.info(`fix all: ${applied} fix(es) applied to the schema of ${uri.fsPath}`);
    return applied;
  },
};
