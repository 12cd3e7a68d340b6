import semver from "semver";
import { baFieldType } from "./app-tables";
import { tablesFor, type NormalisedField, type VersionFacts } from "./versions";

// What Prisma schema each Better Auth version expects for its core tables: built from
// versions/tables.json, which scripts/better-auth-versions/extract.mjs wrote by calling every
// published version's own getAuthTables({}) (0.4.0 … 1.7.25, grouped into ranges with identical
// tables and facts) and reading its internal adapter (what createX writes itself, what deleteUser
// deletes, where the id option lives, the schema check). Only the notes below are hand-written:
// the one-sentence "why" messages quote, each checked against the version named in it.
//
// getAuthTables never lists `id`; every generator adds `id String @id` itself, so each model
// below starts with it.

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
  /**
   * A plugin field getAuthTables calls optional (`required: false`, so the generator writes it
   * optional) that every create path of its plugin writes anyway (plugin-write-facts.ts): a
   * required column is fine. Unlike writtenByBetterAuth, the generated text is unchanged.
   */
  alwaysWritten?: boolean;
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
   * Tables whose rows (all of the user's) the internal adapter's deleteUser deletes itself before
   * the user row, so their foreign key needs no onDelete: Cascade (session from 0.5.2, account from 0.8.3).
   */
  deletedBeforeUser: readonly string[];
  /** Everything else read from this version's source (versions/index.ts). */
  facts: VersionFacts;
}

// ---------------------------------------------------------------------------------------------
// Hand-written notes, keyed "table.field": why a field matters, for lint messages.

const ID_NOTE = "Better Auth sends its own generateId() value unless advanced.database.generateId is false, \"serial\" or \"uuid\".";
const SPLIT_EXPIRY = "1.0.0 replaced account.expiresAt with accessTokenExpiresAt and refreshTokenExpiresAt.";

const NOTES: Record<string, string> = {
  "user.email": "Better Auth finds users by email, so it is unique.",
  "user.emailVerified": "Better Auth defaults it to false itself.",
  "session.token":
    "1.0.0 moved the session token out of id into this column; Better Auth looks sessions up and updates them by it, so it must be unique.",
  "account.expiresAt": "0.x keeps one token expiry; 1.0.0 split it into accessTokenExpiresAt and refreshTokenExpiresAt.",
  "account.accessTokenExpiresAt": SPLIT_EXPIRY,
  "account.refreshTokenExpiresAt": SPLIT_EXPIRY,
  "account.scope": "Added to account in 1.0.0.",
  "account.issuer":
    "Only 1.7.0–1.7.2 have account.issuer (required, unique together with accountId: @@unique([issuer, accountId])); 1.7.3 removed it again.",
};

// Field order as Better Auth's generator writes the newest tables, so a fix inserts a missing
// field where `auth generate` would have put it (tables.json keeps keys sorted).
const ORDER: Record<string, readonly string[]> = {
  user: ["name", "email", "emailVerified", "image", "createdAt", "updatedAt"],
  session: ["expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId"],
  account: ["issuer", "accountId", "providerId", "userId", "accessToken", "refreshToken", "idToken", "expiresAt", "accessTokenExpiresAt", "refreshTokenExpiresAt", "scope", "password", "createdAt", "updatedAt"],
  verification: ["identifier", "value", "expiresAt", "createdAt", "updatedAt"],
};

const CORE_ORDER = ["user", "session", "account", "verification"];

function rank(table: string, field: string): number {
  const index = ORDER[table]?.indexOf(field) ?? -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

// ---------------------------------------------------------------------------------------------
// Stale fields: left over from another version, never written by this one.

const STALE_SESSION_TOKEN_0_8: StaleField = {
  model: "session",
  field: "token",
  message:
    "Better Auth ≤ 0.8 keeps the session token in session.id and never writes session.token (that column arrived in 1.0.0), so a required token makes every sign-in fail.",
};

const staleSessionTimestamp = (field: string): StaleField => ({
  model: "session",
  field,
  message: `Better Auth ≤ 0.8 has no session.${field} (added in 1.0.0) and never writes it, so it must be optional or carry a default, or session inserts fail.`,
});

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

function staleFields(facts: VersionFacts, tables: Record<string, { fields: Record<string, unknown> }>): StaleField[] {
  const has = (table: string, field: string) => field in (tables[table]?.fields ?? {});
  const stale: StaleField[] = [];
  if (facts.sessionLookup === "id") stale.push(STALE_SESSION_TOKEN_0_8);
  for (const field of ["createdAt", "updatedAt"]) if (!has("session", field)) stale.push(staleSessionTimestamp(field));
  if (!has("account", "expiresAt")) stale.push(STALE_ACCOUNT_EXPIRES_AT);
  if (facts.validateSchema && !has("account", "issuer")) stale.push(STALE_ACCOUNT_ISSUER);
  return stale;
}

// ---------------------------------------------------------------------------------------------
// Layouts, built once per range.

function expectedField(table: string, name: string, field: NormalisedField, facts: VersionFacts): ExpectedField {
  const written =
    !!facts.writes[table as keyof VersionFacts["writes"]]?.includes(name) ||
    // From 1.2.6 the database adapter fills defaultValue/onUpdate itself (helper: adapterAppliesDefaults).
    (facts.adapterAppliesDefaults && !!(field.hasDefault || field.hasOnUpdate));
  const note = NOTES[`${table}.${name}`];
  return {
    name,
    type: baFieldType(Array.isArray(field.type) ? field.type : field.type, field.bigint),
    required: field.required,
    ...(field.unique ? { unique: true } : {}),
    ...(field.index ? { index: true } : {}),
    ...(field.references
      ? { references: { model: field.references.model, field: field.references.field, onDelete: field.references.onDelete as "cascade" } }
      : {}),
    writtenByBetterAuth: written,
    ...(note ? { note } : {}),
  };
}

function idField(table: string, facts: VersionFacts): ExpectedField {
  const legacySession = table === "session" && facts.sessionLookup === "id";
  return {
    name: "id",
    type: "string",
    required: true,
    isId: true,
    writtenByBetterAuth: true,
    note: legacySession
      ? "Up to 0.8 the session id is the cookie token: Better Auth writes generateId(32) itself and looks sessions up by id."
      : ID_NOTE,
  };
}

function label(from: string, to: string, newest: boolean): string {
  if (newest) return `≥ ${from}`;
  return from === to ? from : `${from}–${to}`;
}

const cache = new Map<string, VersionLayout>();

function build(version: string): VersionLayout {
  const { range, tables, facts } = tablesFor(version);
  const known = cache.get(range.from);
  if (known) return known;
  const newest = tablesFor("999.0.0").range.from === range.from;
  const models: ExpectedModel[] = Object.entries(tables)
    .sort(([a], [b]) => CORE_ORDER.indexOf(a) - CORE_ORDER.indexOf(b))
    .map(([key, table]) => ({
      key,
      fields: [
        idField(key, facts),
        ...Object.entries(table.fields)
          .sort(([a], [b]) => rank(key, a) - rank(key, b))
          .map(([name, field]) => expectedField(key, name, field, facts)),
      ],
    }));
  const layout: VersionLayout = {
    label: label(range.from, range.to, newest),
    sessionTokenColumn: facts.sessionLookup,
    validatesSchema: !!facts.validateSchema,
    models,
    staleFields: staleFields(facts, tables),
    deletedBeforeUser: [...(facts.deleteUser.sessions === "all" ? ["session"] : []), ...(facts.deleteUser.accounts === "all" ? ["account"] : [])],
    facts,
  };
  cache.set(range.from, layout);
  return layout;
}

/** null version = unknown: return the newest layout. */
export function layoutFor(version: string | null): VersionLayout {
  // A prerelease counts as its release: it already ships that release's schema.
  const parsed = version === null ? null : semver.parse(semver.clean(version));
  if (!parsed) return build("999.0.0");
  return build(`${parsed.major}.${parsed.minor}.${parsed.patch}`);
}
