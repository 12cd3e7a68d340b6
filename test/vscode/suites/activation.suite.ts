// Activation with nothing but this extension: no Prisma extension, so the `prisma` language comes
// from our own contribution, and the version the diagnostics assume is read from the workspace.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { diagnostics, EXTENSION_ID, extensionServices, open, scratchCopy, waitFor, waitForDiagnostic, workspaceFolder, workspaceUri } from "./helpers";

describe("activation", () => {
  before(() => {
    console.log(`VS Code ${vscode.version}, extension host on Node ${process.version}`);
  });

  it("runs without the Prisma extension: the prisma language is ours", async () => {
    assert.equal(vscode.extensions.getExtension("Prisma.prisma"), undefined, "the suites test the extension alone");
    assert.ok((await vscode.languages.getLanguages()).includes("prisma"));
    const editor = await open(workspaceUri("prisma/schema.prisma"));
    assert.equal(editor.document.languageId, "prisma");
  });

  it("activates (workspaceContains:**/*.prisma / onLanguage:prisma)", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await waitFor(() => extension.isActive, "activation");
  });

  it("registers every command it contributes", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: { command: string }[] = extension.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], "commands in package.json's contributes.commands that nothing registers");
  });

  it("reads the Better Auth version from the workspace's package.json (what the language status shows)", async () => {
    const services = await extensionServices();
    const uri = workspaceUri("prisma/schema.prisma");
    const linted = await waitFor(() => services.linter.schemaFor(uri), "the schema to be linted");
    assert.equal(linted.version.version, "1.7.25");
    assert.equal(linted.version.source, "package.json");
  });

  it("reports syntax errors itself (schema-syntax), since no Prisma extension does", async () => {
    const uri = await scratchCopy("ignore/schema.prisma", "syntax");
    const editor = await open(uri);
    const line = editor.document.lineAt(editor.document.lineCount - 1);
    await editor.edit((edit) => edit.insert(line.range.end, "\nmodel Broken {\n  id String @id @default(\n"));
    const diagnostic = await waitForDiagnostic(uri, "schema-syntax");
    assert.ok(diagnostic.range.start.line >= line.lineNumber, `schema-syntax at line ${diagnostic.range.start.line}`);
    assert.ok(diagnostics(uri, "unique-fields").length, "the rest of the schema is still checked");
  });

  it("reports how long activation and the first diagnostics took (printed, not timed)", async () => {
    const { timings } = await extensionServices();
    const first = await waitFor(() => timings.firstDiagnosticsMs, "the first diagnostics");
    console.log(`activation: activate() ran ${timings.activationMs} ms; first diagnostics ${first} ms after activate() started (${vscode.workspace.asRelativePath(timings.firstSchema ?? "?")})`);
    assert.ok(Number.isInteger(timings.activationMs) && timings.activationMs >= 0, `activationMs ${timings.activationMs}`);
    assert.ok(first >= timings.activationMs, `the first lint runs after activate() returns (${first} < ${timings.activationMs})`);
    assert.ok(timings.firstSchema && timings.firstSchema.startsWith(workspaceFolder().uri.fsPath), `first schema ${timings.firstSchema} is in the workspace`);
  });
});
