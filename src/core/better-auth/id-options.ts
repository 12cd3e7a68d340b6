import { atLeast } from "./semver";

/**
 * Where a Better Auth version reads its id-generation option and which values it takes, so
 * advice names an option that exists in the app's version. Read from the published packages:
 * 0.x–1.2 `advanced.generateId` (a function, or `false`); 1.3 adds `advanced.database.generateId`
 * (the old key deprecated); 1.4 adds the strings `"uuid"` and `"serial"` — before that a string
 * there is called as a function and throws on the first insert.
 */
export interface IdOptions {
  /** The option's path, for messages: `advanced.database.generateId`. */
  path: string;
  /** The version accepts `"uuid"` (database-made UUIDs on PostgreSQL, crypto.randomUUID elsewhere). */
  uuid: boolean;
  /** The version accepts `"serial"` (database-made integer ids). */
  serial: boolean;
}

export function idOptionsFor(version: string | null): IdOptions {
  if (version !== null && !atLeast(version, "1.3.0")) return { path: "advanced.generateId", uuid: false, serial: false };
  if (version !== null && !atLeast(version, "1.4.0")) return { path: "advanced.database.generateId", uuid: false, serial: false };
  return { path: "advanced.database.generateId", uuid: true, serial: true };
}

/** Advice for letting the database make ids, in the version's own terms. */
export function databaseIdAdvice(version: string | null, wantUuid: boolean): string {
  const options = idOptionsFor(version);
  if (wantUuid && options.uuid) return `set ${options.path}: "uuid" in your auth config`;
  return `set ${options.path}: false (the boolean, not the string) in your auth config`;
}
