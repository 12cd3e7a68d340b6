import * as vscode from "vscode";
import { type PreparedLookup, prepareProjectLookup } from "../../core/lookup/project";
import { redactUrl } from "../../core/lookup/redact";
import { lookupText } from "../../core/lookup/report";
import { abbreviateToken } from "../../core/lookup/token-input";
import type { CommandDefinition, ExtensionServices } from "../context";
import { folderSchemaLocation } from "../folder-schema";
import type { LintedSchema } from "../linter";
import { askSessionToken } from "../lookup/ask-token";
import { loadLookupBundle } from "../lookup/load";
import { withReadableTimes } from "../lookup/readable-times";
import { showLookupResult } from "../lookup/show-result";

const CONSENT_KEY = "betterAuthDoctor.lookupSession.consented";
const TIMEOUT_MS = 5000;

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active && vscode.workspace.getWorkspaceFolder(active);
  if (folder) return folder;
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.length === 1 ? folders[0] : vscode.window.showWorkspaceFolderPick({ placeHolder: "Which project's database?" });
}

/** The linted schema of the active .prisma file, else the folder's schema found as Prisma does. */
function schemaOf(services: ExtensionServices, folder: vscode.WorkspaceFolder): LintedSchema | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.path.endsWith(".prisma") && vscode.workspace.getWorkspaceFolder(active) === folder) return services.linter.schemaFor(active) ?? services.linter.lint(active);
  const location = folderSchemaLocation(folder.uri.fsPath, services.config.for(folder.uri));
  return location ? services.linter.lint(vscode.Uri.file(location)) : undefined;
}

/** The project's URL, or one the user types (used once, never stored) when there is none. */
async function prepare(services: ExtensionServices, folder: vscode.WorkspaceFolder, linted: LintedSchema | undefined): Promise<PreparedLookup | undefined> {
  const input = {
    projectDir: folder.uri.fsPath,
    loaded: linted?.result ? { schema: linted.result.schema, version: linted.result.version, root: linted.root } : undefined,
    env: process.env,
    config: services.config.for(folder.uri).lint,
  };
  const prepared = prepareProjectLookup(input);
  if (!("problem" in prepared)) return prepared;
  const enter = "Enter a database URL";
  if ((await vscode.window.showWarningMessage(`Better Auth Doctor: ${prepared.problem}`, enter)) !== enter) return undefined;
  const url = await vscode.window.showInputBox({
    title: "Better Auth: look up session",
    prompt: "Database URL (postgresql://…, mysql://…, file:./dev.db, sqlserver://…). Used for this lookup only, never stored.",
    password: true,
    ignoreFocusOut: true,
  });
  if (!url?.trim()) return undefined;
  const typed = prepareProjectLookup({ ...input, databaseUrl: url.trim() });
  if ("problem" in typed) {
    void vscode.window.showWarningMessage(`Better Auth Doctor: ${typed.problem}`);
    return undefined;
  }
  return typed;
}

/** Asked once per workspace, in a modal: connecting to a database is not something to do silently. */
async function consent(services: ExtensionServices, prepared: PreparedLookup): Promise<boolean> {
  if (services.context.workspaceState.get<boolean>(CONSENT_KEY)) return true;
  const connect = "Connect";
  const { session, user } = prepared.plan;
  const choice = await vscode.window.showWarningMessage(
    "Connect to the project's database to look this session up?",
    {
      modal: true,
      detail: `Better Auth Doctor opens one connection to ${redactUrl(prepared.url)} (${prepared.urlSource}) and only reads: SELECTs on ${session.table.name} and ${user.table.name}${prepared.plan.jwks ? ` (and ${prepared.plan.jwks.table.name}, the jwt plugin's public keys, when a cookie cache needs them)` : ""}. Nothing is written, and the URL is not stored. You will not be asked again in this workspace.`,
    },
    connect,
  );
  if (choice !== connect) return false;
  await services.context.workspaceState.update(CONSENT_KEY, true);
  return true;
}

/** Better Auth: look up session — why does Better Auth say there is no session for this cookie? */
export const lookupSession: CommandDefinition = {
  id: "betterAuthDoctor.lookupSession",
  async run(services, cookieArg) {
    if (!vscode.workspace.isTrusted) {
      const manage = "Manage Workspace Trust";
      const choice = await vscode.window.showWarningMessage(
        "Better Auth Doctor: looking a session up reads the project's .env files and connects to its database, so it needs a trusted workspace.",
        manage,
      );
      if (choice === manage) await vscode.commands.executeCommand("workbench.trust.manage");
      return undefined;
    }
    const folder = await pickFolder();
    if (!folder) {
      void vscode.window.showInformationMessage("Better Auth Doctor: open the project folder to look a session up in its database.");
      return undefined;
    }
    const asked = await askSessionToken(services.context.secrets, cookieArg);
    if (!asked) return undefined;
    const { token, unverifiedCache } = asked;
    const linted = schemaOf(services, folder);
    const prepared = await prepare(services, folder, linted);
    if (!prepared || !(await consent(services, prepared))) return undefined;

    services.log.info(`looking up session ${abbreviateToken(token)} in ${redactUrl(prepared.url)} (${prepared.provider}, ${prepared.urlSource}): ${prepared.plan.session.table.name}.${prepared.plan.tokenColumn}`);
    const { lookupSession: run } = loadLookupBundle();
    let result;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: "Better Auth: looking up the session…", cancellable: true },
        (_progress, cancellation) => {
          const controller = new AbortController();
          cancellation.onCancellationRequested(() => controller.abort());
          return run({ url: prepared.url, provider: prepared.provider, plan: prepared.plan, token, baseDir: prepared.baseDir, timeoutMs: TIMEOUT_MS, signal: controller.signal, ...(unverifiedCache ? { unverifiedCache } : {}) });
        },
      );
    } catch (error) {
      // The bundle has its own copy of LookupCancelled, so the name is what can be compared.
      if ((error as Error)?.name === "AbortError") {
        services.log.info("session lookup cancelled");
        return undefined;
      }
      throw error;
    }
    for (const line of withReadableTimes(lookupText(result, prepared), Date.now()).trimEnd().split("\n")) services.log.info(line);
    const schemaFile = linted?.result?.files[0];
    // Not awaited: the notification stays until dismissed, the command (and its caller) need not.
    void showLookupResult(result, services.log, schemaFile ? vscode.Uri.file(schemaFile) : undefined);
    return result;
  },
};
