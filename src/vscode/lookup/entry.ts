// The separate bundle dist/lookup.js: the lookup core with the drivers the editor carries (pg,
// sql.js), and the cookie verifier the lookup command reads pasted cookies with. The extension
// requires it on the first lookup (see load.ts), so activation never parses any of it.
// Built by esbuild.config.mjs, which copies sql-wasm.wasm beside it and leaves mysql2 and
// tedious out: MySQL/MariaDB and SQL Server drivers come from the project's node_modules.
import * as vscode from "vscode";
import { connect, type OwnDriver } from "../../core/lookup/connect";
import { lookupSession as lookupWithDrivers, type LookupSessionOptions } from "../../core/lookup/lookup-session";
import type { LookupResult } from "../../core/lookup/types";

export { verifyCookies } from "../../core/cookie/verify-cookies";

/** pg is small (46 KB) and sql.js is needed whatever the project has; mysql2 + iconv-lite and tedious + @azure/* weigh 2.3 MB. */
const EDITOR_DRIVERS: readonly OwnDriver[] = ["pg"];

export function lookupSession(options: LookupSessionOptions): Promise<LookupResult> {
  return lookupWithDrivers({
    ...options,
    connect: (provider, connectOptions) => {
      // Requiring the project's driver runs workspace code; the command already refuses untrusted workspaces.
      if (!vscode.workspace.isTrusted) return Promise.reject(new Error("looking a session up loads the project's database driver, so it needs a trusted workspace"));
      return connect(provider, connectOptions, EDITOR_DRIVERS);
    },
  });
}
