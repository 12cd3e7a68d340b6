import { describe, expect, it } from "vitest";
import { addColumnsMigration } from "../../src/core/migrations/add-columns";
import { addTablesMigration } from "../../src/core/migrations/add-table";
import { quoteIdent, type SqlProvider } from "../../src/core/sql/provider";
import { scalarFields, tableModel, type TableModel } from "../../src/core/migrations/table-model";
import type { Schema } from "../../src/core/schema/ast";
import { ADDITIONAL_FIELDS, generatedSchema, PLUGINS, type AuthConfig } from "./add-auth-configs";
import { parse } from "./fixtures";
import type { TestDb } from "./scenarios";

// End to end on a real database: build the database Prisma creates from the schema before the
// fix, fill it with rows, apply our migrations for what the fix adds (new tables, new columns),
// then check that every row is still there with the same values and that the database is
// structurally identical to one Prisma creates from the schema after the fix.

export interface AddTarget {
  provider: "postgresql" | "sqlite" | "mysql";
  open(name: string): Promise<TestDb>;
  /** The SQL Prisma creates for a schema. */
  ddl(schema: string): Promise<string>;
}

/** Migration SQL for everything `after` has and `before` lacks, as the quick fixes would write it. */
export function migrationFor(before: string, after: string): { sql: string; notes: string[] } {
  const old = parse(before);
  const next = parse(after);
  const models = (schema: Schema) => schema.blocks.filter((b) => b.kind === "model");
  const oldNames = new Set(models(old).map((b) => b.name));
  const newModels = models(next).filter((b) => !oldNames.has(b.name)).map((b) => b.name);
  const parts: string[] = [];
  const notes: string[] = [];
  if (newModels.length) {
    const plan = addTablesMigration({ schema: next, models: newModels });
    parts.push(plan.sql!);
    notes.push(...plan.notes);
  }
  for (const block of models(next)) {
    const previous = models(old).find((b) => b.name === block.name);
    if (!previous) continue;
    const had = new Set(scalarFields(old, previous).map((f) => f.name));
    const added = scalarFields(next, block).filter((f) => !had.has(f.name)).map((f) => f.name);
    if (!added.length) continue;
    const plan = addColumnsMigration({ schema: next, model: block.name, fields: added });
    parts.push(plan.sql!);
    notes.push(...plan.notes);
  }
  return { sql: parts.join("\n"), notes };
}

const strip = (schema: string) => schema.replace(/  url      = [^\n]*\n/, "");

function config(provider: AuthConfig["provider"], options: AuthConfig["options"]): AuthConfig {
  return { name: provider, provider, idStrategy: "default", usePlural: false, options };
}

/** Schemas of the scenarios, from Better Auth's own generator. */
export async function schemas(provider: AddTarget["provider"]) {
  const { nickname: _nickname, tags: _tags, scores: _scores, preferences: _preferences, ...user } = ADDITIONAL_FIELDS.user;
  const core = strip(await generatedSchema(config(provider, {})));
  const plugins = strip(
    await generatedSchema(
      config(provider, {
        plugins: Object.values(PLUGINS).map((plugin) => plugin()),
        user: { additionalFields: user as never },
        session: {
          additionalFields: {
            ...ADDITIONAL_FIELDS.session,
            signingKeyId: { type: "string", required: false, references: { model: "jwks", field: "id", onDelete: "set null" } },
          } as never,
        },
        rateLimit: { storage: "database" },
      }),
    ),
  );
  const nickname = strip(await generatedSchema(config(provider, { user: { additionalFields: { nickname: ADDITIONAL_FIELDS.user.nickname } as never } })));
  // The same core schema with User.updatedAt not yet there (an app on a layout without it).
  const noUpdatedAt = core.replace(/(model User \{[\s\S]*?)\n  updatedAt[^\n]*/, "$1");
  return { core, plugins, nickname, noUpdatedAt };
}

const NOW = "2026-01-01 00:00:00.000";

function value(column: TableModel["columns"][number], table: string, row: number): string | undefined {
  if (column.optional || (column.default && column.default.kind !== "client")) return undefined;
  if (column.name === "userId") return `'user_${row}'`;
  if (column.name === "id") return `'${table}_${row}'`;
  switch (column.scalar) {
    case "DateTime":
      return `'2025-0${row + 1}-0${row + 1} 10:00:00.000'`;
    case "Boolean":
      return "false";
    case "Int":
    case "BigInt":
      return String(row + 1);
    default:
      return `'${table}_${column.name}_${row}'`;
  }
}

/** Three rows per table (users first), every required column filled. */
export async function seed(db: TestDb, schema: string, dialect: SqlProvider): Promise<void> {
  const parsed = parse(schema);
  const q = (name: string) => quoteIdent(dialect, name);
  const blocks = parsed.blocks.filter((b) => b.kind === "model").sort((a, b) => Number(b.name === "User") - Number(a.name === "User"));
  for (const block of blocks) {
    const table = tableModel(parsed, block, dialect);
    for (let row = 0; row < 3; row++) {
      const cells = table.columns.map((column) => [column.name, value(column, table.name, row)] as const).filter(([, v]) => v !== undefined);
      if (table.columns.some((c) => c.name === "createdAt" && c.default)) cells.push(["createdAt", `'${NOW}'`] as never);
      await db.exec(`INSERT INTO ${q(table.name)} (${cells.map(([c]) => q(c)).join(", ")}) VALUES (${cells.map(([, v]) => v).join(", ")});`);
    }
  }
}

/** Every row of every table of `schema`, limited to that schema's columns. */
export async function rows(db: TestDb, schema: string, dialect: SqlProvider): Promise<Record<string, unknown[]>> {
  const parsed = parse(schema);
  const q = (name: string) => quoteIdent(dialect, name);
  const result: Record<string, unknown[]> = {};
  for (const block of parsed.blocks.filter((b) => b.kind === "model")) {
    const table = tableModel(parsed, block, dialect);
    result[table.name] = await db.query(`SELECT ${table.columns.map((c) => q(c.name)).join(", ")} FROM ${q(table.name)} ORDER BY ${q("id")}`);
  }
  return result;
}

let counter = 0;
const dbName = (label: string) => `a${++counter}_${label}`;

export function describeAddMigrations(label: string, target: () => AddTarget): void {
  const dialect = () => target().provider as SqlProvider;
  let s: Awaited<ReturnType<typeof schemas>>;
  const load = async () => (s ??= await schemas(target().provider));

  async function fresh(name: string, schema: string): Promise<TestDb> {
    const db = await target().open(dbName(name));
    await db.exec(await target().ddl(schema));
    return db;
  }

  describe(`${label}: tables and columns that plugins and additionalFields add`, () => {
    it("creates every plugin table and adds every column, keeps every row, and matches Prisma's database for the new schema", async () => {
      const { core, plugins } = await load();
      const db = await fresh("plugins", core);
      await seed(db, core, dialect());
      const before = await rows(db, core, dialect());
      const { sql } = migrationFor(core, plugins);
      await db.exec(sql);
      expect(await rows(db, core, dialect())).toEqual(before);
      // Existing users got the declared defaults of the new columns.
      const users = await db.query(`SELECT ${quoteIdent(dialect(), "credits")} AS c FROM ${quoteIdent(dialect(), "user")}`);
      expect(users.map((u) => Number(Object.values(u)[0]))).toEqual([10, 10, 10]);
      const reference = await fresh("plugins_ref", plugins);
      expect(await db.structure()).toEqual(await reference.structure());
    });

    it("fills a new @updatedAt column from createdAt", async () => {
      const { core, noUpdatedAt } = await load();
      const db = await fresh("updated", noUpdatedAt);
      await seed(db, noUpdatedAt, dialect());
      const before = await rows(db, noUpdatedAt, dialect());
      await db.exec(migrationFor(noUpdatedAt, core).sql);
      expect(await rows(db, noUpdatedAt, dialect())).toEqual(before);
      const q = (n: string) => quoteIdent(dialect(), n);
      const mismatched = await db.query(`SELECT ${q("id")} FROM ${q("user")} WHERE ${q("updatedAt")} <> ${q("createdAt")} OR ${q("updatedAt")} IS NULL`);
      expect(mismatched).toEqual([]);
      expect(await db.structure()).toEqual(await (await fresh("updated_ref", core)).structure());
    });

    it("a new required column without default: stops before any change when the table has rows, applies on an empty table", async () => {
      const { core, nickname } = await load();
      const { sql, notes } = migrationFor(core, nickname);
      expect(notes.join("\n")).toMatch(/"user" has rows, and the new required column "nick_name" has no default/);
      const db = await fresh("nick", core);
      await seed(db, core, dialect());
      const before = { rows: await rows(db, core, dialect()), structure: await db.structure() };
      const error = await db.exec(sql).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error, "the migration must not invent nicknames").toBeInstanceOf(Error);
      expect(error!.message).toMatch(/"user" has rows, and the new required column "nick_name"|fill_nick_name_in_user_first/);
      expect({ rows: await rows(db, core, dialect()), structure: await db.structure() }).toEqual(before);

      const empty = await fresh("nick_empty", core);
      await empty.exec(sql);
      expect(await empty.structure()).toEqual(await (await fresh("nick_ref", nickname)).structure());
    });
  });
}
