import { uniqueIndexName } from "../constraint-names";
import { why } from "../explain";
import { quoteIdent } from "../../sql/provider";
import type { SessionContext } from "../session-context";
import type { Column, Index, TableModel } from "../table-model";
import type { DuplicateTokens, SessionTransition, Statement } from "../types";
import { olderThan } from "./server-recipes";
import { createIndexSql, createTableSql } from "./sqlite-table";

// SQLite cannot add a NOT NULL column without a default nor drop an indexed column in place,
// so adding or dropping the token rebuilds the table the way Prisma's own migrations do
// ("RedefineTables"): create new_<table>, copy the rows, drop, rename, recreate the indexes.

const q = (name: string) => quoteIdent("sqlite", name);

/** The table after the transition: the token column added right after id (where the fix puts the field), or removed. */
function targetTable(c: SessionContext, transition: "add-token" | "drop-token"): TableModel {
  const { table, token } = c;
  if (transition === "drop-token") {
    return {
      ...table,
      columns: table.columns.filter((column) => column.name !== token.column),
      indexes: table.indexes.filter((index) => !token.indexes.includes(index)),
    };
  }
  const columns = [...table.columns];
  if (!token.existing) {
    const column: Column = { field: token.field, name: token.column, scalar: "String", isEnum: false, unsupported: false, optional: false, list: false };
    columns.splice(columns.indexOf(c.id) + 1, 0, column);
  }
  const indexes = [...table.indexes];
  if (!token.indexes.some((index) => index.unique && index.fields.length === 1)) {
    // The fix writes a field-level `@unique`; Prisma lists those first, in field order.
    const unique: Index = { name: uniqueIndexName("sqlite", table.name, [token.column]), unique: true, columns: [{ name: token.column }], fields: [token.field], fieldLevel: true };
    const position = columns.findIndex((column) => column.name === token.column);
    const before = indexes.filter((index) => index.fieldLevel && columns.findIndex((column) => column.field === index.fields[0]) < position).length;
    indexes.splice(before, 0, unique);
  }
  return { ...table, columns, indexes };
}

function rebuild(c: SessionContext, target: TableModel, copyFrom: (column: Column) => string, copyWhy: string): Statement[] {
  const temp = `new_${target.name}`;
  const columns = target.columns.map((column) => q(column.name)).join(", ");
  const sources = target.columns.map(copyFrom).join(", ");
  return [
    {
      comment: "SQLite cannot change this table in place: rebuild it as Prisma does. Foreign keys are checked once at the end, not while the tables are swapped.",
      sql: "PRAGMA defer_foreign_keys=ON;",
    },
    { comment: "Dropping the old table below must not cascade to, or fail on, rows that reference it.", sql: "PRAGMA foreign_keys=OFF;" },
    { comment: `The table exactly as Prisma creates it from the new ${c.table.name} model.`, sql: createTableSql(target, temp) },
    { comment: copyWhy, sql: `INSERT INTO ${q(temp)} (${columns}) SELECT ${sources} FROM ${q(c.table.name)};` },
    { comment: `Every row is in ${temp} now.`, sql: `DROP TABLE ${q(c.table.name)};` },
    { comment: "Take the old table's name; references from other tables keep pointing at it.", sql: `ALTER TABLE ${q(temp)} RENAME TO ${q(target.name)};` },
    ...target.indexes.map((index) => ({
      comment:
        index.fields.length === 1 && index.fields[0] === c.token.field && index.unique
          ? why.createUnique(c)
          : `Indexes go with the dropped table; recreate "${index.name}" under the name Prisma gives it.`,
      sql: createIndexSql(target, index),
    })),
    { comment: "Foreign keys on again, as Prisma leaves the connection.", sql: "PRAGMA foreign_keys=ON;" },
    { comment: "Back to immediate foreign key checks.", sql: "PRAGMA defer_foreign_keys=OFF;" },
  ];
}

export function sqliteStatements(c: SessionContext, transition: SessionTransition, duplicates: DuplicateTokens): Statement[] {
  switch (transition) {
    case "add-token":
      return rebuild(
        c,
        targetTable(c, "add-token"),
        (column) => (column.name === c.token.column && !c.token.existing ? q(c.id.name) : q(column.name)),
        `Copy every session. Up to 0.8 the id IS the token the cookie carries, so "${c.token.column}" is filled from "${c.id.name}" and every signed-in user stays signed in.`,
      );
    case "drop-token":
      return [
        // Before the rebuild, while foreign keys are still on: ON UPDATE CASCADE then follows the new ids.
        { comment: why.copyTokenIntoId(c), sql: `UPDATE ${q(c.table.name)} SET ${q(c.id.name)} = ${q(c.token.column)} WHERE ${q(c.token.column)} IS NOT NULL AND ${q(c.id.name)} <> ${q(c.token.column)};` },
        ...rebuild(c, targetTable(c, "drop-token"), (column) => q(column.name), `Copy every session, without "${c.token.column}" (its value is in "${c.id.name}" now).`),
      ];
    case "make-token-unique": {
      const statements: Statement[] = [];
      if (duplicates === "keep-latest") {
        statements.push({
          comment: why.deleteDuplicates(c),
          sql:
            `DELETE FROM ${q(c.table.name)} WHERE EXISTS (\n` +
            `  SELECT 1 FROM ${q(c.table.name)} AS "newer"\n` +
            `  WHERE "newer".${q(c.token.column)} = ${q(c.table.name)}.${q(c.token.column)}\n` +
            `    AND ${olderThan(c, q(c.table.name), '"newer"', q)}\n);`,
        });
      }
      // No guard: SQLite cannot raise an error outside a trigger; the index fails on its own
      // ("UNIQUE constraint failed") and changes nothing.
      statements.push({ comment: why.createUnique(c), sql: `CREATE UNIQUE INDEX ${q(c.token.uniqueName)} ON ${q(c.table.name)}(${q(c.token.column)});` });
      return statements;
    }
  }
}
