import { why } from "../explain";
import type { SessionContext } from "../session-context";
import type { DuplicateTokens, SessionTransition, Statement } from "../types";

// The three transitions as sequences of steps, for databases that can ALTER a column in place
// (PostgreSQL, CockroachDB, MySQL/MariaDB, SQL Server). Each dialect supplies the SQL text.

export interface ServerDialect {
  addNullableColumn(c: SessionContext): string;
  copyIdIntoToken(c: SessionContext): string;
  setNotNull(c: SessionContext): string;
  createUnique(c: SessionContext): string;
  copyTokenIntoId(c: SessionContext): string;
  dropIndex(c: SessionContext, name: string, unique: boolean): string;
  dropColumn(c: SessionContext): string;
  /** A statement that fails with a clear message when tokens are duplicated; undefined when the dialect has none. */
  guardDuplicates?(c: SessionContext): string;
  deleteOlderDuplicates(c: SessionContext): string;
}

export function serverStatements(d: ServerDialect, c: SessionContext, transition: SessionTransition, duplicates: DuplicateTokens): Statement[] {
  switch (transition) {
    case "add-token":
      return [
        { comment: why.addNullable(c), sql: d.addNullableColumn(c) },
        { comment: why.copyIdIntoToken(c), sql: d.copyIdIntoToken(c) },
        { comment: why.setNotNull(c), sql: d.setNotNull(c) },
        { comment: why.createUnique(c), sql: d.createUnique(c) },
      ];
    case "drop-token":
      return [
        { comment: why.copyTokenIntoId(c), sql: d.copyTokenIntoId(c) },
        ...c.token.indexes.map((index) => ({ comment: why.dropIndex(index.name), sql: d.dropIndex(c, index.name, index.unique) })),
        { comment: why.dropColumn(c), sql: d.dropColumn(c) },
      ];
    case "make-token-unique": {
      const statements: Statement[] = [];
      if (duplicates === "keep-latest") statements.push({ comment: why.deleteDuplicates(c), sql: d.deleteOlderDuplicates(c) });
      else if (d.guardDuplicates) statements.push({ comment: why.guardDuplicates(c), sql: d.guardDuplicates(c) });
      statements.push({ comment: why.createUnique(c), sql: d.createUnique(c) });
      return statements;
    }
  }
}

/** `a < b`, with ties broken by id: which of two rows sharing a token is the older one. */
export function olderThan(c: SessionContext, older: string, newer: string, quote: (name: string) => string): string {
  const id = quote(c.id.name);
  if (!c.expiresAt) return `${older}.${id} < ${newer}.${id}`;
  const exp = quote(c.expiresAt.name);
  return `(${older}.${exp} < ${newer}.${exp} OR (${older}.${exp} = ${newer}.${exp} AND ${older}.${id} < ${newer}.${id}))`;
}
