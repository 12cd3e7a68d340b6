/**
 * The "Verify Better Auth cookie" command's heavy part, bundled on its own as dist/cookie.js and
 * loaded on first use (see commands/verify-cookie.ts): activation never loads jose, the cookie
 * core or the panel.
 */
import * as vscode from "vscode";
import { type JsonCookieReport, toJsonReport } from "../../core/cookie/json-report";
import { verifyCookies } from "../../core/cookie/verify-cookies";
import { TYPED_SOURCE } from "../../core/secrets/discover";
import type { ExtensionServices } from "../context";
import { acquireInput } from "./acquire-input";
import { browserAcceptance } from "./browser-rows";
import { cookieValues } from "./cookie-parts";
import { CookiePanel } from "./panel";
import type { LookupView, PanelAction, PanelNote } from "./render-panel";
import { gatherSecrets, rememberSecret } from "./secrets";
import { type Badge, judge, unverifiedCookies, verifyWithScopes } from "./verify-scopes";

export { PANEL_TITLE } from "./panel";

export interface VerifyCookieArgs {
  /** The cookie text; without it the selection, the clipboard or an input box is used. */
  input?: string;
  /** Offer the password box when no secret verifies (default true). */
  askForSecret?: boolean;
}

/** The report in the CLI's JSON shape, plus what the panel made of it (for tests and other commands). */
export type VerifyCookieResult = JsonCookieReport & {
  panel: { badge: Badge; notes: string[]; secretPrompt: boolean; browser: { cookie: string; kept: boolean }[] };
};

interface Run {
  input: string;
  inputSource: string;
  /** Where Set-Cookie lines came from, when given in the panel. */
  url?: string;
  /** The last lookup of this input's session. */
  lookup?: LookupView;
}

const LOOKUP_COMMAND = "betterAuthDoctor.lookupSession";

let panel: CookiePanel | undefined;
let lastRun: Run | undefined;

export async function verifyCookieCommand(services: ExtensionServices, args: VerifyCookieArgs = {}): Promise<VerifyCookieResult | undefined> {
  const run =
    args.input !== undefined
      ? { input: args.input, inputSource: "the command argument" }
      : await acquireInput({
          title: "Verify Better Auth cookie",
          prompt: "Paste a Better Auth cookie. Tip: select cookie text in an editor, or copy it, and the command reads it from there.",
          placeHolder: "better-auth.session_token=…, a Cookie header, Set-Cookie lines, a curl command, or just the value",
        });
  if (!run) return undefined;
  return (await verifyAndShow(services, run, { askForSecret: args.askForSecret !== false })).result;
}

interface Outcome {
  result: VerifyCookieResult;
  /** The typed secret is what verified the cookie. */
  usedTyped: boolean;
}

async function verifyAndShow(services: ExtensionServices, run: Run, options: { askForSecret: boolean; typed?: string }): Promise<Outcome> {
  lastRun = run;
  const gathered = await gatherSecrets(services.context.secrets, options.typed);
  const verification = await verifyWithScopes(run.input, gathered.scopes, verifyCookies, { url: run.url });
  const { report, tried, scope } = verification;
  const judgement = judge(verification);

  const notes: PanelNote[] = gathered.problems.map((text) => ({ severity: "warning", text }));
  if (gathered.untrusted) {
    notes.unshift({
      severity: "warning",
      text: "Workspace not trusted: .env files were not read. Secrets came from the environment and SecretStorage only.",
      action: { id: "manageTrust", label: "Manage Workspace Trust" },
    });
  }
  for (const note of judgement.notes) {
    notes.push({ severity: note.severity, text: note.text, ...(note.offerSecret ? { action: { id: "enterSecret", label: "Enter secret…" } } : {}) });
  }
  const browser = browserAcceptance(report);
  const unverified = [...unverifiedCookies(report)];

  panel ??= createPanel(services);
  panel.show(
    {
      report,
      values: cookieValues(report),
      inputSource: run.inputSource,
      secretsTried: tried,
      notes,
      badge: judgement.badge,
      unverified,
      browser,
      canLookUp: !!report.sessionToken?.token,
      lookup: run.lookup,
    },
    (action) => onAction(services, action),
  );
  // Sources and verdicts only: never the cookie or a secret value.
  services.log.info(
    `verify cookie: ${judgement.badge} (${report.cookies.length} cookie(s) from ${run.inputSource}; ${gathered.envFiles} .env file(s) read${gathered.untrusted ? ", untrusted workspace" : ""}; tried ${tried.join(", ") || "no secret"})`,
  );

  const result: VerifyCookieResult = {
    ...toJsonReport(report),
    panel: { badge: judgement.badge, notes: notes.map((n) => n.text), secretPrompt: judgement.askForSecret, browser: browser?.rows.map((r) => ({ cookie: r.cookie, kept: r.kept })) ?? [] },
  };
  if (judgement.askForSecret && options.askForSecret && options.typed === undefined) {
    const typed = await askForSecret();
    if (typed !== undefined) return verifyTyped(services, run, typed);
  }
  return { result, usedTyped: scope?.label === TYPED_SOURCE };
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
        void vscode.window.showInformationMessage(`Secret stored in SecretStorage for ${where}. "Better Auth: Forget stored cookie secrets" removes it.`);
      }
    });
  }
  return outcome;
}

function askForSecret(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: "Verify Better Auth cookie: secret",
    prompt: "Enter the app's BETTER_AUTH_SECRET (or a BETTER_AUTH_SECRETS value like 2:new,1:old). It is not written to settings or logs.",
    password: true,
    ignoreFocusOut: true,
  }).then((value) => (value === undefined || value.trim() === "" ? undefined : value));
}

function askForUrl(current: string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: "Verify Better Auth cookie: URL",
    prompt: "The page or API URL the Set-Cookie response came from: browsers decide by its scheme and host whether to keep the cookie.",
    placeHolder: "https://app.example.com/api/auth/sign-in/email",
    value: current,
    ignoreFocusOut: true,
    validateInput: (value) => (isHttpUrl(value.trim()) ? undefined : "An http:// or https:// URL"),
  }).then((value) => (value === undefined || !isHttpUrl(value.trim()) ? undefined : value.trim()));
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
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

async function lookUp(services: ExtensionServices, run: Run): Promise<void> {
  const result = await vscode.commands.executeCommand<LookupView | undefined>(LOOKUP_COMMAND, { input: run.input });
  if (!result || lastRun !== run) return;
  await verifyAndShow(services, { ...run, lookup: result }, { askForSecret: false });
}

function onAction(services: ExtensionServices, action: PanelAction): void {
  const run = lastRun;
  if (action === "manageTrust") void vscode.commands.executeCommand("workbench.trust.manage");
  else if (!run) return;
  else if (action === "rerun") void verifyAndShow(services, { ...run, lookup: undefined }, { askForSecret: false });
  else if (action === "enterSecret") void askForSecret().then((typed) => (typed === undefined ? undefined : verifyTyped(services, run, typed)));
  else if (action === "lookup") void lookUp(services, run);
  else if (action === "setUrl") void askForUrl(run.url).then((url) => (url === undefined ? undefined : verifyAndShow(services, { ...run, url }, { askForSecret: false })));
}
