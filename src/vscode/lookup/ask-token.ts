import * as vscode from "vscode";
import { isRawToken } from "../../core/lookup/token-input";
import { acquireInput } from "../cookie/acquire-input";
import { gatherSecrets } from "../cookie/secrets";
import { verifyWithScopes } from "../cookie/verify-scopes";
import { loadLookupBundle } from "./load";
import type { UnverifiedCache } from "./entry";

/** The lookup's argument: the panel passes `{ input }`, other callers a string. */
export function lookupInput(arg: unknown): string | undefined {
  if (typeof arg === "string") return arg.trim() ? arg : undefined;
  const input = typeof arg === "object" && arg !== null ? (arg as { input?: unknown }).input : undefined;
  return typeof input === "string" && input.trim() ? input : undefined;
}

export interface SessionToLookUp {
  token: string;
  /** Set when the pasted cookie's jwt plugin cache could not be verified here: the lookup tries the jwks table. */
  unverifiedCache?: UnverifiedCache;
}

/**
 * The session token to look up: from the argument, else the selection, the clipboard or an
 * input box (as Verify takes its input). A pasted cookie is verified with the same secrets as
 * the cookie panel (environment, .env files, SecretStorage); a raw token is taken as it is.
 * Undefined when the user gives up; a cookie that does not verify is looked up only if the
 * user says so.
 */
export async function askSessionToken(storage: vscode.SecretStorage, given: unknown): Promise<SessionToLookUp | undefined> {
  const argument = lookupInput(given);
  const acquired = argument
    ? { input: argument }
    : await acquireInput({
        title: "Better Auth: look up session",
        prompt: "Paste the session cookie (Cookie header, Set-Cookie line, curl command or value) or the raw session token. Tip: select or copy it first.",
        placeHolder: "better-auth.session_token=…, or the token from the session table",
        alsoAccept: isRawToken,
      });
  if (!acquired) return undefined;
  const input = acquired.input;
  if (isRawToken(input)) return { token: input.trim() };

  const gathered = await gatherSecrets(storage);
  // The cookie core (and jose) live in the lazily loaded lookup bundle, not in extension.js.
  const bundle = loadLookupBundle();
  const { report, tried, scope } = await verifyWithScopes(input, gathered.scopes, bundle.verifyCookies);
  const signed = report.sessionToken;
  if (!signed?.token) {
    const why = report.reasons[0]?.message ?? "No Better Auth session token cookie in it.";
    void vscode.window.showWarningMessage(`Better Auth Doctor: nothing to look up. ${why}`);
    return undefined;
  }
  const asked: SessionToLookUp = {
    token: signed.token,
    ...(report.sessionData.verdict === "unverified" ? { unverifiedCache: { input, secrets: scope?.candidates ?? [] } } : {}),
  };
  if (signed.signature === "valid") return asked;
  const anyway = "Look it up anyway";
  const secrets = tried.length ? `tried ${tried.join(", ")}` : "no secret found in the environment, .env files or SecretStorage";
  const choice = await vscode.window.showWarningMessage(
    `The cookie's signature is ${signed.signature} (${secrets}): Better Auth rejects it before looking in the database. Look its token up anyway?`,
    anyway,
  );
  return choice === anyway ? asked : undefined;
}
