import semver from "semver";
import published from "./published.json";
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

/**
 * The tables and facts of the range holding `version`. A version between two known ones (or newer
 * than the newest) gets the range that starts at or before it; one older than 0.4.0 gets the oldest.
 * Throws on a string that is not a version: parse it where it enters, with semver.
 */
export function tablesFor(version: string): VersionTables {
  // "1.4" and "1" stand for 1.4.0 and 1.0.0; a prerelease sorts before its release
  const wanted = semver.valid(version) ?? (/^\d+(\.\d+)?$/.test(version) ? semver.coerce(version)?.version : null);
  if (!wanted) throw new TypeError(`not a version: ${version}`);
  let found = data.ranges[0];
  for (const range of data.ranges) if (semver.gte(wanted, range.from)) found = range;
  return { range: { from: found.from, to: found.to }, tables: data.tables[found.tables], facts: found.facts };
}

/** Every range, oldest first (for docs and tests). */
export function versionRanges(): readonly VersionTables[] {
  return data.ranges.map((range) => tablesFor(range.from));
}
