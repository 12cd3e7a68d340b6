import { quoteIdent, quoteString } from "../../sql/provider";
import { duplicateMessage } from "../explain";
import type { SessionContext } from "../session-context";
import type { Statement } from "../types";
import { olderThan, type ServerDialect } from "./server-recipes";

// SQL Server. Prisma wraps every migration in BEGIN TRY / BEGIN TRAN … CATCH ROLLBACK; we do the
// same. The whole script is one batch, compiled before it runs, so a statement that reads a
// column added earlier in the same batch goes through EXEC() (else: "Invalid column name").

const q = (name: string) => quoteIdent("sqlserver", name);

export const sqlserverDialect: ServerDialect = {
  addNullableColumn: (c) => `ALTER TABLE ${c.qualified} ADD ${q(c.token.column)} ${c.token.type} NULL;`,
  copyIdIntoToken: (c) =>
    `EXEC(${quoteString(`UPDATE ${c.qualified} SET ${q(c.token.column)} = ${q(c.id.name)} WHERE ${q(c.token.column)} IS NULL`)});`,
  setNotNull: (c) => `ALTER TABLE ${c.qualified} ALTER COLUMN ${q(c.token.column)} ${c.token.type} NOT NULL;`,
  createUnique: (c) => `ALTER TABLE ${c.qualified} ADD CONSTRAINT ${q(c.token.uniqueName)} UNIQUE NONCLUSTERED (${q(c.token.column)});`,
  copyTokenIntoId: (c) =>
    `UPDATE ${c.qualified} SET ${q(c.id.name)} = ${q(c.token.column)} WHERE ${q(c.token.column)} IS NOT NULL AND ${q(c.id.name)} <> ${q(c.token.column)};`,
  // Prisma creates @unique as a UNIQUE constraint and @@index as an index on SQL Server.
  dropIndex: (c, name, unique) => (unique ? `ALTER TABLE ${c.qualified} DROP CONSTRAINT ${q(name)};` : `DROP INDEX ${q(name)} ON ${c.qualified};`),
  dropColumn: (c) => `ALTER TABLE ${c.qualified} DROP COLUMN ${q(c.token.column)};`,
  // SQL Server's unique constraints treat NULLs as equal, so NULL tokens count as duplicates too.
  guardDuplicates: (c) =>
    `IF EXISTS (SELECT 1 FROM ${c.qualified} GROUP BY ${q(c.token.column)} HAVING COUNT(*) > 1)\n` +
    `    THROW 50000, ${quoteString(duplicateMessage(c))}, 1;`,
  deleteOlderDuplicates: (c) =>
    `DELETE [older] FROM ${c.qualified} AS [older]\n` +
    `JOIN ${c.qualified} AS [newer] ON [older].${q(c.token.column)} = [newer].${q(c.token.column)}\n` +
    `  AND ${olderThan(c, "[older]", "[newer]", q)};`,
};

/** Prisma's transaction wrapper around the statements. */
export function wrapInTransaction(statements: Statement[]): Statement[] {
  return [
    { comment: "All or nothing: a failing step rolls back every earlier one (Prisma's own wrapper).", sql: "BEGIN TRY\n\nBEGIN TRAN;" },
    ...statements,
    { comment: "Every step succeeded.", sql: "COMMIT TRAN;\n\nEND TRY\nBEGIN CATCH\n\nIF @@TRANCOUNT > 0\nBEGIN\n    ROLLBACK TRAN;\nEND;\nTHROW\n\nEND CATCH" },
  ];
}
