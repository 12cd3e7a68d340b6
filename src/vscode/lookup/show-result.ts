import * as vscode from "vscode";
import type { LookupResult } from "../../core/lookup/types";
import { withReadableTimes } from "./readable-times";

const FIX = "Apply the Session fix";
const LOG = "Show log";

/** The answer as a notification; the layout mismatch offers the fix that rewrites schema and data. */
export async function showLookupResult(result: LookupResult, log: vscode.LogOutputChannel, schemaFile: vscode.Uri | undefined): Promise<void> {
  // The jwt plugin's cache checked against the jwks table (or why it could not be) follows the session's answer.
  const message = result.jwks ? `${result.message} ${result.jwks.message}` : result.message;
  const text = `Better Auth Doctor: ${withReadableTimes(message, Date.now())}`;
  let choice: string | undefined;
  switch (result.kind) {
    case "found":
      choice = await vscode.window.showInformationMessage(text, LOG);
      break;
    case "found-under-other-column":
      choice = await vscode.window.showWarningMessage(text, ...(schemaFile ? [FIX] : []), LOG);
      break;
    case "connect-error":
    case "query-error":
      choice = await vscode.window.showErrorMessage(text, LOG);
      break;
    default:
      choice = await vscode.window.showWarningMessage(text, LOG);
  }
  if (choice === FIX) await vscode.commands.executeCommand("betterAuthDoctor.fixAll", schemaFile);
  if (choice === LOG) log.show(true);
}
