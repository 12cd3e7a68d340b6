import type { B } from "../../app-config/parse-source";
import { BASE_URL_VARS } from "../config-facts";
import type { DoctorRule } from "../types";

export const baseUrlUnset: DoctorRule = {
  id: "base-url-unset",
  description: "A base URL is set: `baseURL` in the config, or BETTER_AUTH_URL (or a variable Better Auth reads) in an env file.",
  defaultSeverity: "info",
  rationale: [
    "Without `baseURL` Better Auth reads `BETTER_AUTH_URL`, `NEXT_PUBLIC_BETTER_AUTH_URL`, `PUBLIC_BETTER_AUTH_URL`,",
    "`NUXT_PUBLIC_BETTER_AUTH_URL`, `NUXT_PUBLIC_AUTH_URL` and `BASE_URL` (better-auth 1.7.25 `dist/utils/url.mjs` `getBaseURL`);",
    "with none of them it logs \"Base URL is not set\" and derives the origin from each request",
    "(`dist/context/create-context.mjs`, `dist/auth/base.mjs`), so OAuth callbacks, email links and the trusted origin follow",
    "whatever Host header arrives. Only worth knowing, and only said when env files were read: the host's environment may set the variable where no env file does.",
  ].join(" "),
  examples: {
    bad: { title: "no base URL anywhere", files: [{ path: ".env", text: "BETTER_AUTH_SECRET=<output of: openssl rand -base64 32>" }, { path: "lib/auth.ts", text: "export const auth = betterAuth({});" }] },
    good: { title: "BETTER_AUTH_URL in the env file", files: [{ path: ".env", text: "BETTER_AUTH_URL=http://localhost:3000" }, { path: "lib/auth.ts", text: "export const auth = betterAuth({});" }] },
  },
  check(context) {
    const auth = context.auth;
    // No env file given (none, or not allowed to read them): the variable may well be set there.
    if (!auth?.call || context.envFiles.length === 0 || context.facts.configBaseUrl.kind !== "absent" || context.facts.envBaseUrls.length > 0) return;
    // An options object with a spread we could not read may hold baseURL.
    if (context.options && auth.unresolved.some((note) => /spread/.test(note) && !/^plugins/.test(note))) return;
    const code = context.code(auth.call.file);
    if (auth.stale.includes(auth.call.file)) return;
    const call = code?.nodeAt(auth.call, (node): node is B.CallExpression | B.OptionalCallExpression => node.type === "CallExpression" || node.type === "OptionalCallExpression");
    if (!code || !call) return;
    const read = context.envFiles.length === 1 ? "the env file read" : `the ${context.envFiles.length} env files read`;
    context.report({
      file: code.path,
      range: code.rangeOf(call.callee),
      message: `No base URL is set: neither \`baseURL\` here nor ${BASE_URL_VARS[0]} (or another variable Better Auth reads) in ${read}. ${context.versionLabel} then logs "Base URL is not set" and takes the origin from each request, so callbacks and redirects follow the Host header. Set BETTER_AUTH_URL (or \`baseURL\`) unless your host's environment sets it.`,
    });
  },
};
