import { quoteIdent } from "../../sql/provider";
import type { TableModel } from "../table-model";
import type { Statement } from "../types";
import { createIndexSql, createTableSql } from "./sqlite-table";

// SQLite's ALTER TABLE cannot add a NOT NULL column without a constant default, a column with a
// foreign key and a default, nor reproduce Prisma's CREATE TABLE text; Prisma therefore rebuilds
// the table ("RedefineTables"): create new_<table>, copy the rows, drop, rename, recreate the
// indexes. The same steps here, so the result is the table `prisma migrate dev` would create.

const q = (name: string) => quoteIdent("sqlite", name);

/**
 * Rebuild `target.name` as `target`. `copy` says, per column of the new table, which SQL
 * expression over the old table fills it; columns left out get their DEFAULT (or NULL).
 */
export function rebuildTable(target: TableModel, copy: { column: string; from: string }[], copyWhy: string): Statement[] {
  const temp = `new_${target.name}`;
  return [
    {
      comment: "SQLite cannot change this table in place: rebuild it as Prisma does. Foreign keys are checked once at the end, not while the tables are swapped.",
      sql: "PRAGMA defer_foreign_keys=ON;",
    },
    { comment: "Dropping the old table below must not cascade to, or fail on, rows that reference it.", sql: "PRAGMA foreign_keys=OFF;" },
    { comment: `The table exactly as Prisma creates it from the new ${target.name} model.`, sql: createTableSql(target, temp) },
    {
      comment: copyWhy,
      sql: `INSERT INTO ${q(temp)} (${copy.map((c) => q(c.column)).join(", ")}) SELECT ${copy.map((c) => c.from).join(", ")} FROM ${q(target.name)};`,
    },
    { comment: `Every row is in ${temp} now.`, sql: `DROP TABLE ${q(target.name)};` },
    { comment: "Take the old table's name; references from other tables keep pointing at it.", sql: `ALTER TABLE ${q(temp)} RENAME TO ${q(target.name)};` },
    ...target.indexes.map((index) => ({
      comment: `Indexes go with the dropped table; (re)create "${index.name}" under the name Prisma gives it.`,
      sql: createIndexSql(target, index),
    })),
    { comment: "Foreign keys on again, as Prisma leaves the connection.", sql: "PRAGMA foreign_keys=ON;" },
    { comment: "Back to immediate foreign key checks.", sql: "PRAGMA defer_foreign_keys=OFF;" },
  ];
}
