import semver from "semver";
import published from "./published.json";
import pluginsFile from "./plugins.json";
import tablesFile from "./tables.json";

// published.json and tables.json are written by scripts/better-auth-versions/extract.mjs from the
// npm registry: every stable better-auth ≥ 0.4.0, each version's own getAuthTables({}) and facts
// read from its dist. See that folder's README for how, and what each fact means.

/** Every stable better-auth version ≥ 0.4.0 on the npm registry when published.json was read (ascending). */
export function publishedVersions(): readonly string[] {
  return published.versions;
}

/** The date the registry was read, so messages can say "newest known on <date>". */
export const publishedReadAt: string = published.readAt;

/**
 * The version a fresh install would resolve for a package.json range: the newest known version the
 * range allows. Null when the range is invalid or allows none of the known versions.
 */
export function maxSatisfying(range: string): string | null {
  try {
    return semver.maxSatisfying(published.versions, range);
  } catch {
    return null;
  }
}

/** A column as the version's getAuthTables({}) describes it, without flags that never reach the database. */
export interface NormalisedField {
  /** "string" | "number" | "boolean" | "date" | "json" | "string[]" | "number[]", or the allowed literal values. */
  type: string | readonly string[];
  /** NOT NULL. A field without `required` counts as required: every version's migrator tests `required !== false`. */
  required: boolean;
  unique?: true;
  index?: true;
  bigint?: true;
  /** onDelete absent in getAuthTables is stored as "cascade", what every version's migrator writes then. */
  references?: { model: string; field: string; onDelete: string };
  /** The column name with no `fields` mapping (the key itself in every version read). */
  fieldName: string;
  /** getAuthTables gives a defaultValue; whether Better Auth fills it on insert is `facts.adapterAppliesDefaults`. */
  hasDefault?: true;
  hasOnUpdate?: true;
}

/** One table (user, session, account, verification); `id` is never listed, every generator adds it. */
export interface NormalisedTable {
  modelName: string;
  fields: Record<string, NormalisedField>;
}

export type CoreTable = "user" | "session" | "account" | "verification";

/** What deleteUser removes before the user row: every row of the user, a single one (plain delete), or nothing. */
export type DeleteScope = "all" | "one" | false;

export interface VersionFacts {
  /** The Session column findSession looks the cookie token up by. */
  sessionLookup: "id" | "token";
  /**
   * Columns the internal adapter's createUser/createSession/createAccount/createVerificationValue
   * put into the inserted row next to the caller's input (`{ id: generateId(), createdAt: new Date(), ...user }`).
   * From 1.0.0 `id` comes from the database adapter instead (see generateId). Null: no such method
   * (0.4.0–0.4.6 create accounts inside createOAuthUser).
   */
  writes: Record<CoreTable, readonly string[] | null>;
  /** internalAdapter.deleteUser: what it deletes before the user, so an FK without cascade does not block it. */
  deleteUser: { sessions: DeleteScope; accounts: DeleteScope };
  generateId: {
    /** Where the option lives; null: the version has no id option (0.x). */
    option: "advanced.database.generateId" | "advanced.generateId" | null;
    /** The old advanced.generateId is still read next to advanced.database.generateId. */
    legacyOptionRead: boolean;
    /** Values with their own branch in the code; a function is always called. */
    accepts: { false: boolean; serial: boolean; uuid: boolean; function: boolean };
    /** What `generateId: "uuid"` does. */
    uuid: string;
    /** The id Better Auth generates without the option (session ids/tokens are always 32 chars). */
    defaultId: string;
  };
  /** The schema check's finding kinds (missing-table, missing-column, unexpected-required-column), or false before 1.7.3. */
  validateSchema: false | readonly string[];
  /** The database adapter fills a field's defaultValue on insert (1.2.6+), so such columns need no database default. */
  adapterAppliesDefaults: boolean;
}

export interface VersionRange {
  from: string;
  to: string;
}

export interface VersionTables {
  /** The published versions that share these tables and facts, both ends inclusive. */
  range: VersionRange;
  tables: Record<string, NormalisedTable>;
  facts: VersionFacts;
}

interface TablesFile {
  readAt: string;
  tables: Record<string, NormalisedTable>[];
  ranges: (VersionRange & { tables: number; facts: VersionFacts; read: { tables: string; facts: string } })[];
}

const data = tablesFile as unknown as TablesFile;

function parseVersion(version: string): string {
  // "1.4" and "1" stand for 1.4.0 and 1.0.0; a prerelease sorts before its release
  const wanted = semver.valid(version) ?? (/^\d+(\.\d+)?$/.test(version) ? semver.coerce(version)?.version : null);
  if (!wanted) throw new TypeError(`not a version: ${version}`);
  return wanted;
}

/**
 * The tables and facts of the range holding `version`. A version between two known ones (or newer
 * than the newest) gets the range that starts at or before it; one older than 0.4.0 gets the oldest.
 * Throws on a string that is not a version: parse it where it enters, with semver.
 */
export function tablesFor(version: string): VersionTables {
  const wanted = parseVersion(version);
  let found = data.ranges[0];
  for (const range of data.ranges) if (semver.gte(wanted, range.from)) found = range;
  return { range: { from: found.from, to: found.to }, tables: data.tables[found.tables], facts: found.facts };
}

/** Every range, oldest first (for docs and tests). */
export function versionRanges(): readonly VersionTables[] {
  return data.ranges.map((range) => tablesFor(range.from));
}

// plugins.json is written by scripts/better-auth-versions/extract-plugins.mjs: for every published
// version, what each plugin factory adds to getAuthTables({ plugins: [factory(options)] }). It is the
// fallback when the project's own better-auth cannot be asked (not installed, another version, or
// an untrusted workspace).

/** What one plugin adds to a version's core tables. */
export interface PluginTables {
  /** The versions of the plugin's module that add exactly this, both ends inclusive. */
  range: VersionRange;
  /** Tables only the plugin has (twoFactor, organization…), keyed as getAuthTables keys them. */
  tables: Record<string, NormalisedTable>;
  /** Fields the plugin adds to (or redefines on) tables it does not own, by table key then field. */
  fieldsOnOtherTables: Record<string, Record<string, NormalisedField>>;
}

/** A factory call the data was recorded for. */
export interface PluginVariant {
  /** The import specifier: "better-auth/plugins", "better-auth/plugins/admin", "@better-auth/stripe"… */
  module: string;
  exportName: string;
  /** "default", or the option that changes the tables ("teams" is `organization({ teams: { enabled: true } })`). */
  variant: string;
  /** The arguments the factory was called with in the newest version read (functions as "[function]"). */
  options: readonly unknown[];
  /** The first and last version of the module that exports it. */
  versions: VersionRange;
}

interface PluginsFile {
  readAt: string;
  /** Published versions of the separately released packages; better-auth's own modules use published.json. */
  moduleVersions: Record<string, string[]>;
  contributions: Omit<PluginTables, "range">[];
  plugins: Record<string, Record<string, Record<string, { args: unknown[]; ranges: [string, string, number][] }>>>;
}

const pluginData = pluginsFile as unknown as PluginsFile;

/**
 * What `exportName` from `module` adds to the tables in `version` (of that module: the separate
 * packages like @better-auth/stripe carry their own version, released with better-auth's). An
 * unknown patch version counts as the newest known one before it; a version older than 0.4.0 as
 * 0.4.0. Undefined: the module does not export that plugin in that version, or it is unknown.
 */
export function pluginTablesFor(version: string, module: string, exportName: string, variant = "default"): PluginTables | undefined {
  const ranges = pluginData.plugins[module]?.[exportName]?.[variant]?.ranges;
  if (!ranges) return undefined;
  const wanted = parseVersion(version);
  const separate = pluginData.moduleVersions[module];
  const known = separate ?? published.versions;
  let floor: string | undefined = separate ? undefined : known[0];
  for (const candidate of known) if (semver.lte(candidate, wanted)) floor = candidate;
  if (!floor) return undefined;
  const found = ranges.find(([from, to]) => semver.lte(from, floor) && semver.lte(floor, to));
  if (!found) return undefined;
  return { range: { from: found[0], to: found[1] }, ...pluginData.contributions[found[2]] };
}

/** Every module, export and variant plugins.json knows, for matching an app's plugin calls. */
export function knownPluginVariants(): readonly PluginVariant[] {
  return Object.entries(pluginData.plugins).flatMap(([module, exports]) =>
    Object.entries(exports).flatMap(([exportName, variants]) =>
      Object.entries(variants).map(([variant, { args, ranges }]) => ({
        module,
        exportName,
        variant,
        options: args,
        versions: { from: ranges[0][0], to: ranges[ranges.length - 1][1] },
      })),
    ),
  );
}
