import semver from "semver";
import { tablesFor } from "./versions";

/**
 * Where a Better Auth version reads its id-generation option and which values it takes, so
 * advice names an option that exists in the app's version (versions/tables.json, read from each
 * version's source): 0.x has none; 1.0.0–1.2.5 `advanced.generateId` (a function, or `false`);
 * 1.2.6 moves it to `advanced.database.generateId`; 1.4.0 adds the strings `"uuid"` and
 * `"serial"` — before that a string there is called as a function and throws on the first insert.
 */
export interface IdOptions {
  /** The option's path, for messages; null when the version has no id option (0.x). */
  path: string | null;
  /** The version accepts `"uuid"` (database-made UUIDs on PostgreSQL, crypto.randomUUID elsewhere). */
  uuid: boolean;
  /** The version accepts `"serial"` (database-made integer ids). */
  serial: boolean;
}

export function idOptionsFor(version: string | null): IdOptions {
  const parsed = version === null ? null : semver.parse(semver.clean(version));
  const { generateId } = tablesFor(parsed ? `${parsed.major}.${parsed.minor}.${parsed.patch}` : "999.0.0").facts;
  return { path: generateId.option, uuid: generateId.accepts.uuid, serial: generateId.accepts.serial };
}

/** Advice for letting the database make ids, in the version's own terms. */
export function databaseIdAdvice(version: string | null, wantUuid: boolean): string {
  const options = idOptionsFor(version);
  if (!options.path) return "upgrade Better Auth (it has no id option before 1.0.0; it always sends its own ids)";
  if (wantUuid && options.uuid) return `set ${options.path}: "uuid" in your auth config`;
  return `set ${options.path}: false (the boolean, not the string) in your auth config`;
}
