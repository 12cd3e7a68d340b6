import type { Block, Schema } from "../schema/ast";

/**
 * The three Session changes the `session-token-layout` fix makes:
 * - `add-token`: ≤ 0.8 layout → 1.x (a separate, unique `token` column, filled from `id`);
 * - `drop-token`: 1.x layout → ≤ 0.8 (`id` becomes the token, `token` goes);
 * - `make-token-unique`: 1.x layout whose `token` is not unique yet.
 */
export type SessionTransition = "add-token" | "drop-token" | "make-token-unique";

/**
 * What to do with sessions that share a token when `token` becomes unique. Deleting rows is
 * never the default: only pass `keep-latest` when the user picked it in a prompt.
 */
export type DuplicateTokens = "abort" | "keep-latest";

export interface SessionMigrationInput {
  schema: Schema;
  session: Block;
  transition: SessionTransition;
  /** Prisma field name of the token (`token`, or what `session.fields.token` maps it to). */
  tokenField: string;
  /** make-token-unique only; defaults to `abort`. */
  duplicates?: DuplicateTokens;
}

export interface MigrationPlan {
  /** Datasource provider as written in the schema. */
  provider: string;
  /** Migration name for the folder, e.g. `better_auth_session_token`. */
  name: string;
  /** Full migration.sql text; undefined for MongoDB (and when no SQL can be written). */
  sql?: string;
  /** Human explanations: what to run instead on MongoDB, duplicate advice, foreign keys… */
  notes: string[];
  /** For make-token-unique: a read-only query the caller can run first to find duplicates. */
  duplicateCheckSql?: string;
}

/** One statement of a migration and the comment saying why it is there. */
export interface Statement {
  comment: string;
  sql: string;
}
