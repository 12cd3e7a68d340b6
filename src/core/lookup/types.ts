import type { SqlProvider } from "../sql/provider";

/** The databases a Prisma datasource can name that a pure JavaScript driver reaches (one type with the migrations'). */
export type { SqlProvider };

/** A table as the database names it: `@@map` (or the model name) and `@@schema` / `?schema=`. */
export interface TableName {
  name: string;
  schema?: string;
}

/** Column names of the Session table, after `@map` and Better Auth's `fields` mapping. */
export interface SessionColumns {
  id: string;
  token: string;
  userId: string;
  expiresAt: string;
  createdAt: string;
  ipAddress: string;
  userAgent: string;
}

export interface UserColumns {
  id: string;
  email: string;
  name: string;
}

/** Where to look and in which column: everything the lookup needs from the schema and the version. */
export interface LookupPlan {
  /** Human label of the layout, e.g. "≥ 1.7.3", as the linter says it. */
  versionLabel: string;
  version: string | null;
  session: { table: TableName; columns: SessionColumns };
  user: { table: TableName; columns: UserColumns };
  /** The Better Auth field the version looks the cookie token up by (≤ 0.8: id, ≥ 1.0: token). */
  tokenField: "id" | "token";
  /** Its column name. */
  tokenColumn: string;
  /** The other layout's column: a token found there means schema/data and version disagree. */
  otherColumn: string;
  /** Things the plan had to assume (no Session model, field missing from the model…). */
  notes: string[];
  /** The jwt plugin's key table, read only to verify its `sessionCookieCache` (see jwks.ts). */
  jwks?: JwksTablePlan;
}

/** Columns of the jwt plugin's `jwks` table that a public key is built from. */
export interface JwksColumns {
  id: string;
  publicKey: string;
  alg: string;
  crv: string;
}

export interface JwksTablePlan {
  table: TableName;
  columns: JwksColumns;
  /** Whether the schema has a model for it (else the table name is Better Auth's default). */
  inSchema: boolean;
}

/** What reading the jwks table gave: public keys, or why there are none. */
export interface JwksRead {
  /** The table, qualified when a schema applies. */
  table: string;
  /** Rows read (at most the query's limit). */
  rows: number;
  /** The public keys as `/api/auth/jwks` would serve them; null when there is none to verify with. */
  jwks: { keys: Record<string, unknown>[] } | null;
  /** Where the keys came from, for the cookie report: "the jwks table of <database>". */
  source: string;
  /** One sentence: what was read, or why the cache stays unverified. Never a password. */
  message: string;
}

export type LookupKind =
  | "found"
  | "expired"
  | "not-found"
  | "found-under-other-column"
  | "user-missing"
  | "table-missing"
  | "column-missing"
  | "connect-error"
  | "query-error";

/** The session row, reduced to what explains a sign-in; never the token or the session id. */
export interface SessionRecord {
  userId: string | null;
  /** ISO 8601 UTC. */
  expiresAt: string | null;
  createdAt: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface UserRecord {
  id: string;
  email: string | null;
  name: string | null;
}

export interface LookupResult {
  kind: LookupKind;
  /** One or two sentences a person can act on. Never contains the token or a password. */
  message: string;
  /** The database, with any password replaced by `***`. */
  database: string;
  /** The Session table, qualified when a schema applies. */
  table: string;
  /** The column Better Auth (the detected version) reads. */
  column: string;
  otherColumn: string;
  /** The column the token was found in, when it was found. */
  foundIn: string | null;
  session: SessionRecord | null;
  user: UserRecord | null;
  /** On table-missing: tables in the database whose names look like a session table. */
  similarTables?: string[];
  /** Set when asked to read the jwt plugin's keys (`readJwks`) and the connection opened. */
  jwks?: JwksRead;
  elapsedMs: number;
}

/** The tiny interface every driver adapter implements: one connection, closed afterwards. */
export interface DbConnection {
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  url: string;
  timeoutMs: number;
  /**
   * Folder a relative SQLite `file:` path is resolved from (the schema's or prisma.config's),
   * and where the project's database driver is looked for (walking up, as Node resolves the app's imports).
   */
  baseDir?: string;
}
