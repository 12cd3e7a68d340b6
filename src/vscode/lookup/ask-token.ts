import { join } from "node:path";
import * as vscode from "vscode";
import { isRawToken } from "../../core/lookup/token-input";
import { readEnvFiles, secretsFromEnv } from "../../core/secrets";
import { loadLookupBundle } from "./load";

/**
 * The session token from a pasted cookie (verified with the app's secret from the environment
 * and the folder's .env files: the workspace is trusted by now) or a raw token. Undefined when
 * the user gives up; a cookie that does not verify is looked up only if the user says so.
 */
export async function askSessionToken(folder: string, given: unknown): Promise<string | undefined> {
  const input =
    typeof given === "string" && given.trim()
      ? given
      : await vscode.window.showInputBox({
          title: "Better Auth: look up session",
          prompt: "Paste the session cookie (Cookie header, Set-Cookie line, curl command or value) or the raw session token",
          password: true,
          ignoreFocusOut: true,
        });
  if (!input?.trim()) return undefined;
  if (isRawToken(input)) return input.trim();

  const files = readEnvFiles([join(folder, ".env"), join(folder, ".env.local")], folder);
  const secrets = secretsFromEnv([{ label: "environment", vars: process.env }, ...files.sources]);
  // The cookie core (and jose) live in the lazily loaded lookup bundle, not in extension.js.
  const report = await loadLookupBundle().verifyCookies(input, { secrets: secrets.candidates });
  const signed = report.sessionToken;
  if (!signed?.token) {
    const why = report.reasons[0]?.message ?? "No Better Auth session token cookie in it.";
    void vscode.window.showWarningMessage(`Better Auth Doctor: nothing to look up. ${why}`);
    return undefined;
  }
  if (signed.signature === "valid") return signed.token;
  const anyway = "Look it up anyway";
  const choice = await vscode.window.showWarningMessage(
    `The cookie's signature is ${signed.signature}${secrets.candidates.length ? "" : " (no BETTER_AUTH_SECRET found in the environment or .env)"}: Better Auth rejects it before looking in the database. Look its token up anyway?`,
    anyway,
  );
  return choice === anyway ? signed.token : undefined;
}
