// "Verify Better Auth cookie" in a real VS Code: the palette entry, lazy loading of dist/cookie.js,
// and verdicts on cookies minted by the real better-auth with secrets from the environment, a
// .env file and SecretStorage.
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import * as vscode from "vscode";
import type { VerifyCookieResult } from "../../../src/vscode/cookie/entry";
import { secretKeyFor } from "../../../src/vscode/cookie/secret-keys";
import { EXTENSION_ID, extensionServices, waitFor, workspaceFolder, workspaceUri } from "./helpers";

const COMMAND = "betterAuthDoctor.verifyCookie";
const TITLE = "Verify cookie";
const CATEGORY = "Better Auth";
const PANEL_TITLE = "Better Auth cookie";
const SECRET = "test-secret-Vb3k9Qw7Zp2Lm5Xr8Tn4Hs6Jd1Fg0Ky";
const OTHER_SECRET = "another-app-secret-Mn3Bv5Cx7Zl9Kj1Hg3Fd5Sa7";
const SECRET_VARS = ["BETTER_AUTH_SECRET", "BETTER_AUTH_SECRETS", "AUTH_SECRET"] as const;

/**
 * Signs a user up through Better Auth's real handler (memory adapter) in a child Node, with the
 * repository's node_modules: the same as test/cookie/mint-cookies.ts, without bundling
 * better-auth into the suite.
 */
function mintCookieHeader(repoRoot: string, secret: string): Promise<string> {
  const script = `
    const { betterAuth } = await import("better-auth");
    const { memoryAdapter } = await import("better-auth/adapters/memory");
    const auth = betterAuth({
      baseURL: "http://localhost:3000",
      secret: process.env.MINT_SECRET,
      database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
      emailAndPassword: { enabled: true },
      session: { cookieCache: { enabled: true, strategy: "compact", maxAge: 300 } },
      logger: { disabled: true },
    });
    const response = await auth.handler(new Request("http://localhost:3000/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@example.com", password: "correct-horse-battery", name: "Ada" }),
    }));
    if (response.status !== 200) throw new Error("sign-up failed: " + response.status + " " + (await response.text()));
    process.stdout.write(JSON.stringify(response.headers.getSetCookie()));
  `;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, MINT_SECRET: secret, ELECTRON_RUN_AS_NODE: "1" };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`minting with better-auth failed: ${error.message}\n${stderr}`));
      const pairs = (JSON.parse(stdout) as string[]).map((line) => line.split(";")[0]).filter((pair) => !pair.endsWith("="));
      resolve(pairs.join("; "));
    });
  });
}

function verify(input: string, askForSecret = false): Thenable<VerifyCookieResult | undefined> {
  return vscode.commands.executeCommand<VerifyCookieResult | undefined>(COMMAND, { input, askForSecret });
}

/** Rewrites the compact cache's user name and keeps its signature, as an attacker would. */
function tamperCache(header: string): string {
  return header.replace(/(better-auth\.session_data=)([^;]+)/, (_all, name: string, value: string) => {
    const outer = JSON.parse(Buffer.from(decodeURIComponent(value), "base64url").toString("utf8"));
    outer.session.user.name = "Mallory";
    return name + Buffer.from(JSON.stringify(outer)).toString("base64url");
  });
}

/** Fails instead of hanging when the command waits for an input box nobody answers. */
async function withinSeconds<T>(seconds: number, what: string, promise: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds} s (an input box waiting?)`)), seconds * 1000)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
  }
}

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === PANEL_TITLE);
}

function cookieBundleLoaded(extensionPath: string): boolean {
  return Object.keys(require.cache).includes(path.join(extensionPath, "dist", "cookie.js"));
}

describe("verify cookie command", function () {
  let cookieHeader = "";
  let extensionPath = "";
  const savedEnv: Partial<Record<(typeof SECRET_VARS)[number], string>> = {};

  before(async function () {
    this.timeout(90_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    extensionPath = extension.extensionPath;
    await extensionServices();
    cookieHeader = await mintCookieHeader(extensionPath, SECRET);
    assert.match(cookieHeader, /^better-auth\.session_token=[^;]+; better-auth\.session_data=/);
    for (const name of SECRET_VARS) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
  });

  after(async () => {
    for (const name of SECRET_VARS) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
    await vscode.commands.executeCommand("betterAuthDoctor.forgetSecrets");
  });

  it(`is contributed as "${CATEGORY}: ${TITLE}", every command under "${CATEGORY}", and registered`, async () => {
    const packageJSON = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const commands = packageJSON.contributes.commands as { command: string; title: string; category?: string }[];
    const contributed = commands.find((c) => c.command === COMMAND);
    assert.equal(contributed?.title, TITLE);
    assert.deepEqual(commands.filter((c) => c.category !== CATEGORY).map((c) => c.command), []);
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes(COMMAND), `${COMMAND} is not registered`);
    assert.ok(registered.includes("betterAuthDoctor.forgetSecrets"), "betterAuthDoctor.forgetSecrets is not registered");
  });

  it("does not load the cookie bundle (jose, the cookie core) at activation", () => {
    assert.equal(cookieBundleLoaded(extensionPath), false, "dist/cookie.js was loaded before the command ran");
  });

  it("says VALID for a cookie minted by better-auth with BETTER_AUTH_SECRET in the environment, and opens the panel", async () => {
    process.env.BETTER_AUTH_SECRET = SECRET;
    try {
      const report = await verify(cookieHeader);
      assert.ok(report, "the command returned no report");
      assert.equal(report.verdict, "valid", `reasons: ${report.reasons.join(" | ")}`);
      assert.deepEqual(report.sessionToken?.secret, { source: "BETTER_AUTH_SECRET (environment)", version: null });
      assert.equal(report.sessionToken?.signature, "valid");
      assert.equal(report.sessionData.verdict, "valid");
      assert.equal(report.sessionData.user?.email, "ada@example.com");
      assert.ok(!JSON.stringify(report).includes(SECRET), "the report contains the secret");
    } finally {
      delete process.env.BETTER_AUTH_SECRET;
    }
    assert.ok(cookieBundleLoaded(extensionPath), "dist/cookie.js should be loaded once the command ran");
    const [tab] = await waitFor(() => (panelTabs().length ? panelTabs() : null), `a webview tab titled "${PANEL_TITLE}"`);
    assert.ok((tab.input as vscode.TabInputWebview).viewType.endsWith("betterAuthDoctor.cookie"));
  });

  it("reuses its one panel on the next run", async () => {
    process.env.BETTER_AUTH_SECRET = SECRET;
    try {
      assert.equal((await verify(cookieHeader))?.verdict, "valid");
    } finally {
      delete process.env.BETTER_AUTH_SECRET;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(panelTabs().length, 1);
  });

  it("reads the editor selection when called without an argument", async () => {
    process.env.BETTER_AUTH_SECRET = SECRET;
    const document = await vscode.workspace.openTextDocument({ content: `# pasted from devtools\nCookie: ${cookieHeader}\n` });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 1, document.lineAt(1).text.length);
    try {
      const report = await vscode.commands.executeCommand<VerifyCookieResult | undefined>(COMMAND);
      assert.equal(report?.verdict, "valid", `reasons: ${report?.reasons.join(" | ")}`);
    } finally {
      delete process.env.BETTER_AUTH_SECRET;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
    }
  });

  it("reads NOT VERIFIED with no secret anywhere (the JSON keeps the CLI's invalid), and would ask for the secret", async () => {
    const report = await verify(cookieHeader);
    assert.equal(report?.verdict, "invalid");
    assert.equal(report?.panel.badge, "not-verified");
    assert.equal(report?.panel.secretPrompt, true);
    assert.equal(report?.sessionToken?.signature, "invalid");
    assert.equal(report?.sessionToken?.secret, null);
    assert.match(report?.reasons.join("\n") ?? "", /No secret was given/);
  });

  it("shows a tampered cache as altered with the right secret in .env, without popping the secret box", async () => {
    const envFile = workspaceUri("scratch/cookie-app/.env");
    await vscode.workspace.fs.writeFile(envFile, new TextEncoder().encode(`BETTER_AUTH_SECRET=${SECRET}\n`));
    try {
      const report = await withinSeconds(20, "verify with askForSecret", verify(tamperCache(cookieHeader), true));
      assert.equal(report?.panel.badge, "invalid");
      assert.equal(report?.panel.secretPrompt, false);
      assert.equal(report?.sessionToken?.signature, "valid");
      assert.equal(report?.sessionData.verdict, "invalid");
      assert.match(report?.panel.notes.join("\n") ?? "", /better-auth\.session_data was altered, or copied from another session\. Another secret would not help\./);
    } finally {
      await vscode.workspace.fs.delete(envFile);
    }
  });

  it("does not hide a wrong secret in .env behind a SecretStorage secret that matches: the app would reject the cookie", async () => {
    const services = await extensionServices();
    const envFile = workspaceUri("scratch/cookie-app/.env");
    await vscode.workspace.fs.writeFile(envFile, new TextEncoder().encode(`BETTER_AUTH_SECRET=${OTHER_SECRET}\n`));
    await services.context.secrets.store(secretKeyFor(workspaceFolder().uri.toString()), SECRET);
    try {
      const report = await verify(cookieHeader);
      assert.equal(report?.verdict, "valid");
      assert.equal(report?.sessionToken?.secret?.source, "SecretStorage");
      assert.equal(report?.panel.badge, "warning");
      assert.match(report?.panel.notes.join("\n") ?? "", /The app's own secret \(BETTER_AUTH_SECRET \(scratch\/cookie-app\/\.env\)\) does not verify this cookie; only SecretStorage does\. The app reads its \.env files, so it would reject this cookie/);
    } finally {
      await vscode.workspace.fs.delete(envFile);
      await vscode.commands.executeCommand("betterAuthDoctor.forgetSecrets");
    }
  });

  it("shows whether a browser keeps Set-Cookie lines", async () => {
    const value = cookieHeader.split(";")[0].split("=").slice(1).join("=");
    const report = await verify(`Set-Cookie: better-auth.session_token=${value}; Path=/; HttpOnly; SameSite=None`);
    assert.deepEqual(report?.panel.browser, [{ cookie: "better-auth.session_token", kept: false }]);
  });

  it("reads BETTER_AUTH_SECRETS from a .env file in the (trusted) workspace, with its version and rotation", async () => {
    workspaceFolder();
    const envFile = workspaceUri("scratch/cookie-app/.env.local");
    const write = (text: string) => vscode.workspace.fs.writeFile(envFile, new TextEncoder().encode(text));
    try {
      await write(`# rotation\nBETTER_AUTH_SECRETS="2:${SECRET},1:${OTHER_SECRET}"\n`);
      let report = await verify(cookieHeader);
      assert.equal(report?.verdict, "valid", `reasons: ${report?.reasons.join(" | ")}`);
      assert.deepEqual(report?.sessionToken?.secret, { source: "BETTER_AUTH_SECRETS (scratch/cookie-app/.env.local)", version: 2 });

      // Rotated: the cookie now verifies with an older secret only, which Better Auth rejects.
      await write(`BETTER_AUTH_SECRETS="3:${OTHER_SECRET},2:${SECRET}"\n`);
      report = await verify(cookieHeader);
      assert.equal(report?.verdict, "warning");
      assert.deepEqual(report?.sessionToken?.secret, { source: "BETTER_AUTH_SECRETS (scratch/cookie-app/.env.local)", version: 2 });
      assert.match(report?.reasons.join("\n") ?? "", /not with the current secret/);
    } finally {
      await vscode.workspace.fs.delete(envFile);
    }
  });

  it("uses a secret from SecretStorage, and forgetSecrets deletes it", async () => {
    const services = await extensionServices();
    await services.context.secrets.store(secretKeyFor(workspaceFolder().uri.toString()), SECRET);
    let report = await verify(cookieHeader);
    assert.equal(report?.verdict, "valid", `reasons: ${report?.reasons.join(" | ")}`);
    assert.equal(report?.sessionToken?.secret?.source, "SecretStorage");

    assert.equal(await vscode.commands.executeCommand("betterAuthDoctor.forgetSecrets"), 1);
    report = await verify(cookieHeader);
    assert.equal(report?.verdict, "invalid");
  });
});
