import { crossSubDomainCookieDomain } from "../cookie-domain";
import { isListedPublicSuffix } from "../public-suffix";
import type { DoctorRule } from "../types";

export const cookieDomainPublicSuffix: DoctorRule = {
  id: "cookie-domain-public-suffix",
  description: "`advanced.crossSubDomainCookies.domain` is not a public suffix such as vercel.app or co.uk.",
  defaultSeverity: "error",
  rationale: [
    "With `crossSubDomainCookies.enabled` Better Auth sets every cookie with `Domain=<domain>` (better-auth 1.7.25",
    "`dist/cookies/index.mjs` `createCookieGetter`). Browsers refuse a cookie whose Domain is a public suffix — an entry of the",
    "Public Suffix List, ICANN (`com`, `co.uk`) or private (`vercel.app`, `netlify.app`, `pages.dev`) — so nobody stays",
    "signed in. Checked with `tldts`, which ships the list. Use your own registrable domain (`myapp.com`), or leave",
    "cross-subdomain cookies off on a shared host.",
  ].join(" "),
  examples: {
    bad: { title: "a shared hosting suffix", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  advanced: { crossSubDomainCookies: { enabled: true, domain: ".vercel.app" } },\n});' }] },
    good: { title: "the app's own domain", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  advanced: { crossSubDomainCookies: { enabled: true, domain: ".example.com" } },\n});' }] },
  },
  check(context) {
    const cookie = crossSubDomainCookieDomain(context);
    if (!cookie) return;
    const suffix = isListedPublicSuffix(cookie.domain);
    if (!suffix.listed) return;
    context.report({
      file: cookie.file,
      range: cookie.range,
      message: `crossSubDomainCookies.domain "${cookie.written}" is a public suffix (${suffix.section === "private" ? "a shared hosting domain on the Public Suffix List" : "a top-level suffix"}): browsers refuse every cookie Better Auth sets with Domain=${cookie.domain}, so sign-in never sticks. Use a domain you own, or turn cross-subdomain cookies off.`,
    });
  },
};
