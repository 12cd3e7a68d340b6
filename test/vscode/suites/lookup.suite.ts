// "Better Auth: look up session" in a real VS Code: the same secrets as the cookie panel
// (SecretStorage included), input from the argument the panel passes or the editor selection,
// and a real SQLite database holding the session a real better-auth wrote.
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import type { LookupResult } from "../../../src/core/lookup/types";
import { secretKeyFor } from "../../../src/vscode/cookie/secret-keys";
import { schema1x } from "../../lookup/fixtures";
import { EXTENSION_ID, extensionServices, open, workspaceFolder, workspaceUri } from "./helpers";

const COMMAND = "betterAuthDoctor.lookupSession";
const SECRET = "lookup-secret-Vb3k9Qw7Zp2Lm5Xr8Tn4Hs6Jd1Fg0Ky";
const CONSENT_KEY = "betterAuthDoctor.lookupSession.consented";
const SECRET_VARS = ["BETTER_AUTH_SECRET", "BETTER_AUTH_SECRETS", "AUTH_SECRET"] as const;

// The 1.x User/Session tables as Better Auth's migrator creates them (shared with the lookup
// tests), pointed at the SQLite file the test writes.
const SCHEMA = schema1x("sqlite").replace('url      = env("DATABASE_URL")', 'url      = "file:./dev.db"');

/**
 * Signs a user up with the real better-auth (memory adapter) in a child Node, then writes its
 * user and session rows into a SQLite file with sql.js (pure wasm: runs on the Node of either
 * engine). Returns the Cookie header.
 */
function mintIntoSqlite(repoRoot: string, dbPath: string): Promise<string> {
  const script = `
    const { betterAuth } = await import("better-auth");
    const { memoryAdapter } = await import("better-auth/adapters/memory");
    const fs = await import("node:fs");
    const initSqlJs = (await import("sql.js")).default;
    const db = { user: [], session: [], account: [], verification: [] };
    const auth = betterAuth({ baseURL: "http://localhost:3000", secret: process.env.MINT_SECRET, database: memoryAdapter(db), emailAndPassword: { enabled: true }, logger: { disabled: true } });
    const response = await auth.handler(new Request("http://localhost:3000/api/auth/sign-up/email", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "grace@example.com", password: "correct-horse-battery", name: "Grace" }),
    }));
    if (response.status !== 200) throw new Error("sign-up failed: " + response.status);
    const SQL = await initSqlJs();
    const sqlite = new SQL.Database();
    sqlite.run('CREATE TABLE "user" (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE, emailVerified INTEGER NOT NULL DEFAULT 0, image TEXT, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL)');
    sqlite.run('CREATE TABLE "session" (id TEXT PRIMARY KEY, expiresAt TEXT NOT NULL, token TEXT NOT NULL UNIQUE, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, ipAddress TEXT, userAgent TEXT, userId TEXT NOT NULL)');
    const iso = (d) => new Date(d).toISOString();
    for (const u of db.user) sqlite.run('INSERT INTO "user" VALUES (?, ?, ?, ?, ?, ?, ?)', [u.id, u.name, u.email, u.emailVerified ? 1 : 0, u.image ?? null, iso(u.createdAt), iso(u.updatedAt)]);
    for (const s of db.session) sqlite.run('INSERT INTO "session" VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [s.id, iso(s.expiresAt), s.token, iso(s.createdAt), iso(s.updatedAt), s.ipAddress ?? null, s.userAgent ?? null, s.userId]);
    fs.writeFileSync(process.env.DB_PATH, Buffer.from(sqlite.export()));
    process.stdout.write(response.headers.getSetCookie().map((line) => line.split(";")[0]).filter((pair) => !pair.endsWith("=")).join("; "));
  `;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, MINT_SECRET: SECRET, DB_PATH: dbPath, ELECTRON_RUN_AS_NODE: "1" };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`minting with better-auth failed: ${error.message}\n${stderr}`));
      resolve(stdout);
    });
  });
}

function lookUp(arg?: unknown): Thenable<LookupResult | undefined> {
  return arg === undefined ? vscode.commands.executeCommand<LookupResult | undefined>(COMMAND) : vscode.commands.executeCommand<LookupResult | undefined>(COMMAND, arg);
}

describe("look up session command", function () {
  let cookieHeader = "";
  const schema = () => workspaceUri("scratch/lookup-app/prisma/schema.prisma");
  const savedEnv: Partial<Record<(typeof SECRET_VARS)[number], string>> = {};

  before(async function () {
    this.timeout(90_000);
    const services = await extensionServices();
    for (const name of SECRET_VARS) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    await vscode.workspace.fs.createDirectory(workspaceUri("scratch/lookup-app/prisma"));
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    cookieHeader = await mintIntoSqlite(extensionPath, workspaceUri("scratch/lookup-app/prisma/dev.db").fsPath);
    assert.match(cookieHeader, /^better-auth\.session_token=/);
    await vscode.workspace.fs.writeFile(schema(), new TextEncoder().encode(`${SCHEMA}\n// ${cookieHeader}\n`));
    // The consent modal is asked once per workspace; a test cannot answer a modal.
    await services.context.workspaceState.update(CONSENT_KEY, true);
    // Only SecretStorage holds the app's secret: no environment variable, no .env.
    await services.context.secrets.store(secretKeyFor(workspaceFolder().uri.toString()), SECRET);
    await open(schema());
  });

  after(async () => {
    for (const name of SECRET_VARS) if (savedEnv[name] !== undefined) process.env[name] = savedEnv[name];
    await vscode.commands.executeCommand("betterAuthDoctor.forgetSecrets");
    const services = await extensionServices();
    await services.context.workspaceState.update(CONSENT_KEY, undefined);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("verifies the cookie with the secret in SecretStorage (as the panel does) and finds the session, as the panel's button passes it", async () => {
    const result = await lookUp({ input: cookieHeader });
    assert.ok(result, "the lookup returned nothing (the cookie did not verify, or it asked something)");
    assert.equal(result.kind, "found", result.message);
    assert.equal(result.table, "session");
    assert.equal(result.column, "token");
    assert.equal(result.user?.email, "grace@example.com");
    assert.match(result.session?.expiresAt ?? "", /^\d{4}-\d\d-\d\dT/);
  });

  it("reads the editor selection when called without an argument", async () => {
    // The cookie, pasted as a comment at the end of the schema: the active editor is then the
    // schema (which names the database) and the selection holds the cookie.
    const editor = await open(schema());
    const line = editor.document.lineCount - 2;
    assert.ok(editor.document.lineAt(line).text.startsWith("// better-auth.session_token="), editor.document.lineAt(line).text.slice(0, 40));
    editor.selection = new vscode.Selection(line, 3, line, editor.document.lineAt(line).text.length);
    const result = await lookUp();
    assert.equal(result?.kind, "found", result?.message);
  });
});
