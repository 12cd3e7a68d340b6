import type { Attribute, Block, Expr, Field, Schema } from "../schema/ast";
import { blockAttributes, fieldAttribute, mappedName, namedArg, stringValue } from "../schema/query";
import { foreignKeyName, indexName, primaryKeyName, uniqueIndexName } from "./constraint-names";
import type { SqlProvider } from "../sql/provider";

// The Session table as Prisma Migrate would create it from the model: real table and column
// names (`@@map`/`@map`), types, defaults, primary key, indexes and foreign keys with Prisma's
// names. Everything a migration statement names comes from here, never from the Prisma names.

export type DefaultValue =
  | { kind: "now" }
  | { kind: "autoincrement" }
  | { kind: "string"; value: string }
  | { kind: "number"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "enum"; value: string }
  | { kind: "dbgenerated"; sql: string }
  /** `@default(["a", "b"])` on a list (PostgreSQL, CockroachDB). */
  | { kind: "list"; items: DefaultValue[] }
  /** uuid(), cuid(), nanoid()…: Prisma Client fills these, the database has no default. */
  | { kind: "client" };

export interface NativeType {
  /** `VarChar` in `@db.VarChar(191)`. */
  name: string;
  args: string[];
}

export interface Column {
  field: string;
  name: string;
  /** Prisma scalar (`String`, `DateTime`…), an enum name, or the text inside `Unsupported("…")`. */
  scalar: string;
  isEnum: boolean;
  unsupported: boolean;
  nativeType?: NativeType;
  optional: boolean;
  list: boolean;
  default?: DefaultValue;
}

export interface IndexColumn {
  name: string;
  /** MySQL prefix length, `token(length: 191)`. */
  length?: number;
  sort?: "Asc" | "Desc";
}

export interface Index {
  name: string;
  unique: boolean;
  columns: IndexColumn[];
  /** Prisma fields the index lists, to match it against the token field. */
  fields: string[];
  /** Declared on the field (`@unique`) rather than the model (`@@unique`, `@@index`). */
  fieldLevel: boolean;
}

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export interface ForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedSchema?: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableModel {
  name: string;
  /** `@@schema("…")` (multiSchema); undefined means the connection's default schema. */
  schema?: string;
  columns: Column[];
  primaryKey: { name: string; columns: string[] };
  indexes: Index[];
  foreignKeys: ForeignKey[];
}

export function tableName(block: Block): string {
  return mappedName(block) ?? block.name;
}

export function columnName(field: Field): string {
  return stringValue(fieldAttribute(field, "map")?.args[0]?.value) ?? field.name;
}

export function modelSchema(block: Block): string | undefined {
  return stringValue(blockAttributes(block, "schema")[0]?.args[0]?.value);
}

function exprText(expr: Expr): string {
  switch (expr.kind) {
    case "string":
      return expr.value;
    case "number":
      return expr.text;
    case "identifier":
      return expr.name;
    default:
      return "";
  }
}

// The parser keeps string literals as written; the database gets the value (`\"` → `"`).
const unescape = (text: string) => text.replace(/\\(.)/g, "$1");

function defaultOf(field: Field, isEnum: boolean): DefaultValue | undefined {
  const value = fieldAttribute(field, "default")?.args.find((a) => a.name === undefined || a.name === "value")?.value;
  return value && defaultValue(value, isEnum);
}

function defaultValue(value: Expr, isEnum: boolean): DefaultValue | undefined {
  switch (value.kind) {
    case "array": {
      const items = value.items.map((item) => defaultValue(item, isEnum));
      return items.every((item) => item !== undefined) ? { kind: "list", items: items as DefaultValue[] } : undefined;
    }
    case "string":
      return { kind: "string", value: unescape(value.value) };
    case "number":
      return { kind: "number", text: value.text };
    case "identifier":
      if (value.name === "true" || value.name === "false") return { kind: "boolean", value: value.name === "true" };
      return isEnum ? { kind: "enum", value: value.name } : undefined;
    case "call":
      if (value.name === "now") return { kind: "now" };
      if (value.name === "autoincrement" || value.name === "sequence") return { kind: "autoincrement" };
      if (value.name === "dbgenerated") {
        const sql = stringValue(value.args[0]?.value);
        return sql === undefined ? undefined : { kind: "dbgenerated", sql };
      }
      return { kind: "client" };
    default:
      return undefined;
  }
}

function nativeTypeOf(field: Field): NativeType | undefined {
  const attribute = field.attributes.find((a) => !a.block && a.name.startsWith("db."));
  if (!attribute) return undefined;
  return { name: attribute.name.slice(3), args: attribute.args.map((a) => exprText(a.value)) };
}

function isModelType(schema: Schema, name: string): boolean {
  return schema.blocks.some((b) => (b.kind === "model" || b.kind === "view") && b.name === name);
}

function isCompositeType(schema: Schema, name: string): boolean {
  return schema.blocks.some((b) => b.kind === "type" && b.name === name);
}

/** Fields backed by a column: not relation fields, not back-relation lists. */
export function scalarFields(schema: Schema, block: Block): Field[] {
  return block.fields.filter((field) => {
    const type = field.type?.name;
    if (!type || fieldAttribute(field, "relation")) return false;
    return !isModelType(schema, type) && !isCompositeType(schema, type);
  });
}

function sourceLine(schema: Schema, block: Block, field: Field): string {
  const text = schema.files.find((file) => file.path === block.file)?.text ?? "";
  return text.split("\n")[field.range.start.line] ?? "";
}

export function toColumn(schema: Schema, block: Block, field: Field): Column {
  const type = field.type!;
  const isEnum = schema.blocks.some((b) => b.kind === "enum" && b.name === type.name);
  const unsupported = type.name === "Unsupported";
  // The parser keeps only the name of `Unsupported("…")`; its argument, the SQL type, is read from the source.
  const scalar = unsupported ? (/Unsupported\(\s*"([^"]*)"/.exec(sourceLine(schema, block, field))?.[1] ?? "Unsupported") : type.name;
  return {
    field: field.name,
    name: columnName(field),
    scalar,
    isEnum,
    unsupported,
    nativeType: nativeTypeOf(field),
    optional: type.optional,
    list: type.list,
    default: defaultOf(field, isEnum),
  };
}

/** Index columns of `[a, b(length: 10, sort: Desc)]`, with column names resolved. */
function indexColumns(block: Block, attribute: Attribute): { columns: IndexColumn[]; fields: string[] } {
  const list = namedArg(attribute, "fields") ?? attribute.args.find((a) => a.name === undefined)?.value;
  const columns: IndexColumn[] = [];
  const fields: string[] = [];
  if (list?.kind !== "array") return { columns, fields };
  for (const item of list.items) {
    const name = item.kind === "identifier" ? item.name : item.kind === "call" ? item.name : undefined;
    if (!name) continue;
    const field = block.fields.find((f) => f.name === name);
    const column: IndexColumn = { name: field ? columnName(field) : name };
    if (item.kind === "call") {
      const length = item.args.find((a) => a.name === "length")?.value;
      if (length?.kind === "number") column.length = length.value;
      const sort = item.args.find((a) => a.name === "sort")?.value;
      if (sort?.kind === "identifier" && (sort.name === "Asc" || sort.name === "Desc")) column.sort = sort.name;
    }
    fields.push(name);
    columns.push(column);
  }
  return { columns, fields };
}

function fieldLevelIndexColumn(field: Field, attribute: Attribute): IndexColumn {
  const column: IndexColumn = { name: columnName(field) };
  const length = namedArg(attribute, "length");
  if (length?.kind === "number") column.length = length.value;
  const sort = namedArg(attribute, "sort");
  if (sort?.kind === "identifier" && (sort.name === "Asc" || sort.name === "Desc")) column.sort = sort.name;
  return column;
}

function referentialAction(expr: Expr | undefined): ReferentialAction | undefined {
  if (expr?.kind !== "identifier") return undefined;
  return ["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"].includes(expr.name) ? (expr.name as ReferentialAction) : undefined;
}

function relationMode(schema: Schema): string | undefined {
  for (const block of schema.blocks) {
    if (block.kind !== "datasource") continue;
    const mode = stringValue(block.assignments.find((a) => a.key === "relationMode" || a.key === "referentialIntegrity")?.value);
    if (mode) return mode;
  }
  return undefined;
}

function foreignKeys(schema: Schema, block: Block, dialect: SqlProvider, table: string): ForeignKey[] {
  // With `relationMode = "prisma"` Prisma emulates relations and creates no foreign keys.
  if (relationMode(schema) === "prisma") return [];
  const result: ForeignKey[] = [];
  for (const field of block.fields) {
    const relation = fieldAttribute(field, "relation");
    const fieldsArg = relation && namedArg(relation, "fields");
    const referencesArg = relation && namedArg(relation, "references");
    if (!relation || fieldsArg?.kind !== "array" || referencesArg?.kind !== "array") continue;
    const target = schema.blocks.find((b) => b.kind === "model" && b.name === field.type?.name);
    if (!target) continue;
    const localFields = fieldsArg.items.flatMap((i) => (i.kind === "identifier" ? [block.fields.find((f) => f.name === i.name)] : [])).filter((f): f is Field => !!f);
    const columns = localFields.map(columnName);
    const referencedColumns = referencesArg.items.flatMap((i) => {
      if (i.kind !== "identifier") return [];
      const referenced = target.fields.find((f) => f.name === i.name);
      return [referenced ? columnName(referenced) : i.name];
    });
    // Prisma's defaults: SetNull when any scalar is optional, else Restrict; updates cascade.
    const anyOptional = localFields.some((f) => f.type?.optional);
    result.push({
      // SQLite has no named foreign keys (Prisma rejects `map:` there) and always writes the default name.
      name: (dialect === "sqlite" ? undefined : stringValue(namedArg(relation, "map"))) ?? foreignKeyName(dialect, table, columns),
      columns,
      referencedTable: tableName(target),
      referencedSchema: modelSchema(target),
      referencedColumns,
      onDelete: referentialAction(namedArg(relation, "onDelete")) ?? (anyOptional ? "SetNull" : "Restrict"),
      onUpdate: referentialAction(namedArg(relation, "onUpdate")) ?? "Cascade",
    });
  }
  return result;
}

/** The table Prisma Migrate creates for `block`, in the dialect's naming. */
export function tableModel(schema: Schema, block: Block, dialect: SqlProvider): TableModel {
  const name = tableName(block);
  const fields = scalarFields(schema, block);
  const columns = fields.map((field) => toColumn(schema, block, field));
  const idField = fields.find((field) => fieldAttribute(field, "id"));
  const blockId = blockAttributes(block, "id")[0];
  const primaryKey = idField
    ? { name: stringValue(namedArg(fieldAttribute(idField, "id")!, "map")) ?? primaryKeyName(dialect, name), columns: [columnName(idField)] }
    : blockId
      ? { name: stringValue(namedArg(blockId, "map")) ?? primaryKeyName(dialect, name), columns: indexColumns(block, blockId).columns.map((c) => c.name) }
      : { name: primaryKeyName(dialect, name), columns: [] };

  const indexes: Index[] = [];
  // Prisma's order (seen in its SQLite output): field-level @unique in field order, then every
  // @@index, then every @@unique, each in source order.
  for (const field of fields) {
    const unique = fieldAttribute(field, "unique");
    if (!unique) continue;
    const column = fieldLevelIndexColumn(field, unique);
    indexes.push({
      name: stringValue(namedArg(unique, "map")) ?? uniqueIndexName(dialect, name, [column.name]),
      unique: true,
      columns: [column],
      fields: [field.name],
      fieldLevel: true,
    });
  }
  for (const attribute of [...blockAttributes(block, "index"), ...blockAttributes(block, "unique")]) {
    const { columns: indexCols, fields: indexFields } = indexColumns(block, attribute);
    const unique = attribute.name === "unique";
    const names = indexCols.map((c) => c.name);
    indexes.push({
      name: stringValue(namedArg(attribute, "map")) ?? (unique ? uniqueIndexName(dialect, name, names) : indexName(dialect, name, names)),
      unique,
      columns: indexCols,
      fields: indexFields,
      fieldLevel: false,
    });
  }
  return { name, schema: modelSchema(block), columns, primaryKey, indexes, foreignKeys: foreignKeys(schema, block, dialect, name) };
}
