import * as assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as vscode from "vscode";
import { CURRENT_SCHEMA } from "../../core/lint/rules/helpers";
import { codeActions, diagnostics, EXTENSION_ID, extensionServices, open, readText, waitFor, workspaceUri } from "./helpers";

// The app's auth.ts decides which tables the schema needs: adding a plugin in an unsaved editor
// must bring the plugin's missing model onto schema.prisma, and the quick fix must add it and
// write its migration. The project gets node_modules/better-auth (the repo's 1.7.25), so the
// installed package's getAuthTables is the truth, as in a user's trusted workspace.

// The core tables exactly as Better Auth 1.7.25's generator writes them (shared with the rule tests).
const SCHEMA = CURRENT_SCHEMA;

const AUTH = `import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { prisma } from "./db";

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  plugins: [],
});
`;

function project(name = "auth-config-app", auth = AUTH): { schema: vscode.Uri; auth: vscode.Uri } {
  const dir = workspaceUri(name).fsPath;
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, "the extension under test is loaded");
  for (const [file, text] of Object.entries({
    "package.json": JSON.stringify({ name, dependencies: { "better-auth": "1.7.25" } }),
    "prisma/schema.prisma": SCHEMA,
    "src/lib/auth.ts": auth,
  })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(path.join(extension.extensionPath, "node_modules", "better-auth"), path.join(dir, "node_modules", "better-auth"));
  return { schema: vscode.Uri.file(path.join(dir, "prisma/schema.prisma")), auth: vscode.Uri.file(path.join(dir, "src/lib/auth.ts")) };
}

describe("the app's auth config", function () {
  // The first read imports the installed better-auth: slow on a loaded machine.
  this.timeout(90_000);
  it("adding twoFactor() in an unsaved auth.ts brings its missing model; the quick fix adds it and writes the migration", async () => {
    const services = await extensionServices();
    const { schema, auth } = project();
    await open(schema);
    // The first lint waits for the app; the status item and findings then follow auth.ts.
    await waitFor(() => services.linter.schemaFor(schema)?.app?.read, "the auth config to be read", { timeoutMs: 30_000 });
    assert.deepEqual(diagnostics(schema).map((d) => d.message), [], "the generated core schema with no plugins lints clean");

    const editor = await open(auth);
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(2, 0), 'import { twoFactor } from "better-auth/plugins";\n');
      const line = editor.document.getText().split("\n").findIndex((text) => text.includes("plugins: []"));
      edit.replace(new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length), "  plugins: [twoFactor()],");
    });
    assert.ok(editor.document.isDirty, "auth.ts stays unsaved");

    const missing = await waitFor(
      () => diagnostics(schema, "core-model-fields").find((d) => d.message.includes("`twoFactor` table")),
      "the missing twoFactor model on schema.prisma",
      { timeoutMs: 30_000, state: () => diagnostics(schema).map((d) => d.message.slice(0, 80)).join(" | ") || "none" },
    );
    assert.match(missing.message, /which twoFactor\(\) in auth-config-app\/src\/lib\/auth\.ts:8 needs/);
    assert.equal(missing.relatedInformation?.[0]?.location.uri.fsPath, auth.fsPath, "related information points at the plugin call");
    assert.equal(missing.relatedInformation?.[0]?.location.range.start.line, 7);

    const fix = (await codeActions(schema, missing.range)).find((action) => action.title.startsWith("Add model TwoFactor"));
    assert.ok(fix?.command, `the add-model fix is offered (got ${(await codeActions(schema, missing.range)).map((a) => a.title).join(" | ")})`);
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    const text = (await vscode.workspace.openTextDocument(schema)).getText();
    assert.match(text, /\nmodel TwoFactor \{\n {2}id +String +@id\n[\s\S]*@@map\("twoFactor"\)\n\}/);
    const migrations = vscode.Uri.joinPath(schema, "../migrations");
    const folders = (await vscode.workspace.fs.readDirectory(migrations)).map(([name]) => name);
    assert.equal(folders.length, 1, `one migration folder, got ${folders.join(", ")}`);
    assert.match(await readText(vscode.Uri.joinPath(migrations, folders[0], "migration.sql")), /CREATE TABLE "twoFactor" \(/);
    await waitFor(() => !diagnostics(schema, "core-model-fields").some((d) => d.message.includes("`twoFactor` table")), "the twoFactor finding to go");
  });

  it("a half-typed auth.ts keeps its last version that parsed: the plugin's finding stays while the file does not parse", async () => {
    const services = await extensionServices();
    const withTwoFactor = AUTH.replace('import { prisma } from "./db";', 'import { prisma } from "./db";\nimport { twoFactor } from "better-auth/plugins";').replace("  plugins: [],", "  plugins: [twoFactor()],");
    const { schema, auth } = project("half-typed-app", withTwoFactor);
    await open(schema);
    const twoFactorFinding = () => diagnostics(schema, "core-model-fields").find((d) => d.message.includes("`twoFactor` table"));
    await waitFor(twoFactorFinding, "the missing twoFactor model", { timeoutMs: 30_000 });

    // Mid-edit: the plugins array lost its closing bracket, which Babel cannot parse.
    const editor = await open(auth);
    const line = editor.document.getText().split("\n").findIndex((text) => text.includes("plugins: [twoFactor()],"));
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length), "  plugins: [twoFactor(),"));
    const read = await waitFor(() => {
      const current = services.linter.schemaFor(schema)?.app?.read;
      return current?.stale.length ? current : undefined;
    }, "the auth config read again from its last good version", { timeoutMs: 30_000 });
    assert.deepEqual(read.stale, [auth.fsPath]);
    assert.ok(read.unresolved.some((note) => /auth\.ts:\d+:\d+: syntax error .* — using the last version that parsed$/.test(note)), read.unresolved.join(" | "));
    assert.deepEqual(read.plugins.map((plugin) => plugin.name), ["twoFactor"]);
    assert.ok(twoFactorFinding(), "the twoFactor finding stays");
    assert.deepEqual(diagnostics(auth).map((d) => d.message), [], "the config doctor reports nothing into the file being typed");
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  it("the config doctor squiggles `baseUrl` in auth.ts and its quick fix renames it to baseURL", async () => {
    const { schema, auth } = project("doctor-app", AUTH.replace("  plugins: [],", '  baseUrl: "https://example.com",\n  plugins: [],'));
    await open(schema);
    const editor = await open(auth);
    const diagnostic = await waitFor(() => diagnostics(auth, "unknown-option")[0], "an unknown-option diagnostic on auth.ts", {
      timeoutMs: 30_000,
      state: () => diagnostics(auth).map((d) => `${d.code && typeof d.code === "object" ? d.code.value : d.code}`).join(", ") || "none",
    });
    assert.equal(editor.document.getText(diagnostic.range), "baseUrl");
    const actions = await codeActions(auth, diagnostic.range);
    assert.deepEqual(actions.map((action) => action.title).slice(0, 3), ["Rename `baseUrl` to `baseURL`", "Ignore unknown-option for this line", "Show documentation for unknown-option"]);
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    assert.match(editor.document.getText(), /\n {2}baseURL: "https:\/\/example\.com",\n/);
    await waitFor(() => diagnostics(auth, "unknown-option").length === 0, "the unknown-option diagnostic to go");
  });

  it("a weak secret in .env offers a generated one, written only into a file git ignores", async () => {
    const { schema } = project("secret-app");
    const dir = path.dirname(path.dirname(schema.fsPath));
    writeFileSync(path.join(dir, ".env"), "BETTER_AUTH_SECRET=changeme\n");
    const env = vscode.Uri.file(path.join(dir, ".env"));
    await open(schema);
    const weak = await waitFor(() => diagnostics(env, "weak-secret")[0], "a weak-secret diagnostic on .env", { timeoutMs: 30_000, state: () => diagnostics(env).map((d) => d.message.slice(0, 60)).join(" | ") || "none" });
    assert.ok(!weak.message.includes("changeme"), "the message never shows the secret");
    await open(env); // code actions are asked of an open document
    const action = (await codeActions(env, weak.range)).find((candidate) => candidate.title === "Generate a strong secret into .env");
    assert.ok(action?.command, "the action is offered");
    // Not ignored by git yet: refused, nothing written.
    assert.equal(await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])), false);
    assert.equal((await vscode.workspace.openTextDocument(env)).getText(), "BETTER_AUTH_SECRET=changeme\n");
    writeFileSync(path.join(dir, ".gitignore"), "node_modules\n.env\n");
    assert.equal(await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])), true);
    const document = await vscode.workspace.openTextDocument(env);
    assert.match(document.getText(), /^BETTER_AUTH_SECRET=[A-Za-z0-9+/]{43}=\n$/);
    await document.save();
    await waitFor(() => diagnostics(env, "weak-secret").length === 0, "the weak-secret diagnostic to go");
    // The cookie suite reads every .env of the workspace: leave no secret of ours behind.
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    rmSync(dir, { recursive: true, force: true });
  });
});
