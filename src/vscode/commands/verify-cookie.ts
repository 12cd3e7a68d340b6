import * as path from "node:path";
import type { CommandDefinition } from "../context";
import type * as CookieBundle from "../cookie/entry";

let bundle: typeof CookieBundle | undefined;

/**
 * dist/cookie.js sits next to dist/extension.js (esbuild.config.mjs builds it from
 * src/vscode/cookie/entry.ts). Requiring it on first use keeps jose, the cookie core and the
 * panel out of activation; the `import type` above is erased, so nothing else pulls it in.
 */
function loadCookieBundle(): typeof CookieBundle {
  bundle ??= require(path.join(__dirname, "cookie.js")) as typeof CookieBundle;
  return bundle;
}

/** Palette runs get no argument, menus pass a URI: only `{ input?, askForSecret? }` objects count. */
function toArgs(arg: unknown): CookieBundle.VerifyCookieArgs {
  if (typeof arg !== "object" || arg === null) return {};
  const { input, askForSecret } = arg as Record<string, unknown>;
  return {
    ...(typeof input === "string" ? { input } : {}),
    ...(typeof askForSecret === "boolean" ? { askForSecret } : {}),
  };
}

/**
 * "Verify Better Auth cookie": reads the selection, a cookie on the clipboard or an input box,
 * verifies it with the workspace's secrets and shows the result in a panel. Returns the report
 * in the CLI's JSON shape (for tests and other commands), or undefined when cancelled.
 */
export const verifyCookie: CommandDefinition = {
  id: "betterAuthDoctor.verifyCookie",
  run(services, arg) {
    return loadCookieBundle().verifyCookieCommand(services, toArgs(arg));
  },
};
