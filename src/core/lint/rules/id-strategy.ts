import { databaseIdAdvice, idOptionsFor } from "../../better-auth/id-options";
import { defaultCall, fieldAttribute, idField } from "../../schema/query";
import type { Expr } from "../../schema/ast";
import type { Rule } from "./rule";

const GENERATED = new Set(["uuid", "cuid", "nanoid", "ulid"]);

export const idStrategy: Rule = {
  id: "id-strategy",
  description: "Id columns fit Better Auth's id strategy (advanced.database.generateId).",
  defaultSeverity: "error",
  rationale:
    "Better Auth always sends its own 32-character id unless `advanced.database.generateId` is `false`, `\"serial\"` or `\"uuid\"`. " +
    "A `@default(uuid())` is then dead code, and with `@db.Uuid` every insert fails (\"invalid input syntax for type uuid\", " +
    "better-auth#2598). `false` needs a database default; `\"serial\"` needs Int ids.",
  examples: {
    bad: { title: "uuid column with the default strategy", schema: "model User {\n  id String @id @default(uuid()) @db.Uuid\n}" },
    good: { title: "Better Auth's own ids", schema: "model User {\n  id String @id\n}" },
  },
  byVersion: [
    {
      versions: "0.4.0–0.8.8",
      behaviour: "Better Auth writes its own id (21-character nanoid) on every insert; there is no option to leave ids to the database.",
      source: "better-auth@0.8.8 dist/db.js (createInternalAdapter)",
    },
    {
      versions: "1.0.0–1.2.5",
      behaviour: "The adapter sends `advanced.generateId({ model })` or its own id (nanoid 21 in 1.0, 32 alphanumerics from 1.1.1); `advanced.generateId: false` leaves the id to the database. A string is called as a function and throws.",
      source: "better-auth@1.0.0 dist/adapters/prisma.js (transformInput), better-auth@1.1.1 dist/db.js",
    },
    {
      versions: "1.2.6–1.3.34",
      behaviour: "The option moves to `advanced.database.generateId` (the old key still read); values: a function or `false`.",
      source: "better-auth@1.2.6 dist/shared/better-auth.C0YmvEre.mjs",
    },
    {
      versions: "1.4.0–1.7.25",
      behaviour: "`\"uuid\"` (crypto.randomUUID, or the database's own default where it has UUIDs) and `\"serial\"` (database integers) are accepted too. With the default, ids are 32 alphanumerics — never a UUID, so a @db.Uuid column refuses them.",
      source: "better-auth@1.4.0 dist/get-migration-DFWocmZ4.mjs; better-auth@1.7.25 dist/db/internal-adapter.mjs",
    },
  ],
  check(context) {
    const strategy = context.config.generateId ?? "default";
    const version = context.version.version;
    const path = idOptionsFor(version).path ?? "advanced.database.generateId";
    for (const { key } of context.expected) {
      const block = context.models.get(key)?.block;
      // In the ≤ 0.8 layout the session id is the token; session-token-layout speaks for it.
      if (!block || (key === "session" && context.layout.sessionTokenColumn === "id")) continue;
      const id = idField(block);
      if (!id?.type) continue;
      const generator = defaultCall(id);
      const uuidColumn = fieldAttribute(id, "db.Uuid");
      if (strategy === "default" && uuidColumn) {
        // Better Auth's own ids are 32 alphanumerics (nanoid in 1.0), never a UUID: PostgreSQL
        // refuses them, with or without a database default.
        context.report({
          range: uuidColumn.range,
          file: block.file,
          model: block,
          field: id.name,
          message:
            `${block.name}.${id.name} is a @db.Uuid column, but ${context.versionLabel} writes its own 32-character ids, so every insert ` +
            `fails ("invalid input syntax for type uuid", better-auth#2598). Either ${databaseIdAdvice(version, true)}` +
            `${idOptionsFor(version).uuid ? "" : " and give the column a database default"}, or drop @db.Uuid.`,
        });
      } else if (strategy === "default" && generator && GENERATED.has(generator)) {
        context.report({
          range: fieldAttribute(id, "default")!.range,
          file: block.file,
          model: block,
          field: id.name,
          severity: "info",
          message:
            `${block.name}.${id.name} has @default(${callText(fieldAttribute(id, "default")!.args[0]!.value)}), but ${context.versionLabel} always sends its own id, so the default never ` +
            `runs. If you want the database to make ids, ${databaseIdAdvice(version, generator === "uuid")}.`,
        });
      } else if (strategy === false && !fieldAttribute(id, "default")) {
        context.report({
          range: id.range,
          file: block.file,
          model: block,
          field: id.name,
          // Info, not error: Better Auth's own generator writes exactly this for generateId: false,
          // and the contract is that its output lints clean; the message still says what fails.
          severity: "info",
          message:
            `${block.name}.${id.name} has no default, but with generateId: false Better Auth sends no id and leaves it to the database, ` +
            "so Prisma rejects every create (\"Argument `id` is missing\") until the column gets one: add @default(uuid()), @default(cuid()) " +
            "or use Int @default(autoincrement()). (Better Auth's generator leaves this to you.)",
        });
      } else if (strategy === "serial" && id.type.name !== "Int" && id.type.name !== "BigInt") {
        context.report({
          range: id.type.range,
          file: block.file,
          model: block,
          field: id.name,
          message: `${block.name}.${id.name} is ${id.type.name}, but ${path}: "serial" makes Better Auth expect numeric ids: use Int @default(autoincrement()) (and Int foreign keys).`,
        });
      }
    }
  },
};

/** `uuid(7)`, `cuid(2)`, `nanoid(16)`: the default as written, for the message. */
function callText(value: Expr): string {
  if (value.kind !== "call") return "";
  const args = value.args.map(({ value: arg }) => (arg.kind === "number" ? arg.text : arg.kind === "string" ? JSON.stringify(arg.value) : arg.kind === "identifier" ? arg.name : "…"));
  return `${value.name}(${args.join(", ")})`;
}
