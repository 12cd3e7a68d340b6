// The separate bundle dist/lookup.js: the lookup core with the drivers the editor carries (pg,
// sql.js), and the cookie verifier the lookup command reads pasted cookies with. The extension
// requires it on the first lookup (see load.ts), so activation never parses any of it.
// Built by esbuild.config.mjs, which copies sql-wasm.wasm beside it and leaves mysql2 and
// tedious out: MySQL/MariaDB and SQL Server drivers come from the project's node_modules.
import * as vscode from "vscode";
import { verifyCookies } from "../../core/cookie/verify-cookies";
import { connect, type OwnDriver } from "../../core/lookup/connect";
import { withCacheVerdict } from "../../core/lookup/jwks";
import { lookupSession as lookupWithDrivers, type LookupSessionOptions } from "../../core/lookup/lookup-session";
import type { LookupResult } from "../../core/lookup/types";
import type { SecretCandidate } from "../../core/secrets/secret-candidate";

export { verifyCookies };

/** pg is small (46 KB) and sql.js is needed whatever the project has; mysql2 + iconv-lite and tedious + @azure/* weigh 2.3 MB. */
const EDITOR_DRIVERS: readonly OwnDriver[] = ["pg"];

/** A pasted cookie whose jwt plugin cache nothing verified: the lookup reads the app's jwks table for it. */
export interface UnverifiedCache {
  input: string;
  secrets: readonly SecretCandidate[];
}

/** With `unverifiedCache`, also reads the jwks table and checks the cache with it, as `cookie --lookup` does. */
export async function lookupSession(options: LookupSessionOptions & { unverifiedCache?: UnverifiedCache }): Promise<LookupResult> {
  const { unverifiedCache: cache, ...lookup } = options;
  const result = await lookupWithDrivers({
    ...lookup,
    readJwks: lookup.readJwks ?? Boolean(cache),
    connect: (provider, connectOptions) => {
      // Requiring the project's driver runs workspace code; the command already refuses untrusted workspaces.
      if (!vscode.workspace.isTrusted) return Promise.reject(new Error("looking a session up loads the project's database driver, so it needs a trusted workspace"));
      return connect(provider, connectOptions, EDITOR_DRIVERS);
    },
  });
  if (!cache || !result.jwks?.jwks) return result;
  const report = await verifyCookies(cache.input, { secrets: cache.secrets, jwks: result.jwks.jwks, jwksSource: result.jwks.source });
  return withCacheVerdict(result, report);
}
