/**
 * Public suffixes people deploy Better Auth under (from publicsuffix.org's list). Browsers
 * refuse a cookie whose Domain is one of them; the full list has ~10,000 entries, this holds
 * the hosting platforms that come up in Better Auth issues (`crossSubDomainCookies` on
 * `*.vercel.app`) and common two-level country suffixes. A single-label Domain (`com`,
 * `localhost`) is always treated as a suffix.
 */
export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  "vercel.app", "now.sh", "netlify.app", "herokuapp.com", "railway.app", "up.railway.app", "onrender.com",
  "fly.dev", "pages.dev", "workers.dev", "github.io", "gitlab.io", "web.app", "firebaseapp.com",
  "appspot.com", "azurewebsites.net", "azurestaticapps.net", "cloudfront.net", "amplifyapp.com",
  "deno.dev", "glitch.me", "replit.app", "repl.co", "ngrok.io", "ngrok-free.app", "ngrok.app",
  "loca.lt", "trycloudflare.com", "surge.sh", "render.com", "koyeb.app", "webcontainer.io",
  "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp",
  "com.br", "com.cn", "com.mx", "co.in", "co.za", "com.tr", "com.sg", "com.hk", "co.kr",
]);

export function isPublicSuffix(domain: string): boolean {
  return !domain.includes(".") || PUBLIC_SUFFIXES.has(domain);
}
