/**
 * The "Verify Better Auth cookie" command's heavy part, bundled on its own as dist/cookie.js and
 * loaded on first use (see commands/verify-cookie.ts): activation never loads jose, the cookie
 * core or the panel.
 */
import * as vscode from "vscode";
import { type JsonCookieReport, toJsonReport } from "../../core/cookie/json-report";
import type { CookieReport, ReasonCode } from "../../core/cookie/types";
import { verifyCookies } from "../../core/cookie/verify-cookies";
import type { SecretCandidate } from "../../core/secrets/secret-candidate";
import type { ExtensionServices } from "../context";
import { cookieValues } from "./cookie-parts";
import { looksLikeCookie } from "./looks-like-cookie";
import { CookiePanel } from "./panel";
import type { PanelAction, PanelNote } from "./render-panel";
import { gatherSecrets, rememberSecret, type SecretScope, TYPED_SOURCE } from "./secrets";

export { PANEL_TITLE } from "./panel";

export interface VerifyCookieArgs {
  /** The cookie text; without it the selection, the clipboard or an input box is used. */
  input?: string;
  /** Offer the password box when no secret verifies (default true). */
  askForSecret?: boolean;
}

interface Run {
  input: string;
  inputSource: string;
}

/** Errors that a different secret could fix. */
const SECRET_PROBLEMS: ReadonlySet<ReasonCode> = new Set(["no-secret", "signature-mismatch", "cache-signature-mismatch", "cache-not-decryptable"]);
const VERDICT_RANK = { valid: 0, warning: 1, invalid: 2 } as const;

let panel: CookiePanel | undefined;
let lastRun: Run | undefined;

export async function verifyCookieCommand(services: ExtensionServices, args: VerifyCookieArgs = {}): Promise<JsonCookieReport | undefined> {
  const run = args.input !== undefined ? { input: args.input, inputSource: "the command argument" } : await acquireInput();
  if (!run) return undefined;
  return (await verifyAndShow(services, run, { askForSecret: args.askForSecret !== false })).json;
}

/** Selection, else a clipboard that looks like a cookie, else an input box. */
async function acquireInput(): Promise<Run | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s));
    if (selected.join("").trim() !== "") return { input: selected.join("\n"), inputSource: "the editor selection" };
  }
  const clipboard = await vscode.env.clipboard.readText();
  if (looksLikeCookie(clipboard)) return { input: clipboard, inputSource: "the clipboard" };
  const typed = await vscode.window.showInputBox({
    title: "Verify Better Auth cookie",
    prompt: "Paste a Better Auth cookie. Tip: select cookie text in an editor, or copy it, and the command reads it from there.",
    placeHolder: "better-auth.session_token=…, a Cookie header, Set-Cookie lines, a curl command, or just the value",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === "" ? "Paste a cookie, a Cookie header, Set-Cookie lines or a curl command." : undefined),
  });
  return typed === undefined || typed.trim() === "" ? undefined : { input: typed, inputSource: "the input box" };
}

interface Outcome {
  json: JsonCookieReport;
  /** The typed secret is what verified the cookie. */
  usedTyped: boolean;
}

async function verifyAndShow(services: ExtensionServices, run: Run, options: { askForSecret: boolean; typed?: string }): Promise<Outcome> {
  lastRun = run;
  const gathered = await gatherSecrets(services.context.secrets, options.typed);
  const { report, tried, scope } = await verifyWithScopes(run.input, gathered.scopes);

  const notes: PanelNote[] = gathered.problems.map((text) => ({ severity: "warning", text }));
  if (gathered.untrusted) {
    notes.unshift({
      severity: "warning",
      text: "Workspace not trusted: .env files were not read. Secrets came from the environment and SecretStorage only.",
      action: { id: "manageTrust", label: "Manage Workspace Trust" },
    });
  }
  const needsSecret = needsAnotherSecret(report);
  if (needsSecret) {
    notes.push({ severity: "info", text: "No secret verifies this cookie. Enter the app's secret to check it; you can keep it in VS Code's SecretStorage.", action: { id: "enterSecret", label: "Enter secret…" } });
  }

  panel ??= createPanel(services);
  panel.show({ report, values: cookieValues(run.input, report), inputSource: run.inputSource, secretsTried: tried, notes }, (action) => onAction(services, action));
  // Sources and verdicts only: never the cookie or a secret value.
  services.log.info(
    `verify cookie: ${report.verdict} (${report.cookies.length} cookie(s) from ${run.inputSource}; ${gathered.envFiles} .env file(s) read${gathered.untrusted ? ", untrusted workspace" : ""}; tried ${tried.join(", ") || "no secret"})`,
  );

  if (needsSecret && options.askForSecret && options.typed === undefined) {
    const typed = await askForSecret();
    if (typed !== undefined) return verifyTyped(services, run, typed);
  }
  return { json: toJsonReport(report), usedTyped: scope === TYPED_SOURCE };
}

async function verifyTyped(services: ExtensionServices, run: Run, typed: string): Promise<Outcome> {
  const outcome = await verifyAndShow(services, run, { askForSecret: false, typed });
  if (outcome.usedTyped) {
    const remember = "Remember in SecretStorage";
    void vscode.window.showInformationMessage("The typed secret verifies this cookie. Remember it in VS Code's SecretStorage (encrypted, never in settings)?", remember, "Not now").then(async (choice) => {
      if (choice !== remember) return;
      const where = await rememberSecret(services.context, typed);
      if (where) {
        services.log.info(`verify cookie: stored a typed secret in SecretStorage for ${where}`);
        void vscode.window.showInformationMessage(`Secret stored in SecretStorage for ${where}. "Better Auth Doctor: Forget stored cookie secrets" removes it.`);
      }
    });
  }
  return outcome;
}

function askForSecret(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: "Verify Better Auth cookie: secret",
    prompt: "No secret verifies this cookie. Enter the app's BETTER_AUTH_SECRET (or a BETTER_AUTH_SECRETS value like 2:new,1:old). It is not written to settings or logs.",
    password: true,
    ignoreFocusOut: true,
  }).then((value) => (value === undefined || value.trim() === "" ? undefined : value));
}

/**
 * Verifies with each set of secrets apart and keeps the best report (valid, then warning,
 * then the one where most cookies verified). When nothing verified anywhere, one run with
 * every secret names them all in the "tried" message.
 */
async function verifyWithScopes(input: string, scopes: readonly SecretScope[]): Promise<{ report: CookieReport; tried: string[]; scope?: string }> {
  const now = Date.now();
  const label = (c: SecretCandidate) => (c.version === undefined ? c.source : `${c.source} version ${c.version}`);
  let best: { report: CookieReport; scope: SecretScope } | undefined;
  for (const scope of scopes) {
    const report = await verifyCookies(input, { secrets: scope.candidates, now });
    if (!best || score(report) < score(best.report)) best = { report, scope };
  }
  if (best && verifiedCount(best.report) > 0) return { report: best.report, tried: best.scope.candidates.map(label), scope: best.scope.label };
  const all = scopes.flatMap((scope) => scope.candidates);
  return { report: await verifyCookies(input, { secrets: all, now }), tried: all.map(label) };
}

function verifiedCount(report: CookieReport): number {
  return report.cookies.filter((c) => (c.signed?.secret ?? c.data?.secret) != null).length;
}

function score(report: CookieReport): number {
  return VERDICT_RANK[report.verdict] * 1000 - verifiedCount(report);
}

function needsAnotherSecret(report: CookieReport): boolean {
  return verifiedCount(report) === 0 && report.reasons.some((r) => r.severity === "error" && SECRET_PROBLEMS.has(r.code));
}

function createPanel(services: ExtensionServices): CookiePanel {
  const created = new CookiePanel(services.log);
  services.context.subscriptions.push(
    created,
    // Trust granted while the panel is open: read the .env files now.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (created.isOpen && lastRun) void verifyAndShow(services, lastRun, { askForSecret: false });
    }),
  );
  return created;
}

function onAction(services: ExtensionServices, action: PanelAction): void {
  const run = lastRun;
  if (action === "manageTrust") void vscode.commands.executeCommand("workbench.trust.manage");
  else if (action === "rerun" && run) void verifyAndShow(services, run, { askForSecret: false });
  else if (action === "enterSecret" && run) {
    void askForSecret().then((typed) => (typed === undefined ? undefined : verifyTyped(services, run, typed)));
  }
}
