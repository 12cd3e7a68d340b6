import type { InputCookie } from "./input/parse-input";
import { isPublicSuffix } from "./public-suffixes";
import { reason } from "./reason";
import type { Reason } from "./types";

/** RFC 6265bis §5.6: browsers cap a cookie's lifetime at 400 days. */
const MAX_LIFETIME_S = 400 * 24 * 3600;
/** RFC 6265bis §5.6: name plus value over 4,096 bytes is ignored. */
const MAX_COOKIE_BYTES = 4096;
/** nginx's default large_client_header_buffers (8 KB) and many proxies: above it, 431. */
const MAX_COOKIE_HEADER_BYTES = 8192;

/**
 * Whether a browser stores a `Set-Cookie` line, as Chromium and Firefox apply RFC 6265bis:
 * the answer to "the cookie is set but never sent". `url` is where the response came from.
 */
export function browserAcceptance(name: string, cookie: InputCookie, url: URL | undefined): Reason[] {
  const attributes = cookie.attributes;
  if (cookie.origin !== "set-cookie" || !attributes) return [];
  const reasons: Reason[] = [];
  const rejects = (why: string) => reasons.push(reason("browser-rejects", "error", `Browsers drop this Set-Cookie for ${name}: ${why}`, name));
  const secure = cookie.secureAttribute === true;
  const host = url?.hostname.toLowerCase().replace(/^\[|\]$/g, "");

  if (url && url.protocol === "http:" && secure && !isLocalhost(host as string)) {
    rejects(`it has Secure but ${url.origin} is http. Only https (or http://localhost) may set Secure cookies.`);
  }
  if (cookie.name?.startsWith("__Host-") && (!secure || attributes.path !== "/" || attributes.domain !== undefined)) {
    rejects(`a "__Host-" cookie needs Secure, Path=/ and no Domain (it has ${[secure ? "" : "no Secure", attributes.path === "/" ? "" : `Path=${attributes.path ?? "(none)"}`, attributes.domain === undefined ? "" : `Domain=${attributes.domain}`].filter(Boolean).join(", ")}).`);
  }
  if (attributes.sameSite === "none" && !secure) rejects(`SameSite=None needs Secure.`);
  if (attributes.partitioned && !secure) rejects(`Partitioned (CHIPS) needs Secure.`);
  if (attributes.domain !== undefined) {
    const domain = attributes.domain.toLowerCase().replace(/^\./, "");
    if (isPublicSuffix(domain)) {
      rejects(`Domain=${attributes.domain} is a public suffix: no site may set cookies for all of it. Set crossSubDomainCookies.domain to your own domain, or leave it unset.`);
    } else if (host !== undefined && host !== domain && !(host.endsWith(`.${domain}`) && !isIpAddress(host))) {
      rejects(`Domain=${attributes.domain} is not ${host} or a parent of it, so ${url?.origin} may not set it.`);
    }
  }
  if (attributes.size > MAX_COOKIE_BYTES) {
    rejects(`name and value are ${attributes.size} bytes; browsers ignore cookies over ${MAX_COOKIE_BYTES}. (Better Auth 1.4 and later chunk the cache; shrink what the session carries.)`);
  }
  if (attributes.lifetime !== undefined && attributes.lifetime > MAX_LIFETIME_S) {
    reasons.push(
      reason(
        "browser-warning",
        "warning",
        `${name} asks to live ${Math.round(attributes.lifetime / 86400)} days; browsers cap every cookie at 400 days, so it expires sooner than the session may.`,
        name,
      ),
    );
  }
  return reasons;
}

/** A pasted Cookie header longer than servers accept: they answer 431 before Better Auth runs. */
export function cookieHeaderSize(bytes: number | undefined): Reason[] {
  if (bytes === undefined || bytes <= MAX_COOKIE_HEADER_BYTES) return [];
  return [
    reason(
      "browser-warning",
      "warning",
      `The Cookie header is ${bytes} bytes; many servers and proxies (nginx by default) answer requests with a header over 8 KB with 431 Request Header Fields Too Large, before Better Auth sees them. Remove stale cookies or shrink the cookie cache.`,
    ),
  ];
}

function isLocalhost(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "::1";
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}
