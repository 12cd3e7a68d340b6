import semver from "semver";

/**
 * Option names of `betterAuth({...})` and of its `advanced` object, with the first release line
 * whose `BetterAuthOptions` type declares them. Read from the published type declarations
 * (better-auth 0.8.8, 1.0.22, 1.1.21, 1.2.12, 1.3.34; @better-auth/core 1.4.22, 1.5.6, 1.6.34,
 * 1.7.25 `dist/types/init-options.d.mts`); test/core/doctor/option-keys.test.ts re-reads the
 * installed packages and fails when this list drifts.
 */
export interface OptionKey {
  key: string;
  /** "major.minor" of the first release line that has it. */
  since: string;
  /** Why it is accepted beyond what the type says. */
  note?: string;
}

const key = (name: string, since = "0.8", note?: string): OptionKey => (note ? { key: name, since, note } : { key: name, since });

export const TOP_LEVEL_OPTIONS: readonly OptionKey[] = [
  ...["appName", "baseURL", "basePath", "secret", "database", "secondaryStorage", "emailVerification", "emailAndPassword"].map((k) => key(k)),
  ...["socialProviders", "plugins", "user", "session", "account", "verification", "trustedOrigins", "rateLimit"].map((k) => key(k)),
  ...["advanced", "logger", "databaseHooks", "onAPIError"].map((k) => key(k)),
  key("hooks", "1.1"),
  key("disabledPaths", "1.1"),
  key("telemetry", "1.3"),
  key("experimental", "1.4"),
  key("secrets", "1.5"),
];

export const ADVANCED_OPTIONS: readonly OptionKey[] = [
  ...["ipAddress", "useSecureCookies", "disableCSRFCheck", "crossSubDomainCookies", "cookies", "defaultCookieAttributes", "cookiePrefix"].map((k) => key(k)),
  // Typed 1.0–1.3; 1.7.25 still calls it first (dist/context/create-context.mjs `generateIdFunc`).
  key("generateId", "1.0", "deprecated for advanced.database.generateId, still read"),
  key("database", "1.2"),
  key("disableOriginCheck", "1.3"),
  key("trustedProxyHeaders", "1.4"),
  key("backgroundTasks", "1.4"),
  key("skipTrailingSlashes", "1.4"),
];

/** True when `version` (null: the newest) is on or after a "major.minor" line. */
export function onOrAfter(version: string | null, line: string): boolean {
  if (!version) return true;
  const parsed = semver.coerce(version);
  return !parsed || semver.gte(parsed, `${line}.0`);
}

const byVersion = new WeakMap<readonly OptionKey[], Map<string | null, ReadonlySet<string>>>();

/** The names a version reads; computed once per version, as lint runs on every keystroke. */
export function optionKeysFor(list: readonly OptionKey[], version: string | null): ReadonlySet<string> {
  let cache = byVersion.get(list);
  if (!cache) byVersion.set(list, (cache = new Map()));
  let keys = cache.get(version);
  if (!keys) cache.set(version, (keys = new Set(list.filter((entry) => onOrAfter(version, entry.since)).map((entry) => entry.key))));
  return keys;
}
