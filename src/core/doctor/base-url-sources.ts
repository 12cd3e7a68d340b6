import { isStringLiteralLike, literalText, unwrap } from "./code-file";
import type { BaseUrlSource } from "./config-facts";
import { propertySpot } from "./config-spots";
import { displayPath } from "./display-path";
import type { DoctorContext } from "./types";

/** Every base URL written down: the config's `baseURL` string (when readable), then each env file's. */
export function baseUrlSources(context: DoctorContext): BaseUrlSource[] {
  const sources: BaseUrlSource[] = [];
  const facts = context.facts;
  if (facts.configBaseUrl.kind === "string" && context.options) {
    const spot = propertySpot(context, context.options, "baseURL");
    const value = spot?.value && unwrap(spot.value);
    // Only a literal is the config's own: a value read through process.env belongs to the env file.
    if (spot?.code && value && isStringLiteralLike(value)) {
      sources.push({ value: literalText(value), file: spot.file, range: spot.code.rangeOf(value), label: "baseURL", production: false, fromEnvFile: false });
    }
  }
  // With baseURL in the config, Better Auth never reads the env variables.
  if (facts.configBaseUrl.kind === "absent" || facts.configBaseUrl.kind === "unknown") sources.push(...facts.envBaseUrls);
  return sources;
}

export function describeSource(context: DoctorContext, source: BaseUrlSource): string {
  return `${source.label} in ${displayPath(context.input.projectDir, source.file)}`;
}

/** better-auth `dist/utils/url.mjs` `isLoopbackForDevScheme`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || host.startsWith("127.");
}

export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
