import { quoteIdent, quoteString, type SqlProvider } from "../../sql/provider";
import { duplicateMessage } from "../explain";
import type { SessionContext } from "../session-context";
import { olderThan, type ServerDialect } from "./server-recipes";

// PostgreSQL and CockroachDB (Prisma renders both through its Postgres flavour). A migration
// script runs as one implicit transaction there, so a failing statement leaves nothing behind.

export function postgresDialect(dialect: Extract<SqlProvider, "postgresql" | "cockroachdb">): ServerDialect {
  const q = (name: string) => quoteIdent(dialect, name);
  const schemaPrefix = (c: SessionContext) => (c.table.schema ? `${q(c.table.schema)}.` : "");
  return {
    addNullableColumn: (c) => `ALTER TABLE ${c.qualified} ADD COLUMN ${q(c.token.column)} ${c.token.type};`,
    copyIdIntoToken: (c) => `UPDATE ${c.qualified} SET ${q(c.token.column)} = ${q(c.id.name)} WHERE ${q(c.token.column)} IS NULL;`,
    setNotNull: (c) => `ALTER TABLE ${c.qualified} ALTER COLUMN ${q(c.token.column)} SET NOT NULL;`,
    createUnique: (c) => `CREATE UNIQUE INDEX ${q(c.token.uniqueName)} ON ${c.qualified}(${q(c.token.column)});`,
    copyTokenIntoId: (c) =>
      `UPDATE ${c.qualified} SET ${q(c.id.name)} = ${q(c.token.column)} WHERE ${q(c.token.column)} IS NOT NULL AND ${q(c.id.name)} <> ${q(c.token.column)};`,
    dropIndex: (c, name) => `DROP INDEX ${schemaPrefix(c)}${q(name)};`,
    dropColumn: (c) => `ALTER TABLE ${c.qualified} DROP COLUMN ${q(c.token.column)};`,
    // CockroachDB only runs DO blocks from 23.2; there the unique index's own error has to do.
    guardDuplicates:
      dialect === "postgresql"
        ? (c) =>
            [
              "DO $$",
              "BEGIN",
              `  IF EXISTS (SELECT 1 FROM ${c.qualified} WHERE ${q(c.token.column)} IS NOT NULL GROUP BY ${q(c.token.column)} HAVING COUNT(*) > 1) THEN`,
              `    RAISE EXCEPTION ${quoteString(duplicateMessage(c))};`,
              "  END IF;",
              "END $$;",
            ].join("\n")
        : undefined,
    deleteOlderDuplicates: (c) =>
      `DELETE FROM ${c.qualified} AS "older" USING ${c.qualified} AS "newer"\n` +
      `WHERE "older".${q(c.token.column)} = "newer".${q(c.token.column)}\n` +
      `  AND ${olderThan(c, '"older"', '"newer"', q)};`,
  };
}
