// Quick fixes in ESLint's order, the Session fix that also writes the migration, "Fix all", the
// ignore comment and source.fixAll (fix on save).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { main } from "../../../src/cli/main";
import {
  codeActions,
  diagnostics,
  lineStartingWith,
  open,
  readText,
  ruleOf,
  scratchCopy,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
  workspaceUri,
} from "./helpers";

const FIX_ALL_KIND = "source.fixAll.betterAuthDoctor";

describe("code actions", () => {
  it("offer the Session fix first (preferred), then ignore, then documentation", async () => {
    const uri = await scratchCopy("prisma/schema.prisma", "quick-fix-order");
    await open(uri);
    const diagnostic = await waitForDiagnostic(uri, "session-token-layout");
    const actions = await codeActions(uri, diagnostic.range);
    assert.deepEqual(
      actions.slice(0, 3).map((action) => action.title),
      ["Add Session.token String @unique and write the migration", "Ignore session-token-layout for this model (Session)", "Show documentation for session-token-layout"],
    );
    const [fix, ignore, docs] = actions;
    assert.equal(fix.isPreferred, true);
    assert.ok(!ignore.isPreferred && !docs.isPreferred);
    for (const action of [fix, ignore, docs]) assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.command?.command, "betterAuthDoctor.applyFix", "writing the migration needs a command, not just an edit");
    // VS Code hands `vscode.open` back as its internal alias.
    assert.ok(["vscode.open", "_workbench.open"].includes(docs.command?.command ?? ""), docs.command?.command);
    assert.equal(String(docs.command?.arguments?.[0]), "https://github.com/better-auth-doctor/better-auth-doctor/blob/main/docs/rules/session-token-layout.md");
  });

  it("the preferred fix rewrites the model, writes prisma/migrations/<timestamp>_better_auth_session_token/migration.sql and opens it", async () => {
    const uri = await scratchCopy("prisma/schema.prisma", "quick-fix");
    const { document } = await open(uri);
    const diagnostic = await waitForDiagnostic(uri, "session-token-layout");
    const [fix] = await codeActions(uri, diagnostic.range);
    assert.ok(fix.isPreferred && fix.command);

    const result = await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(result, true);

    const session = document.getText().slice(document.getText().indexOf("model Session"));
    assert.match(session.slice(0, session.indexOf("}")), /^ {2}token\s+String\s+@unique$/m);

    const migrations = vscode.Uri.joinPath(uri, "../migrations");
    const folders = (await vscode.workspace.fs.readDirectory(migrations)).map(([name]) => name);
    assert.equal(folders.length, 1, `one migration folder, got ${folders.join(", ")}`);
    assert.match(folders[0], /^\d{14}_better_auth_session_token$/);
    const migration = vscode.Uri.joinPath(migrations, folders[0], "migration.sql");
    const sql = await readText(migration);
    assert.match(sql, /ALTER TABLE "session" ADD COLUMN "token" TEXT;/);
    assert.match(sql, /UPDATE "session" SET "token" = "id" WHERE "token" IS NULL;/);
    assert.match(sql, /ALTER TABLE "session" ALTER COLUMN "token" SET NOT NULL;/);
    assert.match(sql, /CREATE UNIQUE INDEX "session_token_key" ON "session"\("token"\);/);

    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === migration.fsPath, "migration.sql to be the active editor", {
      state: () => `active: ${vscode.window.activeTextEditor?.document.uri.fsPath}`,
    });
    await waitForNoDiagnostic(uri, "session-token-layout");
  });

  it("a missing Better Auth model: the fix appends it as the generator writes it and writes the CREATE TABLE migration", async () => {
    const uri = await scratchCopy("prisma/schema.prisma", "add-model");
    const text = await readText(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.slice(0, text.indexOf("model Verification")).trimEnd() + "\n"));
    const { document } = await open(uri);
    const diagnostic = await waitForDiagnostic(uri, "core-model-fields");
    const fix = (await codeActions(uri, diagnostic.range)).find((action) => action.title === "Add model Verification and write the migration");
    assert.ok(fix?.isPreferred && fix.command, "the add-model fix is offered and preferred");
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);

    assert.match(document.getText(), /\nmodel Verification \{\n {2}id +String +@id\n[\s\S]*@@map\("verification"\)\n\}/);
    const migrations = vscode.Uri.joinPath(uri, "../migrations");
    const folders = (await vscode.workspace.fs.readDirectory(migrations)).map(([name]) => name);
    assert.equal(folders.length, 1, `one migration folder, got ${folders.join(", ")}`);
    assert.match(folders[0], /^\d{14}_better_auth_add_verification$/);
    const sql = await readText(vscode.Uri.joinPath(migrations, folders[0], "migration.sql"));
    assert.match(sql, /CREATE TABLE "verification" \(/);
    assert.match(sql, /CREATE INDEX "verification_identifier_idx" ON "verification"\("identifier"\);/);
    await waitForNoDiagnostic(uri, "core-model-fields");
  });

  it("running the Session fix twice does not write a second migration", async () => {
    const uri = await scratchCopy("prisma/schema.prisma", "quick-fix-twice");
    await open(uri);
    const diagnostic = await waitForDiagnostic(uri, "session-token-layout");
    const [fix] = await codeActions(uri, diagnostic.range);
    assert.equal(await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? [])), true);
    // The same (stale) action again, as a second click on an old lightbulb would.
    assert.equal(await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? [])), false);
    const folders = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, "../migrations"));
    assert.equal(folders.length, 1);
  });

  it("\"Fix all\" fixes every text problem of the schema", async () => {
    const uri = workspaceUri("fix-all/schema.prisma");
    const { document } = await open(uri);
    await waitForDiagnostic(uri, "unique-fields");
    await waitForDiagnostic(uri, "field-optionality");

    const [emailProblem] = diagnostics(uri, "unique-fields");
    const titles = (await codeActions(uri, emailProblem.range)).map((action) => action.title);
    assert.equal(titles.at(-1), "Fix all Better Auth problems in this schema", titles.join(" | "));

    const applied = await vscode.commands.executeCommand<number>("betterAuthDoctor.fixAll", uri);
    assert.equal(applied, 2);
    assert.match(document.lineAt(lineStartingWith(document, "  email ")).text, /String\s+@unique$/);
    assert.match(document.lineAt(lineStartingWith(document, "  image ")).text, /String\?$/);
    await waitForNoDiagnostic(uri);
  });

  it("Fix all in the editor and the CLI's fix --write write the same schema and the same migration", async () => {
    const editorCopy = await scratchCopy("prisma/schema.prisma", "same-fix-editor");
    const cliCopy = await scratchCopy("prisma/schema.prisma", "same-fix-cli");
    await open(editorCopy);
    await waitForDiagnostic(editorCopy, "session-token-layout");
    assert.ok((await vscode.commands.executeCommand<number>("betterAuthDoctor.fixAll", editorCopy)) > 0);
    let stderr = "";
    const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), cwd: workspaceUri("").fsPath, env: {}, readStdin: async () => "" };
    assert.equal(await main(["fix", "--write", cliCopy.fsPath], io), 0, stderr);

    const editorText = (await vscode.workspace.openTextDocument(editorCopy)).getText();
    assert.equal(editorText, await readText(cliCopy));
    const sql = async (schema: vscode.Uri) => {
      const migrations = vscode.Uri.joinPath(schema, "../migrations");
      const folders = (await vscode.workspace.fs.readDirectory(migrations)).map(([name]) => name);
      assert.equal(folders.length, 1, folders.join(", "));
      return readText(vscode.Uri.joinPath(migrations, folders[0], "migration.sql"));
    };
    assert.equal(await sql(editorCopy), await sql(cliCopy));
  });

  it("the ignore action adds a /// better-auth-doctor-ignore comment and the diagnostic goes away", async () => {
    const uri = workspaceUri("ignore/schema.prisma");
    const { document } = await open(uri);
    const diagnostic = await waitForDiagnostic(uri, "unique-fields");
    const actions = await codeActions(uri, diagnostic.range);
    assert.deepEqual(
      actions.map((action) => action.title).filter((title) => title.startsWith("Ignore")),
      ["Ignore unique-fields for this field (User.email)", "Ignore unique-fields for this model (User)"],
    );
    const ignore = actions.find((action) => action.title === "Ignore unique-fields for this field (User.email)")!;
    assert.ok(ignore.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    const email = lineStartingWith(document, "  email ");
    assert.equal(document.lineAt(email - 1).text, "  /// better-auth-doctor-ignore unique-fields");
    await waitForNoDiagnostic(uri, "unique-fields");
  });

  it("source.fixAll.betterAuthDoctor is offered for the kind filter (and for source.fixAll)", async () => {
    const uri = await scratchCopy("fix-all/schema.prisma", "source-fix-all");
    const { document } = await open(uri);
    await waitForDiagnostic(uri, "unique-fields");
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    for (const kind of [FIX_ALL_KIND, vscode.CodeActionKind.SourceFixAll.value]) {
      const actions = (await codeActions(uri, whole, kind)).filter((action) => action.kind?.value === FIX_ALL_KIND);
      assert.equal(actions.length, 1, `one ${FIX_ALL_KIND} action when asking for ${kind}`);
      assert.equal(actions[0].edit?.get(uri).length, 2);
    }
    // Quick fixes only when asked for quick fixes.
    const quickFixes = await codeActions(uri, whole, vscode.CodeActionKind.QuickFix.value);
    assert.ok(quickFixes.every((action) => action.kind?.value !== FIX_ALL_KIND));
  });

  it("fixes on save with editor.codeActionsOnSave", async () => {
    const uri = await scratchCopy("fix-all/schema.prisma", "fix-on-save");
    const { document } = await open(uri);
    await waitForDiagnostic(uri, "field-optionality");
    const editor = vscode.workspace.getConfiguration("editor", uri);
    await editor.update("codeActionsOnSave", { [FIX_ALL_KIND]: "explicit" }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("workbench.action.files.save");
      await waitForNoDiagnostic(uri);
      assert.equal(document.isDirty, false);
      assert.match(await readText(uri), /email\s+String\s+@unique/);
    } finally {
      await editor.update("codeActionsOnSave", undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    assert.equal(ruleOf(diagnostics(uri)[0] ?? ({} as vscode.Diagnostic)), undefined);
  });
});
