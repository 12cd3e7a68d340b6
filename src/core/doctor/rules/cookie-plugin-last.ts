import type * as TS from "typescript";
import { ts } from "../../app-config/typescript-parser";
import { unwrap } from "../code-file";
import { propertySpot } from "../config-spots";
import type { DoctorRule } from "../types";

/** Framework cookie plugins and their ids (better-auth 1.7.25 `dist/integrations/*.mjs`). */
const COOKIE_PLUGINS: Record<string, string> = {
  nextCookies: "next-cookies",
  sveltekitCookies: "sveltekit-cookies",
  tanstackStartCookies: "tanstack-start-cookies",
};

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
    "Start's cookie plugins work the same way. The fix moves the call to the end of the array.",
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
    const t = ts();
    if (!code || !array || !t.isArrayLiteralExpression(array)) return;
    const elements = array.elements;
    const last = elements[elements.length - 1];
    elements.forEach((element, index) => {
      if (index === elements.length - 1 || !t.isCallExpression(element)) return;
      const start = code.index.position(element.getStart(code.source));
      const plugin = auth.plugins.find((p) => p.at.file === code.path && p.at.line === start.line && p.at.character === start.character);
      if (!plugin || !(plugin.name in COOKIE_PLUGINS) || (plugin.module && !plugin.module.startsWith("better-auth"))) return;
      const after = elements.slice(index + 1).map((e) => describe(e, code.source));
      const text = code.text.slice(element.getStart(code.source), element.end);
      const next = elements[index + 1]!;
      const separator = code.text.slice(element.end, next.getStart(code.source)).replace(/^\s*,/, "");
      context.report({
        file: code.path,
        range: code.rangeOf(element.expression),
        message: `\`${plugin.name}()\` is plugin ${index + 1} of ${elements.length}, before ${after.join(", ")}: cookies those plugins set in their after-hooks are not forwarded to the framework's cookie store, so server actions can succeed without setting them. Move \`${plugin.name}()\` to the end of \`plugins\`.`,
        fix: {
          title: `Move \`${plugin.name}()\` to the end of plugins`,
          edits: [
            { file: code.path, range: code.index.range(element.getStart(code.source), next.getStart(code.source)), newText: "" },
            { file: code.path, range: code.index.range(last!.end, last!.end), newText: `,${separator || " "}${text}` },
          ],
        },
      });
    });
  },
};

function describe(element: TS.Expression, source: TS.SourceFile): string {
  const t = ts();
  if (t.isCallExpression(element)) return `\`${element.expression.getText(source)}()\``;
  if (t.isSpreadElement(element)) return `\`...${element.expression.getText(source)}\``;
  return `\`${element.getText(source).slice(0, 30)}\``;
}
