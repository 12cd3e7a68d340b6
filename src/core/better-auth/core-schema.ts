import { atLeast, parseVersion } from "./semver";

// What Prisma schema each Better Auth version expects for its core tables, read from the
// published packages' `getAuthTables` (the table list its CLI generator, migrator and adapters
// share) and checked by calling `getAuthTables({})` on every version below:
//
//   0.6.2, 0.8.8          dist/db.js (minified; exported as getAuthTables)
//   1.0.0, 1.1.21         dist/db.js
//   1.2.12, 1.3.0, 1.3.7  dist/shared/better-auth.DORkW_Ge.mjs
//   1.3.8 … 1.3.34        dist/shared/better-auth.{B_PTVODM,Cjw1GDsh,DhziC0ap,pQjeRkzN}.mjs
//   1.4.0 … 1.7.25        @better-auth/core dist/db/get-tables.mjs (same version as better-auth)
//
// getAuthTables never lists `id`; every generator adds `id String @id` itself, so each model
// below starts with it. Versions with identical core tables (ignoring flags that do not reach
// the database: `sortable`, `returned`, `input`) share one layout. Checked equal: 1.0.0 = 1.1.21
// = 1.2.12 = 1.3.0 = 1.3.7; 1.3.8 = 1.3.34; 1.4.0 = 1.4.22 = 1.5.6 = 1.6.34; 1.7.0 = 1.7.1 =
// 1.7.2; 1.7.3 = 1.7.25. The test in test/core/better-auth compares the newest layout with the
// installed package so this file cannot drift from it silently.
//
// rateLimit (only with `rateLimit.storage: "database"`, not a CoreModelKey, so not modelled
// here): key String, count Int, lastRequest BigInt (bigint since 1.1; plain number in ≤ 1.0);
// before 1.4.0 the fields had no `required` flag at all, from 1.4.0 all three are required,
// key is unique and lastRequest defaults to Date.now().

/**
 * Better Auth's field types; `string[]`/`number[]` from 1.3, and `other` for anything a plugin
 * declares that the linter does not model (an enum list, a future type): never type-checked.
 */
export type BaFieldType = "string" | "number" | "boolean" | "date" | "bigint" | "json" | "string[]" | "number[]" | "other";

/** Who asked for a table or field: Better Auth's core, a plugin call, additionalFields, rateLimit. */
export interface Origin {
  /** For messages: "twoFactor() in src/lib/auth.ts:14", "user.additionalFields.role in auth.ts:20". */
  label: string;
  spot?: { file: string; line: number; character: number; endLine: number; endCharacter: number };
}

export interface ExpectedField {
  name: string; // Better Auth's field name (the key in getAuthTables)
  /** The Prisma field name after the app's `fields` mapping; filled by expectedTables(). */
  fieldName?: string;
  type: BaFieldType;
  required: boolean; // Better Auth marks it required (NOT NULL in its generated schema)
  unique?: boolean;
  index?: boolean;
  isId?: boolean;
  references?: { model: string; field: string; onDelete: "cascade" | "set null" | "restrict" | "no action" };
  /**
   * Better Auth itself fills the value on create/update (defaultValue/onUpdate), so the DB column may lack a default.
   * Also true for ids (Better Auth sends its own generateId() unless `advanced.database.generateId`
   * says otherwise), the session token it generates, and createdAt/updatedAt that the internal
   * adapter set explicitly before 1.3.8 moved them into defaultValue/onUpdate.
   */
  writtenByBetterAuth: boolean;
  /** one-sentence why, used in lint messages, e.g. "1.0.0 moved the session token out of id into this column". */
  note?: string;
  /** Set for fields a plugin or additionalFields adds; core fields have none. */
  origin?: Origin;
}

export interface ExpectedModel {
  /** Better Auth's table key: "user", "session", "twoFactor", "rateLimit"… */
  key: string;
  /** The model name Better Auth asks Prisma for, after modelName and usePlural; filled by expectedTables(). */
  modelName?: string;
  fields: ExpectedField[];
  /** Set for tables a plugin (or rateLimit) adds; core tables have none. */
  origin?: Origin;
}

/**
 * A field left over from another version that Better Auth (this version) never writes. It
 * breaks inserts when it is required without a default (`@default`/`@updatedAt`); from 1.7.3 the
 * Prisma adapter's schema check also refuses to run then. An optional leftover only stays empty.
 */
export interface StaleField {
  model: string;
  field: string;
  message: string;
}

export interface VersionLayout {
  /** Human label of the version range this layout stands for, e.g. "≤ 0.8", "1.0–1.6", "1.7.0–1.7.2", "≥ 1.7.3". */
  label: string;
  /** Which Session column Better Auth looks the cookie token up by. */
  sessionTokenColumn: "id" | "token";
  /** Better Auth's schema check (validateSchema, >= 1.7.3) fails every request on missing columns and required columns it never writes. */
  validatesSchema: boolean;
  models: ExpectedModel[];
  staleFields: StaleField[];
  /**
   * Tables whose rows the internal adapter's deleteUser deletes itself before the user row, so
   * their foreign key needs no onDelete: Cascade (0.8.8, 1.0.0 … 1.7.25: session, then account).
   */
  deletedBeforeUser: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Fields. Each constant is shared only by versions whose getAuthTables agree on it.

const USER_REF = { model: "user", field: "id", onDelete: "cascade" } as const;

const id = (note?: string, written = true): ExpectedField => ({
  name: "id",
  type: "string",
  required: true,
  isId: true,
  writtenByBetterAuth: written,
  ...(note ? { note } : {}),
});

const ID_NOTE = "Better Auth sends its own generateId() value unless advanced.database.generateId is false, \"serial\" or \"uuid\".";

// user: identical in every version read (0.6.2 … 1.7.25). emailVerified/createdAt/updatedAt
// carry a defaultValue throughout; 1.3.8 added onUpdate to updatedAt (already defaulted).
const USER: ExpectedModel = {
  key: "user",
  fields: [
    id(ID_NOTE),
    { name: "name", type: "string", required: true, writtenByBetterAuth: false },
    { name: "email", type: "string", required: true, unique: true, writtenByBetterAuth: false, note: "Better Auth finds users by email, so it is unique." },
    { name: "emailVerified", type: "boolean", required: true, writtenByBetterAuth: true, note: "Better Auth defaults it to false itself." },
    { name: "image", type: "string", required: false, writtenByBetterAuth: false },
    { name: "createdAt", type: "date", required: true, writtenByBetterAuth: true },
    { name: "updatedAt", type: "date", required: true, writtenByBetterAuth: true },
  ],
};

// session ≤ 0.8 (0.8.8 dist/db.js): no token, no createdAt/updatedAt. internalAdapter.createSession
// writes `id: generateId(32)` and findSession/updateSession/deleteSession use `where id = <token>`.
const SESSION_0_8: ExpectedModel = {
  key: "session",
  fields: [
    id("Up to 0.8 the session id is the cookie token: Better Auth writes generateId(32) itself and looks sessions up by id."),
    { name: "expiresAt", type: "date", required: true, writtenByBetterAuth: false },
    { name: "ipAddress", type: "string", required: false, writtenByBetterAuth: false },
    { name: "userAgent", type: "string", required: false, writtenByBetterAuth: false },
    { name: "userId", type: "string", required: true, references: USER_REF, writtenByBetterAuth: false },
  ],
};

// session 1.0.0 – 1.3.34 (1.0.0 dist/db.js): token required + unique; createdAt/updatedAt required.
// 1.0.0's createSession sets `token: generateId(32), createdAt: new Date, updatedAt: new Date` and
// findSession uses `where token = <token>`. 1.3.8 added defaultValue/onUpdate to createdAt/updatedAt
// (same effect: Better Auth fills both).
const SESSION_TOKEN: ExpectedField = {
  name: "token",
  type: "string",
  required: true,
  unique: true,
  writtenByBetterAuth: true,
  note: "1.0.0 moved the session token out of id into this column; Better Auth looks sessions up and updates them by it, so it must be unique.",
};
const SESSION_1_0: ExpectedModel = {
  key: "session",
  fields: [
    id(ID_NOTE),
    { name: "expiresAt", type: "date", required: true, writtenByBetterAuth: false },
    SESSION_TOKEN,
    { name: "createdAt", type: "date", required: true, writtenByBetterAuth: true, note: "Added to session in 1.0.0." },
    { name: "updatedAt", type: "date", required: true, writtenByBetterAuth: true, note: "Added to session in 1.0.0." },
    { name: "ipAddress", type: "string", required: false, writtenByBetterAuth: false },
    { name: "userAgent", type: "string", required: false, writtenByBetterAuth: false },
    { name: "userId", type: "string", required: true, references: USER_REF, writtenByBetterAuth: false },
  ],
};

// session 1.4.0+ (@better-auth/core 1.4.22 dist/db/get-tables.mjs): userId gains `index: true`.
const SESSION_1_4: ExpectedModel = {
  key: "session",
  fields: SESSION_1_0.fields.map((field) =>
    field.name === "userId" ? { ...field, index: true, note: "Indexed since 1.4.0 (sessions are listed by user)." } : field,
  ),
};

// account ≤ 0.8 (0.8.8 dist/db.js): a single optional expiresAt; no scope, no timestamps.
const ACCOUNT_0_8: ExpectedModel = {
  key: "account",
  fields: [
    id(ID_NOTE),
    { name: "accountId", type: "string", required: true, writtenByBetterAuth: false },
    { name: "providerId", type: "string", required: true, writtenByBetterAuth: false },
    { name: "userId", type: "string", required: true, references: USER_REF, writtenByBetterAuth: false },
    { name: "accessToken", type: "string", required: false, writtenByBetterAuth: false },
    { name: "refreshToken", type: "string", required: false, writtenByBetterAuth: false },
    { name: "idToken", type: "string", required: false, writtenByBetterAuth: false },
    { name: "expiresAt", type: "date", required: false, writtenByBetterAuth: false, note: "0.x keeps one token expiry; 1.0.0 split it into accessTokenExpiresAt and refreshTokenExpiresAt." },
    { name: "password", type: "string", required: false, writtenByBetterAuth: false },
  ],
};

// account 1.0.0 – 1.3.34 (1.0.0 dist/db.js): expiresAt → accessTokenExpiresAt/refreshTokenExpiresAt,
// plus scope, createdAt, updatedAt (createAccount/linkAccount set the timestamps explicitly;
// 1.3.8 moved them into defaultValue/onUpdate).
const SPLIT_EXPIRY = "1.0.0 replaced account.expiresAt with accessTokenExpiresAt and refreshTokenExpiresAt.";
const ACCOUNT_1_0: ExpectedModel = {
  key: "account",
  fields: [
    id(ID_NOTE),
    { name: "accountId", type: "string", required: true, writtenByBetterAuth: false },
    { name: "providerId", type: "string", required: true, writtenByBetterAuth: false },
    { name: "userId", type: "string", required: true, references: USER_REF, writtenByBetterAuth: false },
    { name: "accessToken", type: "string", required: false, writtenByBetterAuth: false },
    { name: "refreshToken", type: "string", required: false, writtenByBetterAuth: false },
    { name: "idToken", type: "string", required: false, writtenByBetterAuth: false },
    { name: "accessTokenExpiresAt", type: "date", required: false, writtenByBetterAuth: false, note: SPLIT_EXPIRY },
    { name: "refreshTokenExpiresAt", type: "date", required: false, writtenByBetterAuth: false, note: SPLIT_EXPIRY },
    { name: "scope", type: "string", required: false, writtenByBetterAuth: false, note: "Added to account in 1.0.0." },
    { name: "password", type: "string", required: false, writtenByBetterAuth: false },
    { name: "createdAt", type: "date", required: true, writtenByBetterAuth: true, note: "Added to account in 1.0.0." },
    { name: "updatedAt", type: "date", required: true, writtenByBetterAuth: true, note: "Added to account in 1.0.0." },
  ],
};

// account 1.4.0+ (@better-auth/core 1.4.22 dist/db/get-tables.mjs): userId gains `index: true`.
const ACCOUNT_1_4: ExpectedModel = {
  key: "account",
  fields: ACCOUNT_1_0.fields.map((field) =>
    field.name === "userId" ? { ...field, index: true, note: "Indexed since 1.4.0 (accounts are listed by user)." } : field,
  ),
};

// account 1.7.0 – 1.7.2 (@better-auth/core 1.7.0 dist/db/get-tables.mjs): a required `issuer`
// (first in getAuthTables' list, right after our id), plus the table index `{ fields: ["issuer", "accountId"], unique: true }`
// (a compound unique this field list cannot express; the note carries it). 1.7.3 removed both.
const ACCOUNT_1_7_0: ExpectedModel = {
  key: "account",
  fields: [
    ACCOUNT_1_4.fields[0], // id
    {
      name: "issuer",
      type: "string",
      required: true,
      writtenByBetterAuth: false,
      note: "Only 1.7.0–1.7.2 have account.issuer (required, unique together with accountId: @@unique([issuer, accountId])); 1.7.3 removed it again.",
    },
    ...ACCOUNT_1_4.fields.slice(1),
  ],
};

// verification ≤ 0.8 (0.8.8 dist/db.js): createdAt optional with a defaultValue, no updatedAt.
// (0.6.2 had no createdAt at all; 0.8.8 is the version this layout is read from.)
const VERIFICATION_0_8: ExpectedModel = {
  key: "verification",
  fields: [
    id(ID_NOTE),
    { name: "identifier", type: "string", required: true, writtenByBetterAuth: false },
    { name: "value", type: "string", required: true, writtenByBetterAuth: false },
    { name: "expiresAt", type: "date", required: true, writtenByBetterAuth: false },
    { name: "createdAt", type: "date", required: false, writtenByBetterAuth: true },
  ],
};

// verification 1.0.0 – 1.3.7 (1.0.0 dist/db.js; 1.3.7 identical): createdAt and updatedAt both
// optional with a defaultValue.
const VERIFICATION_1_0: ExpectedModel = {
  key: "verification",
  fields: [
    ...VERIFICATION_0_8.fields,
    { name: "updatedAt", type: "date", required: false, writtenByBetterAuth: true, note: "Added to verification in 1.0.0." },
  ],
};

// verification 1.3.8 – 1.3.34 (1.3.8 dist/shared/better-auth.B_PTVODM.mjs): createdAt and
// updatedAt became required (updatedAt also gained onUpdate).
const VERIFICATION_1_3_8: ExpectedModel = {
  key: "verification",
  fields: VERIFICATION_1_0.fields.map((field) =>
    field.name === "createdAt" || field.name === "updatedAt"
      ? { ...field, required: true, note: "Required since 1.3.8 (optional before); Better Auth fills it itself." }
      : field,
  ),
};

// verification 1.4.0+ (@better-auth/core 1.4.22 dist/db/get-tables.mjs): identifier gains `index: true`.
const VERIFICATION_1_4: ExpectedModel = {
  key: "verification",
  fields: VERIFICATION_1_3_8.fields.map((field) =>
    field.name === "identifier" ? { ...field, index: true, note: "Indexed since 1.4.0 (verification values are looked up by identifier)." } : field,
  ),
};

// ---------------------------------------------------------------------------------------------
// Stale fields: left over from another version, never written by this one.

const STALE_SESSION_TOKEN_0_8: StaleField = {
  model: "session",
  field: "token",
  message:
    "Better Auth ≤ 0.8 keeps the session token in session.id and never writes session.token (that column arrived in 1.0.0), so a required token makes every sign-in fail.",
};

// 0.8.8's createSession writes only id, expiresAt, ipAddress, userAgent and userId.
const STALE_SESSION_TIMESTAMPS_0_8: StaleField[] = ["createdAt", "updatedAt"].map((field) => ({
  model: "session",
  field,
  message: `Better Auth ≤ 0.8 has no session.${field} (added in 1.0.0) and never writes it, so it must be optional or carry a default, or session inserts fail.`,
}));

const STALE_ACCOUNT_EXPIRES_AT: StaleField = {
  model: "account",
  field: "expiresAt",
  message:
    "account.expiresAt is the 0.x column; since 1.0.0 Better Auth writes accessTokenExpiresAt and refreshTokenExpiresAt instead and never fills expiresAt, so it stays empty (and, if required, every account insert fails).",
};

// 1.7.3+ @better-auth/core dist/db/schema-diff.mjs reports a required, never-written `issuer`
// column with a pointer to https://www.better-auth.com/docs/guides/1-7-upgrade-guide.
const STALE_ACCOUNT_ISSUER: StaleField = {
  model: "account",
  field: "issuer",
  message:
    "account.issuer existed only in 1.7.0–1.7.2; 1.7.3 removed it and never writes it, so a required issuer fails every sign-up (\"Argument `issuer` is missing\") and the schema check reports SCHEMA_MISMATCH. Follow the 1.7 upgrade guide (https://www.better-auth.com/docs/guides/1-7-upgrade-guide) before removing it, or make it optional.",
};

// ---------------------------------------------------------------------------------------------
// Layouts, oldest first.

// internalAdapter.deleteUser: `deleteMany(session where userId)`, `deleteMany(account where
// userId)`, then the user (0.8.8 dist/db.js, 1.0.0 dist/db.js, 1.7.25 dist/db/internal-adapter.mjs).
const DELETED_BEFORE_USER: readonly string[] = ["session", "account"];

const LEGACY: VersionLayout = {
  label: "≤ 0.8",
  sessionTokenColumn: "id",
  validatesSchema: false,
  models: [USER, SESSION_0_8, ACCOUNT_0_8, VERIFICATION_0_8],
  staleFields: [STALE_SESSION_TOKEN_0_8, ...STALE_SESSION_TIMESTAMPS_0_8],
  deletedBeforeUser: DELETED_BEFORE_USER,
};

// 1.0.0 (PR #595): session looked up by token; account expiry split; timestamps everywhere.
const V1_0: VersionLayout = {
  label: "1.0–1.3.7",
  sessionTokenColumn: "token",
  validatesSchema: false,
  models: [USER, SESSION_1_0, ACCOUNT_1_0, VERIFICATION_1_0],
  staleFields: [STALE_ACCOUNT_EXPIRES_AT],
  deletedBeforeUser: DELETED_BEFORE_USER,
};

// 1.3.8: verification.createdAt/updatedAt required.
const V1_3_8: VersionLayout = {
  label: "1.3.8–1.3.34",
  sessionTokenColumn: "token",
  validatesSchema: false,
  models: [USER, SESSION_1_0, ACCOUNT_1_0, VERIFICATION_1_3_8],
  staleFields: [STALE_ACCOUNT_EXPIRES_AT],
  deletedBeforeUser: DELETED_BEFORE_USER,
};

// 1.4.0: indexes on session.userId, account.userId, verification.identifier.
const V1_4: VersionLayout = {
  label: "1.4–1.6",
  sessionTokenColumn: "token",
  validatesSchema: false,
  models: [USER, SESSION_1_4, ACCOUNT_1_4, VERIFICATION_1_4],
  staleFields: [STALE_ACCOUNT_EXPIRES_AT],
  deletedBeforeUser: DELETED_BEFORE_USER,
};

// 1.7.0–1.7.2: required account.issuer. No schema check yet (no schema-check.mjs in core 1.7.0/1.7.2).
const V1_7_0: VersionLayout = {
  label: "1.7.0–1.7.2",
  sessionTokenColumn: "token",
  validatesSchema: false,
  models: [USER, SESSION_1_4, ACCOUNT_1_7_0, VERIFICATION_1_4],
  staleFields: [STALE_ACCOUNT_EXPIRES_AT],
  deletedBeforeUser: DELETED_BEFORE_USER,
};

// 1.7.3+: issuer gone; @better-auth/core dist/db/schema-check.mjs `checksSchema` is
// `validateSchema !== false`, and the Prisma adapter (@better-auth/prisma-adapter dist/index.mjs)
// diffs the client's _runtimeDataModel against getAuthTables: missing model, missing field, or a
// non-relation field Better Auth does not know that is required with no @default/@updatedAt →
// SchemaMismatchError (code SCHEMA_MISMATCH). Same logic in 1.7.25.
const V1_7_3: VersionLayout = {
  label: "≥ 1.7.3",
  sessionTokenColumn: "token",
  validatesSchema: true,
  models: [USER, SESSION_1_4, ACCOUNT_1_4, VERIFICATION_1_4],
  staleFields: [STALE_ACCOUNT_EXPIRES_AT, STALE_ACCOUNT_ISSUER],
  deletedBeforeUser: DELETED_BEFORE_USER,
};

/** null version = unknown: return the newest layout. */
export function layoutFor(version: string | null): VersionLayout {
  if (version === null || parseVersion(version) === null) return V1_7_3;
  if (!atLeast(version, "1.0.0")) return LEGACY;
  if (!atLeast(version, "1.3.8")) return V1_0;
  if (!atLeast(version, "1.4.0")) return V1_3_8;
  if (!atLeast(version, "1.7.0")) return V1_4;
  if (!atLeast(version, "1.7.3")) return V1_7_0;
  return V1_7_3;
}
