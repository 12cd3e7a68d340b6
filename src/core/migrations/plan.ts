import { datasourceProvider } from "../schema/query";
import { duplicateCheckSql, duplicateNotes } from "./duplicates";
import { mongodbNotes } from "./mongodb";
import { normalizeProvider, type SqlProvider } from "../sql/provider";
import { referenceNotes } from "./references";
import { renderMigration } from "./render";
import { sessionContext, type SessionContext } from "./session-context";
import { mysqlDialect } from "./sql/mysql";
import { postgresDialect } from "./sql/postgres";
import { serverStatements } from "./sql/server-recipes";
import { sqliteStatements } from "./sql/sqlite";
import { sqlserverDialect, wrapInTransaction } from "./sql/sqlserver";
import type { MigrationPlan, SessionMigrationInput, SessionTransition, Statement } from "./types";

const NAMES: Record<SessionTransition, string> = {
  "add-token": "better_auth_session_token",
  "drop-token": "better_auth_session_id_is_token",
  "make-token-unique": "better_auth_session_token_unique",
};

const TITLES: Record<SessionTransition, (c: SessionContext) => string> = {
  "add-token": (c) => `Session layout of Better Auth ≤ 0.8 → ≥ 1.0: add "${c.token.column}" to "${c.table.name}", filled from "${c.id.name}".`,
  "drop-token": (c) => `Session layout of Better Auth ≥ 1.0 → ≤ 0.8: "${c.id.name}" becomes the token, "${c.token.column}" goes.`,
  "make-token-unique": (c) => `Make "${c.table.name}"."${c.token.column}" unique, as Better Auth ≥ 1.0 needs.`,
};

function statementsFor(c: SessionContext, input: SessionMigrationInput): Statement[] {
  const duplicates = input.duplicates ?? "abort";
  switch (c.dialect) {
    case "postgresql":
    case "cockroachdb":
      return serverStatements(postgresDialect(c.dialect), c, input.transition, duplicates);
    case "mysql":
      return serverStatements(mysqlDialect, c, input.transition, duplicates);
    case "sqlserver":
      return wrapInTransaction(serverStatements(sqlserverDialect, c, input.transition, duplicates));
    case "sqlite":
      return sqliteStatements(c, input.transition, duplicates);
  }
}

function dialectNotes(dialect: SqlProvider, transition: SessionTransition): string[] {
  if (dialect === "mysql" && transition !== "make-token-unique") {
    return ["MySQL/MariaDB commit each ALTER TABLE on its own: if a step fails, fix the cause and apply the remaining steps; every step is safe to run again."];
  }
  if (dialect === "cockroachdb" && transition === "add-token") {
    return [
      "CockroachDB runs a migration script as one transaction and may refuse to UPDATE a column added in the same transaction " +
        '("column is being backfilled"); if `prisma migrate deploy` reports that, run the statements one by one and mark the migration applied with `prisma migrate resolve --applied`.',
    ];
  }
  return [];
}

/**
 * The migration that accompanies the session-token-layout fix: SQL for the datasource's provider
 * that changes the Session table the way the fixed model says, without losing a session.
 */
export function planSessionMigration(input: SessionMigrationInput): MigrationPlan {
  const { schema, session, transition, tokenField } = input;
  const provider = datasourceProvider(schema) ?? "";
  const name = NAMES[transition];
  if (provider === "mongodb") {
    const context = sessionContext(schema, session, "postgresql", tokenField);
    if (typeof context === "string") return { provider, name, notes: [context] };
    return { provider, name, notes: mongodbNotes(context, transition) };
  }
  const dialect = normalizeProvider(provider);
  if (!dialect) {
    return { provider, name, notes: [provider ? `No migration is written for provider "${provider}".` : "The schema has no datasource provider, so no SQL dialect to write in."] };
  }
  const context = sessionContext(schema, session, dialect, tokenField);
  if (typeof context === "string") return { provider, name, notes: [context] };

  const notes: string[] = [];
  if (transition === "add-token") notes.push(`Existing sessions get their id as ${context.token.column}: that is the token their cookies carry, so nobody is signed out.`);
  if (transition === "drop-token") {
    notes.push(`Each session's id is replaced by its ${context.token.column} (the token its cookie carries), so nobody is signed out; the old id values are gone.`);
    notes.push(...referenceNotes(schema, session));
    if (context.id.nativeType && /uuid|uniqueidentifier/i.test(context.id.nativeType.name)) {
      notes.push(`${session.name}.${context.id.field} is a UUID column, but Better Auth tokens are not UUIDs: change its type to a string type before applying.`);
    }
  }
  let duplicateCheck: string | undefined;
  if (transition === "make-token-unique") {
    duplicateCheck = duplicateCheckSql(context);
    notes.push(...duplicateNotes(context, dialect, input.duplicates === "keep-latest"));
  }
  notes.push(...dialectNotes(dialect, transition));

  const header = [
    `Better Auth Doctor: ${TITLES[transition](context)}`,
    `Written for provider "${provider}" to match the fixed Prisma model (names, types, nullability, indexes), so \`prisma migrate dev\` sees no drift.`,
    input.duplicates === "keep-latest" && transition === "make-token-unique"
      ? "As you chose, deletes the older copies of sessions that share a token (each user keeps one). Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`)."
      : "Keeps every session. Review it, then apply with `npx prisma migrate deploy` (or `npx prisma migrate dev`).",
  ];
  return { provider, name, sql: renderMigration(header, statementsFor(context, input)), notes, duplicateCheckSql: duplicateCheck };
}
