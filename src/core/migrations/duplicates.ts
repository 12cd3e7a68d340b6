import { quoteIdent, type SqlProvider } from "../sql/provider";
import type { SessionContext } from "./session-context";

/** A read-only query listing tokens held by more than one session, for the caller to run before make-token-unique. */
export function duplicateCheckSql(c: SessionContext): string {
  const q = (name: string) => quoteIdent(c.dialect, name);
  const token = q(c.token.column);
  // SQL Server's unique constraints treat NULLs as equal; everywhere else several NULLs are fine.
  const where = c.dialect === "sqlserver" ? "" : ` WHERE ${token} IS NOT NULL`;
  return `SELECT ${token}, COUNT(*) AS ${q("sessions")} FROM ${c.qualified}${where} GROUP BY ${token} HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC;`;
}

export function duplicateNotes(c: SessionContext, dialect: SqlProvider, keepLatest: boolean): string[] {
  const stops =
    dialect === "postgresql" || dialect === "sqlserver"
      ? "the migration stops at its first statement with a message saying so"
      : "creating the unique index fails with a duplicate-key error";
  if (keepLatest) {
    return [
      `Sessions that share a ${c.token.column} are resolved as you chose: for each token the session that ` +
        `${c.expiresAt ? "expires last" : "has the greatest id"} is kept and the others are deleted. ` +
        "They carry the same cookie token, so nobody is signed out.",
    ];
  }
  return [
    `Before applying, run the duplicate check (read-only) on the database: it lists every ${c.token.column} held by more than one session.`,
    `If it lists any, ${stops}, and nothing is changed. Then either regenerate the migration choosing "keep the latest session per token" ` +
      "(it deletes the older copies; the user stays signed in with the kept one), or delete the duplicates yourself and apply it again.",
  ];
}
