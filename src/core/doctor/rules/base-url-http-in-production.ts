import { baseUrlSources, describeSource, isLoopbackHost, parseUrl } from "../base-url-sources";
import type { DoctorRule } from "../types";

export const baseUrlHttpInProduction: DoctorRule = {
  id: "base-url-http-in-production",
  description: "The production base URL (in `.env.production`, or an env file with NODE_ENV=production) is https://.",
  defaultSeverity: "warning",
  rationale: [
    "Better Auth trusts the base URL's origin for its origin check and builds callback and redirect URLs from it",
    "(better-auth 1.7.25 `dist/context/create-context.mjs`, `dist/api/middlewares/origin-check.mjs`): with `http://` in",
    "production, browsers on the https site are refused with 403 `INVALID_ORIGIN` and OAuth providers are sent to http.",
    "Cookies follow the scheme too (`dist/cookies/index.mjs` `createCookieGetter`): an http base URL drops `Secure` and the",
    "`__Secure-` prefix, unless `advanced.useSecureCookies` forces them — and then browsers do not keep them over http.",
    "Loopback hosts (`localhost`, `127.*`) are left alone: a local production build runs there.",
  ].join(" "),
  examples: {
    bad: { title: "http in .env.production", files: [{ path: ".env.production", text: "BETTER_AUTH_URL=http://app.example.com" }] },
    good: { title: "https in .env.production", files: [{ path: ".env.production", text: "BETTER_AUTH_URL=https://app.example.com" }] },
  },
  check(context) {
    for (const source of baseUrlSources(context)) {
      if (!source.production) continue;
      const url = parseUrl(source.value);
      if (!url || url.protocol !== "http:" || isLoopbackHost(url.hostname)) continue;
      const cookies =
        context.facts.secureCookies === "always"
          ? "advanced.useSecureCookies makes every cookie Secure, which browsers do not keep over http"
          : "cookies lose Secure and the __Secure- prefix";
      context.report({
        file: source.file,
        range: source.range,
        message: `${describeSource(context, source)} is http:// in production: ${context.versionLabel} trusts only the http origin, so requests from https://${url.host} are refused (403 INVALID_ORIGIN), OAuth callbacks go to http, and ${cookies}. Use https://${url.host}${url.pathname === "/" ? "" : url.pathname}.`,
      });
    }
  },
};
