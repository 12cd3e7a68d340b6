import { Unknown, type AuthConfigRead, type StaticValue } from "../app-config";
import type { Range } from "../schema/ast";
import type { EnvFile } from "./env-file";
import { isProductionEnvFile } from "./env-file";
import { isObject, valueAt } from "./static-values";

/** Variables Better Auth reads the base URL from, in its order (dist/utils/url.mjs `getBaseURL`). */
export const BASE_URL_VARS = [
  "BETTER_AUTH_URL",
  "NEXT_PUBLIC_BETTER_AUTH_URL",
  "PUBLIC_BETTER_AUTH_URL",
  "NUXT_PUBLIC_BETTER_AUTH_URL",
  "NUXT_PUBLIC_AUTH_URL",
  "BASE_URL",
] as const;

export const DEFAULT_COOKIE_PREFIX = "better-auth";

/** A base URL written somewhere: the config's `baseURL`, or an env file's variable. */
export interface BaseUrlSource {
  value: string;
  file: string;
  range: Range;
  /** `baseURL` or the variable's name, for messages. */
  label: string;
  /** An env file loaded only in production (`.env.production`, or NODE_ENV=production in it). */
  production: boolean;
  fromEnvFile: boolean;
}

export interface ConfigFacts {
  /** `advanced.cookiePrefix`, "better-auth" when unset; undefined when it cannot be known. */
  cookiePrefix: string | undefined;
  /** True when the config sets a prefix of its own. */
  customCookiePrefix: boolean;
  /** `advanced.cookies.session_token.name` is set (or unknown): the session cookie is not `<prefix>.session_token`. */
  customSessionCookieName: boolean;
  /**
   * Whether Better Auth names cookies `__Secure-…` (dist/cookies/index.mjs `createCookieGetter`):
   * `advanced.useSecureCookies`, else an https `baseURL`, else `NODE_ENV=production`.
   */
  secureCookies: "always" | "never" | "depends" | "unknown";
  /** `options.baseURL` as written: absent, a string, dynamic (`{ allowedHosts }`), or not readable. */
  configBaseUrl: { kind: "absent" } | { kind: "string"; value: string } | { kind: "dynamic" } | { kind: "unknown" };
  /** `basePath`, "/api/auth" when unset; undefined when not readable. */
  basePath: string | undefined;
  /** Env files' base URLs, one per file (the variable Better Auth would pick from that file). */
  envBaseUrls: BaseUrlSource[];
}

export function baseUrlOfEnvFile(file: EnvFile): BaseUrlSource | undefined {
  for (const name of BASE_URL_VARS) {
    const assignment = file.get(name);
    if (!assignment || !assignment.value || (name === "BASE_URL" && assignment.value === "/")) continue;
    return {
      value: assignment.value,
      file: file.path,
      range: assignment.valueRange,
      label: name,
      production: isProductionEnvFile(file),
      fromEnvFile: true,
    };
  }
  return undefined;
}

/**
 * `baseURLIsLiteral`: whether `baseURL` is written as a string in the config. A config read with
 * env values (app-config's `env`) turns `process.env.BETTER_AUTH_URL` into one environment's
 * string; that value is the env file's, and differs per environment, so it counts as not written.
 */
export function configFacts(auth: AuthConfigRead | undefined, envFiles: readonly EnvFile[], baseURLIsLiteral = true): ConfigFacts {
  const options: StaticValue = auth ? auth.options : {};
  const known = !(options instanceof Unknown);
  const prefix = valueAt(options, ["advanced", "cookiePrefix"]);
  // Without a config read, a custom prefix cannot be ruled out.
  const cookiePrefix = !auth || !known || prefix instanceof Unknown ? undefined : typeof prefix === "string" && prefix ? prefix : DEFAULT_COOKIE_PREFIX;
  const sessionCookie = valueAt(options, ["advanced", "cookies", "session_token", "name"]);
  const rawBaseUrl = valueAt(options, ["baseURL"]);
  const configBaseUrl: ConfigFacts["configBaseUrl"] =
    !known || rawBaseUrl instanceof Unknown
      ? { kind: "unknown" }
      : rawBaseUrl === undefined || rawBaseUrl === ""
        ? { kind: "absent" }
        : typeof rawBaseUrl === "string"
          ? baseURLIsLiteral
            ? { kind: "string", value: rawBaseUrl }
            : { kind: "unknown" }
          : isObject(rawBaseUrl)
            ? { kind: "dynamic" }
            : { kind: "unknown" };
  const envBaseUrls = envFiles.map(baseUrlOfEnvFile).filter((source): source is BaseUrlSource => !!source);
  const basePath = valueAt(options, ["basePath"]);
  return {
    cookiePrefix,
    customCookiePrefix: cookiePrefix !== undefined && cookiePrefix !== DEFAULT_COOKIE_PREFIX,
    customSessionCookieName: !!sessionCookie,
    secureCookies: secureCookies(options, configBaseUrl),
    configBaseUrl,
    basePath: !known || basePath instanceof Unknown ? undefined : typeof basePath === "string" && basePath ? basePath : "/api/auth",
    envBaseUrls,
  };
}

function secureCookies(options: StaticValue, baseUrl: ConfigFacts["configBaseUrl"]): ConfigFacts["secureCookies"] {
  if (options instanceof Unknown) return "unknown";
  const useSecure = valueAt(options, ["advanced", "useSecureCookies"]);
  if (useSecure instanceof Unknown) return "unknown";
  if (useSecure !== undefined) return useSecure ? "always" : "never";
  if (baseUrl.kind === "dynamic") {
    const protocol = valueAt(options, ["baseURL", "protocol"]);
    if (protocol === "https") return "always";
    if (protocol === "http") return "never";
    return protocol instanceof Unknown ? "unknown" : "depends";
  }
  if (baseUrl.kind === "string") return baseUrl.value.startsWith("https://") ? "always" : "never";
  // From the environment: BETTER_AUTH_URL's scheme, or NODE_ENV; differs between dev and production.
  return "depends";
}
