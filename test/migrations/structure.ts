import type Database from "better-sqlite3";
import type mysql from "mysql2/promise";
import type pg from "pg";

// What "the same database" means for the comparison with a database Prisma created from the
// fixed schema: tables, columns (type, length, nullability, default), index names and
// definitions, constraint names and definitions — what Prisma's drift check looks at. Column
// order is left out for PostgreSQL and MySQL (ADD COLUMN appends; Prisma ignores the order).

export async function postgresStructure(client: pg.Client): Promise<unknown> {
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, character_maximum_length, datetime_precision, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
  const indexes = await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`);
  const constraints = await client.query(
    `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
}

export async function mariadbStructure(connection: mysql.Connection): Promise<unknown> {
  const [columns] = await connection.query(
    `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, COLUMN_NAME`,
  );
  const [indexes] = await connection.query(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const [foreignKeys] = await connection.query(
    `SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME, UPDATE_RULE, DELETE_RULE
       FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY CONSTRAINT_NAME`,
  );
  const [tables] = await connection.query(
    `SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME`,
  );
  return { tables, columns, indexes, foreignKeys };
}

/** SQLite keeps the CREATE statements themselves, so those are compared verbatim (column order included). */
export function sqliteStructure(db: Database.Database): unknown {
  const master = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
    type: string;
    name: string;
  }[];
  const tables = master.filter((row) => row.type === "table").map((row) => row.name);
  return {
    master,
    tables: Object.fromEntries(
      tables.map((table) => [
        table,
        {
          columns: db.pragma(`table_info("${table}")`),
          // Index creation order (index_list's seq) is not structure; sort by name.
          indexes: (db.pragma(`index_list("${table}")`) as { name: string; seq?: number }[])
            .map(({ seq: _seq, ...index }) => index)
            .sort((a, b) => a.name.localeCompare(b.name)),
          foreignKeys: db.pragma(`foreign_key_list("${table}")`),
        },
      ]),
    ),
  };
}
