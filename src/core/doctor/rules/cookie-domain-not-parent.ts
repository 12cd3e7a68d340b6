import { baseUrlSources, describeSource, parseUrl } from "../base-url-sources";
import { crossSubDomainCookieDomain } from "../cookie-domain";
import { isListedPublicSuffix } from "../public-suffix";
import type { DoctorRule } from "../types";

export const cookieDomainNotParent: DoctorRule = {
  id: "cookie-domain-not-parent",
  description: "`advanced.crossSubDomainCookies.domain` is the base URL's host or a parent of it.",
  defaultSeverity: "warning",
  rationale: [
    "Browsers keep a cookie only when its Domain is the responding host or a parent of it (RFC 6265 §5.3 step 6). Better Auth",
    "sets `Domain=<crossSubDomainCookies.domain>` on every cookie (better-auth 1.7.25 `dist/cookies/index.mjs`",
    "`createCookieGetter`) and answers from its base URL's host, so `domain: \"example.com\"` with `BETTER_AUTH_URL=https://app.other.com`",
    "— or with `http://localhost:3000` in development — leaves nobody signed in there. When `enabled` depends on something",
    "not read statically (`process.env.NODE_ENV === \"production\"`), only production base URLs are compared.",
  ].join(" "),
  examples: {
    bad: { title: "another site's domain", files: [{ path: ".env", text: "BETTER_AUTH_URL=https://app.other.com" }, { path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  advanced: { crossSubDomainCookies: { enabled: true, domain: "example.com" } },\n});' }] },
    good: { title: "a parent of the base URL's host", files: [{ path: ".env", text: "BETTER_AUTH_URL=https://app.example.com" }, { path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  advanced: { crossSubDomainCookies: { enabled: true, domain: "example.com" } },\n});' }] },
  },
  check(context) {
    const cookie = crossSubDomainCookieDomain(context);
    if (!cookie) return;
    // A public suffix is cookie-domain-public-suffix's finding.
    if (isListedPublicSuffix(cookie.domain).listed) return;
    const seen = new Set<string>();
    for (const source of baseUrlSources(context)) {
      if (cookie.enabled === "maybe" && source.fromEnvFile && !source.production) continue;
      const host = parseUrl(source.value)?.hostname.toLowerCase();
      if (!host || host === cookie.domain || host.endsWith(`.${cookie.domain}`) || seen.has(host)) continue;
      seen.add(host);
      context.report({
        file: cookie.file,
        range: cookie.range,
        message: `crossSubDomainCookies.domain "${cookie.written}" is not ${host} or a parent of it (${describeSource(context, source)}): browsers refuse cookies Better Auth sets there with Domain=${cookie.domain}, so sign-in does not stick on ${host}. Use a parent of ${host}, or enable cross-subdomain cookies only where the domain matches.`,
      });
    }
  },
};
