// Diagnostics as the user meets them: on open, while typing (unsaved), for schema files nobody
// opened, and gone when such a file is deleted.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import {
  diagnostics,
  DOCS,
  exists,
  extensionServices,
  lineStartingWith,
  open,
  readText,
  ruleOf,
  scratchCopy,
  SOURCE,
  waitFor,
  waitForDiagnostic,
  waitForNoDiagnostic,
  workspaceUri,
} from "./helpers";

describe("diagnostics", () => {
  it("appear on open: source, code with docs link, exact range, message with the version", async () => {
    const uri = workspaceUri("prisma/schema.prisma");
    const { document } = await open(uri);
    const diagnostic = await waitForDiagnostic(uri, "session-token-layout");

    assert.equal(diagnostic.source, SOURCE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof diagnostic.code === "object", "code is { value, target }");
    assert.equal(diagnostic.code.value, "session-token-layout");
    assert.equal(diagnostic.code.target.toString(), `${DOCS}session-token-layout.md`);
    // The model's name in `model Session {` (line 25 of the file, as the CLI reports it).
    const line = lineStartingWith(document, "model Session");
    assert.equal(line, 24);
    assert.deepEqual(diagnostic.range, new vscode.Range(line, 6, line, 13));
    assert.equal(document.getText(diagnostic.range), "Session");
    assert.match(diagnostic.message, /Better Auth 1\.7\.25/);
    assert.match(diagnostic.message, /no `token` field/);

    // The other finding in this schema, at info level.
    const idStrategy = diagnostics(uri, "id-strategy");
    assert.equal(idStrategy.length, 1);
    assert.equal(idStrategy[0].severity, vscode.DiagnosticSeverity.Information);
    assert.equal(document.getText(idStrategy[0].range), "@default(uuid())");
  });

  it("follow edits before they are saved", async () => {
    const uri = await scratchCopy("ignore/schema.prisma", "typing");
    const editor = await open(uri);
    const { document } = editor;
    await waitForDiagnostic(uri, "unique-fields");
    assert.deepEqual(diagnostics(uri, "session-token-layout"), []);

    // Drop @unique from Session.token: Better Auth 1.x updates sessions `where: { token }`.
    const tokenLine = document.lineAt(lineStartingWith(document, "  token "));
    const unique = tokenLine.text.indexOf(" @unique");
    assert.ok(unique > 0);
    assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(tokenLine.lineNumber, unique, tokenLine.lineNumber, unique + " @unique".length))));
    const notUnique = await waitForDiagnostic(uri, "session-token-layout");
    assert.match(notUnique.message, /must be unique/);
    assert.equal(document.getText(notUnique.range).trim().length > 0, true);

    // Type @unique after User.email through a WorkspaceEdit: its diagnostic goes away.
    const emailLine = document.lineAt(lineStartingWith(document, "  email "));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, emailLine.range.end, " @unique");
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForNoDiagnostic(uri, "unique-fields");

    assert.ok(document.isDirty, "nothing was saved");
    assert.match(await readText(uri), /token\s+String\s+@unique/, "the file on disk is unchanged");
  });

  it("appear for a schema file nobody opened (multi-file schema)", async () => {
    const auth = workspaceUri("multi/schema/auth.prisma");
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === auth.toString()), "auth.prisma must not be open");
    const diagnostic = await waitForDiagnostic(auth, "session-token-layout");
    assert.match(diagnostic.message, /Better Auth 1\.7\.25/);
    assert.equal(diagnostic.range.start.line, 15);
    // Linted together with main.prisma (the datasource lives there), so the provider is known.
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === auth.toString()), "auth.prisma is still not open");
  });

  it("appear for schema files created in new folders while the window is open (none opened)", async () => {
    // Each in a folder that did not exist (like `npx prisma init` or a checkout): on Linux the
    // file watcher misses about half of such files (parcel-bundler/watcher#97), so five of them
    // catch the extension relying on the watcher alone.
    const created: vscode.Uri[] = [];
    for (let i = 0; i < 5; i++) created.push(await scratchCopy("prisma/schema.prisma", `created-${i}`));
    for (const uri of created) {
      const diagnostic = await waitForDiagnostic(uri, "session-token-layout");
      assert.equal(ruleOf(diagnostic), "session-token-layout");
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), "not opened");
    }
  });

  it("are cleared when that file is deleted", async () => {
    const auth = workspaceUri("multi/schema/auth.prisma");
    await waitForDiagnostic(auth, "session-token-layout");
    await vscode.workspace.fs.delete(auth);
    assert.equal(await exists(auth), false);
    await waitForNoDiagnostic(auth);
    // What is left of the schema (main.prisma) is linted again, without the file that went away.
    const services = await extensionServices();
    const main = workspaceUri("multi/schema/main.prisma");
    await waitFor(() => {
      const files = services.linter.schemaFor(main)?.result?.files;
      return files && !files.includes(auth.fsPath) && files.includes(main.fsPath);
    }, "main.prisma re-linted without auth.prisma", { state: () => JSON.stringify(services.linter.schemaFor(main)?.result?.files) });
    assert.deepEqual(diagnostics(main), []);
  });
});
