import { quoteIdent } from "../../sql/provider";
import type { SessionContext } from "../session-context";
import { olderThan, type ServerDialect } from "./server-recipes";

// MySQL and MariaDB. DDL commits implicitly, statement by statement, so each step is written to
// be safe to re-run after a failure in the middle (`WHERE … IS NULL`, `<>`).

const q = (name: string) => quoteIdent("mysql", name);

function tokenKeyPart(c: SessionContext): string {
  // A unique index on TEXT needs a prefix length (`@unique(length: 191)` in the schema).
  return q(c.token.column) + (c.token.uniqueLength ? `(${c.token.uniqueLength})` : "");
}

export const mysqlDialect: ServerDialect = {
  addNullableColumn: (c) => `ALTER TABLE ${c.qualified} ADD COLUMN ${q(c.token.column)} ${c.token.type} NULL;`,
  copyIdIntoToken: (c) => `UPDATE ${c.qualified} SET ${q(c.token.column)} = ${q(c.id.name)} WHERE ${q(c.token.column)} IS NULL;`,
  setNotNull: (c) => `ALTER TABLE ${c.qualified} MODIFY ${q(c.token.column)} ${c.token.type} NOT NULL;`,
  createUnique: (c) => `CREATE UNIQUE INDEX ${q(c.token.uniqueName)} ON ${c.qualified}(${tokenKeyPart(c)});`,
  copyTokenIntoId: (c) =>
    `UPDATE ${c.qualified} SET ${q(c.id.name)} = ${q(c.token.column)} WHERE ${q(c.token.column)} IS NOT NULL AND ${q(c.id.name)} <> ${q(c.token.column)};`,
  dropIndex: (c, name) => `DROP INDEX ${q(name)} ON ${c.qualified};`,
  dropColumn: (c) => `ALTER TABLE ${c.qualified} DROP COLUMN ${q(c.token.column)};`,
  // MySQL has no anonymous blocks to raise an error from; CREATE UNIQUE INDEX then fails on its
  // own ("Duplicate entry … for key …") without changing anything.
  guardDuplicates: undefined,
  deleteOlderDuplicates: (c) =>
    `DELETE \`older\` FROM ${c.qualified} AS \`older\`\n` +
    `JOIN ${c.qualified} AS \`newer\` ON \`older\`.${q(c.token.column)} = \`newer\`.${q(c.token.column)}\n` +
    `  AND ${olderThan(c, "`older`", "`newer`", q)};`,
};
