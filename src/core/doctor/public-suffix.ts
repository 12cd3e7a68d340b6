import type * as Tldts from "tldts";

let loaded: typeof Tldts | undefined;

/**
 * Whether a domain is itself on the Public Suffix List (ICANN or private section), via tldts.
 * tldts is 140 KB minified and takes ~13 ms to load, so it is required on first use: only a
 * config with cross-subdomain cookies pays for it.
 */
export function isListedPublicSuffix(domain: string): { listed: boolean; section: "icann" | "private" | undefined } {
  loaded ??= require("tldts") as typeof Tldts;
  const parsed = loaded.parse(domain, { allowPrivateDomains: true });
  // Neither section: tldts's default `*` rule (an unlisted TLD such as `.internal`), not a listed suffix.
  const listed = !parsed.isIp && parsed.publicSuffix === domain && (!!parsed.isIcann || !!parsed.isPrivate);
  return { listed, section: listed ? (parsed.isPrivate ? "private" : "icann") : undefined };
}
