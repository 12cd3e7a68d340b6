import type { B } from "../../app-config/parse-source";
import { unwrap, type CodeFile } from "../code-file";
import { propertySpot } from "../config-spots";
import type { DoctorRule } from "../types";

/** Framework cookie plugins and their ids (better-auth 1.7.25 `dist/integrations/*.mjs`). */
const COOKIE_PLUGINS: Record<string, string> = {
  nextCookies: "next-cookies",
  sveltekitCookies: "sveltekit-cookies",
  tanstackStartCookies: "tanstack-start-cookies",
};

/**
 * Better Auth's plugins whose objects declare `hooks.after` (better-auth 1.7.25's factories called
 * with their defaults: admin, anonymous, bearer, customSession, emailOTP, jwt, lastLoginMethod,
 * multiSession, oAuthProxy, oauthPopup, oneTimeToken, twoFactor). Only these can set a cookie the
 * cookie plugin misses; organization(), username() … set theirs in the endpoint, which it sees.
 */
const WITH_AFTER_HOOKS = new Set(["admin", "anonymous", "bearer", "customSession", "emailOTP", "jwt", "lastLoginMethod", "multiSession", "oAuthProxy", "oauthPopup", "oneTimeToken", "twoFactor"]);

export const cookiePluginLast: DoctorRule = {
  id: "cookie-plugin-last",
  description: "`nextCookies()` (or `sveltekitCookies()`, `tanstackStartCookies()`) is the last plugin.",
  defaultSeverity: "warning",
  rationale: [
    "`nextCookies()` copies the `Set-Cookie` headers of Better Auth calls made from server actions into Next.js's cookie store",
    "in an after-hook (better-auth 1.7.25 `dist/integrations/next-js.mjs`). After-hooks run in plugin order, so cookies set",
    "by plugins listed after it (two-factor, organization, multi-session…) never reach the browser: the server action",
    "\"signs in\" and no cookie arrives. Better Auth's docs say to put it last, and 1.7.25 logs a warning when a later plugin",
    "has after-hooks (`dist/integrations/cookie-plugin-guard.mjs` `warnIfCookiePluginNotLast`); SvelteKit's and TanStack",
    "Start's cookie plugins work the same way. Like Better Auth, the rule speaks only when a later plugin is one of Better",
    "Auth's with after-hooks (admin, anonymous, bearer, customSession, emailOTP, jwt, lastLoginMethod, multiSession,",
    "oAuthProxy, oauthPopup, oneTimeToken, twoFactor: their 1.7.25 factories); a plugin it does not know is not counted.",
    "The fix moves the call to the end of the array.",
  ].join(" "),
  examples: {
    bad: { title: "nextCookies() before another plugin", files: [{ path: "lib/auth.ts", text: "export const auth = betterAuth({\n  plugins: [nextCookies(), twoFactor()],\n});" }] },
    good: { title: "nextCookies() last", files: [{ path: "lib/auth.ts", text: "export const auth = betterAuth({\n  plugins: [twoFactor(), nextCookies()],\n});" }] },
  },
  check(context) {
    const auth = context.auth;
    const options = context.options;
    if (!auth || !options || !Array.isArray(options.plugins)) return;
    const spot = propertySpot(context, options, "plugins");
    const array = spot?.value && unwrap(spot.value);
    const code = spot?.code;
    if (!code || !array || array.type !== "ArrayExpression") return;
    const elements = array.elements;
    // `[a, , b]`: a hole has no text to move around.
    if (elements.some((element) => !element)) return;
    const written = elements as (B.Expression | B.SpreadElement)[];
    const last = written[written.length - 1];
    const pluginAt = (e: B.Expression | B.SpreadElement) => {
      const at = code.index.position(e.start!);
      return auth.plugins.find((p) => p.at.file === code.path && p.at.line === at.line && p.at.character === at.character);
    };
    written.forEach((element, index) => {
      if (index === written.length - 1 || element.type !== "CallExpression") return;
      const plugin = pluginAt(element);
      if (!plugin || !(plugin.name in COOKIE_PLUGINS) || (plugin.module && !plugin.module.startsWith("better-auth"))) return;
      const hooked = written.slice(index + 1).filter((e) => {
        const later = e.type === "CallExpression" ? pluginAt(e) : undefined;
        return later !== undefined && WITH_AFTER_HOOKS.has(later.name) && (!later.module || /^(better-auth|@better-auth\/)/.test(later.module));
      });
      if (!hooked.length) return;
      const after = hooked.map((e) => describe(e, code));
      const text = code.textOf(element);
      const next = written[index + 1]!;
      const separator = code.text.slice(element.end!, next.start!).replace(/^\s*,/, "");
      context.report({
        file: code.path,
        range: code.rangeOf(element.callee),
        message: `\`${plugin.name}()\` is plugin ${index + 1} of ${elements.length}, before ${after.join(", ")}: cookies ${after.length === 1 ? "that plugin sets in its" : "those plugins set in their"} after-hooks are not forwarded to the framework's cookie store, so server actions can succeed without setting them. Move \`${plugin.name}()\` to the end of \`plugins\`.`,
        fix: {
          title: `Move \`${plugin.name}()\` to the end of plugins`,
          edits: [
            { file: code.path, range: code.index.range(element.start!, next.start!), newText: "" },
            { file: code.path, range: code.index.range(last!.end!, last!.end!), newText: `,${separator || " "}${text}` },
          ],
        },
      });
    });
  },
};

function describe(element: B.Expression | B.SpreadElement, code: CodeFile): string {
  if (element.type === "CallExpression") return `\`${code.textOf(element.callee)}()\``;
  if (element.type === "SpreadElement") return `\`...${code.textOf(element.argument)}\``;
  return `\`${code.textOf(element).slice(0, 30)}\``;
}
