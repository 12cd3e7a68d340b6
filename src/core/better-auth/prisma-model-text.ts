// Prisma model text for tables and fields Better Auth needs, written the way Better Auth's own
// generator (`auth generate`, package `auth`, src/generators/prisma.ts) writes them into a fresh
// schema: same field order, types, attributes, relation and back-relation names, block attributes
// and prisma-ast's column alignment. A quick fix that adds what the generator would have added
// leaves a schema that a later `auth generate` does not rewrite. The generator's quirks are kept
// on purpose (no string default on MySQL, `Int[]` never optional, …): test/core/better-auth/
// prisma-model-text.test.ts compares every block with the generator's output.

/** One field as `getAuthTables()` returns it; functions may be reduced to `hasDefault`/`hasOnUpdate`. */
export interface AuthField {
  type: unknown;
  required?: boolean;
  unique?: boolean;
  index?: boolean;
  bigint?: boolean;
  fieldName?: string;
  references?: { model: string; field: string; onDelete?: string };
  defaultValue?: unknown;
  onUpdate?: unknown;
  hasDefault?: boolean;
  hasOnUpdate?: boolean;
}

export interface AuthTableIndex {
  fields: string[];
  unique?: boolean;
  name?: string;
}

/** One table as `getAuthTables()` returns it. */
export interface AuthTable {
  modelName?: string;
  fields: Record<string, AuthField>;
  indexes?: AuthTableIndex[];
  disableMigrations?: boolean;
}

export type PrismaProvider = "postgresql" | "cockroachdb" | "mysql" | "sqlite" | "sqlserver" | "mongodb";
/** `advanced.database.generateId`; `default` when unset. */
export type IdStrategy = "default" | "uuid" | "serial" | false;

export interface PrismaModelContext {
  provider: PrismaProvider;
  idStrategy: IdStrategy;
  /** `prismaAdapter(prisma, { usePlural })`. */
  usePlural: boolean;
  /** Every table `getAuthTables(options)` returned, in its order: relations and back-relations are read from it. */
  tables: Record<string, AuthTable>;
  /** The Prisma model name of a table key; default: the generator's (`modelName`, plural `s`, first letter capitalised). */
  prismaModelNameOf?(tableKey: string): string;
  /**
   * Prisma models the schema has (after the fix), with their field names. Without it every table
   * counts as present (the generator's view). Back-relations from models not listed are left out,
   * and back-relation lines a listed model already has are not offered again.
   */
  existingModels?: { has(model: string): boolean; get(model: string): ReadonlySet<string> | undefined };
}

/** A line to add to another model so Prisma accepts the relation (`sessions Session[]` in User). */
export interface BackRelation {
  model: string;
  field: string;
  line: string;
}

export interface RenderedModel {
  /** Prisma model name. */
  model: string;
  /** Database table name (`@@map`). */
  table: string;
  /** `model X { … }`, aligned as the generator prints it. */
  text: string;
  backRelations: BackRelation[];
}

export interface RenderedField {
  /** The scalar field line, then the relation field line when the field references another table. */
  lines: string[];
  /** `@@unique([…])`, `@@index([…])` lines the field needs in its model. */
  blockAttributes: string[];
  backRelation?: BackRelation;
}

interface FieldLine {
  name: string;
  type: string;
  attributes: string[];
}

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

// ---------------------------------------------------------------- names (better-auth's adapter helpers)

function tableKeyOf(tables: Record<string, AuthTable>, model: string, usePlural: boolean): string | undefined {
  const resolve = (candidate: string) => (tables[candidate] ? candidate : Object.keys(tables).find((key) => tables[key]!.modelName === candidate));
  if (usePlural && model.endsWith("s")) {
    const key = resolve(model.slice(0, -1));
    if (key) return key;
  }
  return resolve(model);
}

/** better-auth's `getModelName`: the database name of a table given its key or model name. */
function databaseName(tables: Record<string, AuthTable>, model: string, usePlural: boolean): string {
  const key = tableKeyOf(tables, model, usePlural);
  const modelName = key ? tables[key]!.modelName : undefined;
  const name = key && modelName !== undefined && modelName !== model ? modelName : model;
  return usePlural ? `${name}s` : name;
}

/** better-auth's `getFieldName`: the column a table's field is stored in. */
function fieldNameOf(tables: Record<string, AuthTable>, model: string, field: string): string {
  if (field === "id" || field === "_id") return "id";
  const key = tableKeyOf(tables, model, false);
  const fields = key ? tables[key]!.fields : {};
  const entry: [string, AuthField] | undefined = fields[field] ? [field, fields[field]!] : Object.entries(fields).find(([, f]) => f.fieldName === field);
  return entry ? entry[1].fieldName || entry[0] : field;
}

class Names {
  constructor(private readonly ctx: PrismaModelContext) {}

  database(model: string): string {
    return databaseName(this.ctx.tables, model, this.ctx.usePlural);
  }

  /** The table's `@@map` value. */
  table(key: string): string {
    return this.database(this.ctx.tables[key]?.modelName || key);
  }

  prismaModel(key: string): string {
    return this.ctx.prismaModelNameOf?.(key) ?? capitalize(this.table(key));
  }

  keyOf(model: string): string | undefined {
    return tableKeyOf(this.ctx.tables, model, this.ctx.usePlural);
  }

  disabled(model: string): boolean {
    return Object.entries(this.ctx.tables).some(([key, table]) => {
      if (table.disableMigrations !== true) return false;
      const custom = table.modelName || key;
      return model === key || model === custom || model === this.database(key) || model === this.database(custom);
    });
  }

  present(model: string): boolean {
    return !this.ctx.existingModels || this.ctx.existingModels.has(model);
  }
}

// ---------------------------------------------------------------- index names (@better-auth/core database-index)

const MAX_INDEX_NAME_BYTES = 63;
const utf8Length = (value: string) => Buffer.byteLength(value, "utf8");

function truncateUtf8(value: string, maxBytes: number): string {
  let result = "";
  let bytes = 0;
  for (const character of value) {
    const length = utf8Length(character);
    if (bytes + length > maxBytes) break;
    result += character;
    bytes += length;
  }
  return result;
}

function stableHash(value: string): string {
  let hash = 2166136261;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function tableIndexName(table: string, columns: string[], unique: boolean | undefined, name: string | undefined): string {
  if (name !== undefined) return name;
  const kind = unique ? "uidx" : "idx";
  const generated = `${table}_${columns.join("_")}_${kind}`;
  if (utf8Length(generated) <= MAX_INDEX_NAME_BYTES) return generated;
  const suffix = `_${stableHash(generated)}_${kind}`;
  return truncateUtf8(generated.slice(0, -kind.length - 1), MAX_INDEX_NAME_BYTES - utf8Length(suffix)) + suffix;
}

interface ResolvedIndex {
  columns: string[];
  name: string;
  unique: boolean;
}

function resolvedIndexes(table: AuthTable, tableName: string): ResolvedIndex[] {
  const seen = new Set<string>();
  const result: ResolvedIndex[] = [];
  for (const index of table.indexes ?? []) {
    const columns = index.fields.map((field) => table.fields[field]?.fieldName || field);
    const name = tableIndexName(tableName, columns, index.unique, index.name);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    result.push({ columns, name, unique: index.unique ?? false });
  }
  return result;
}

/** The VARCHAR length MySQL needs for a string column inside table-level indexes (3072-byte key limit, utf8mb4). */
function mysqlIndexStringLength(column: string, fields: Record<string, AuthField>, indexes: ResolvedIndex[]): number | undefined {
  const byColumn = new Map(Object.entries(fields).map(([key, field]) => [field.fieldName || key, field]));
  const containing = indexes.filter((index) => index.columns.includes(column));
  if (!containing.length) return undefined;
  return containing.reduce((length, index) => {
    const strings = index.columns.filter((c) => {
      const type = byColumn.get(c)?.type;
      return type === "string" || Array.isArray(type);
    }).length;
    if (!strings) return length;
    const otherBytes = (index.columns.length - strings) * 16;
    return Math.min(length, Math.floor(Math.max(1, 3072 - otherBytes) / 4 / strings));
  }, 191);
}

// ---------------------------------------------------------------- fields

function prismaType(provider: PrismaProvider, type: unknown, optional: boolean, bigint: boolean): string | undefined {
  const q = optional ? "?" : "";
  const flat = provider === "sqlite" || provider === "mysql";
  if (type === "string" || Array.isArray(type)) return `String${q}`;
  if (type === "number") return bigint ? `BigInt${q}` : `Int${q}`;
  if (type === "boolean") return `Boolean${q}`;
  if (type === "date") return `DateTime${q}`;
  if (type === "json") return flat ? `String${q}` : `Json${q}`;
  // The generator stores lists as text where Prisma has no lists, and never makes a list optional.
  if (type === "string[]") return flat ? `String${q}` : "String[]";
  if (type === "number[]") return flat ? "String" : "Int[]";
  return undefined;
}

const ON_DELETE: Record<string, string> = { "no action": "NoAction", "set null": "SetNull", "set default": "SetDefault", restrict: "Restrict" };

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/** `@default(…)` attributes, and whether the generator stops handling the field there (its `continue`). */
function defaults(key: string, attr: AuthField, provider: PrismaProvider): { attributes: string[]; stop: boolean } {
  const value = attr.defaultValue;
  if (value === undefined && !attr.hasDefault) return { attributes: [], stop: false };
  const attributes: string[] = [];
  if (Array.isArray(value)) {
    if (attr.type === "json") {
      const text = Object.prototype.toString.call(value[0]) === "[object Object]" ? escapeJson(value) : JSON.stringify(value).replace(/"/g, '\\"');
      return { attributes: [`default("${text}")`], stop: true };
    }
    if (value.length === 0) return { attributes: ["default([])"], stop: true };
    if (typeof value[0] === "string" && attr.type === "string[]") attributes.push(`default([${value.map((v) => JSON.stringify(v)).join(",")}])`);
    else if (typeof value[0] === "number") attributes.push(`default([${value.join(",")}])`);
  } else if (typeof value === "object" && value !== null) {
    if (Object.keys(value).length === 0) return { attributes: ['default("{}")'], stop: true };
    attributes.push(`default("${escapeJson(value)}")`);
  }
  if (key === "createdAt") attributes.push("default(now())");
  else if (typeof value === "string" && provider !== "mysql") attributes.push(`default("${value}")`);
  else if (typeof value === "boolean" || typeof value === "number") attributes.push(`default(${value})`);
  return { attributes, stop: false };
}

interface TableRender {
  fields: FieldLine[];
  blockAttributes: string[];
  /** Relation targets of this table's fields, in field order. */
  relations: { fieldKey: string; targetKey: string | undefined; targetModel: string; unique: boolean }[];
}

function addAttribute(line: FieldLine, attribute: string): void {
  // prisma-ast's builder keeps one attribute per name.
  if (!line.attributes.includes(attribute)) line.attributes.push(attribute);
}

function idLine(ctx: PrismaModelContext): FieldLine {
  if (ctx.provider === "mongodb") return { name: "id", type: "String", attributes: ["id", 'map("_id")'] };
  if (ctx.idStrategy === "serial") return { name: "id", type: "Int", attributes: ["id", "default(autoincrement())"] };
  if (ctx.idStrategy === "uuid" && ctx.provider === "postgresql") {
    return { name: "id", type: "String", attributes: ["id", 'default(dbgenerated("pg_catalog.gen_random_uuid()"))', "db.Uuid"] };
  }
  return { name: "id", type: "String", attributes: ["id"] };
}

/** The generator's loop over one table's fields, for a model it creates. */
function renderTable(tableKey: string, ctx: PrismaModelContext, names: Names, only?: string): TableRender {
  const table = ctx.tables[tableKey];
  if (!table) throw new Error(`No table "${tableKey}" in the tables given`);
  const { provider } = ctx;
  const serial = ctx.idStrategy === "serial";
  const uuid = ctx.idStrategy === "uuid";
  const tableName = names.table(tableKey);
  const indexes = resolvedIndexes(table, tableName);
  const fields: FieldLine[] = [];
  const blockAttributes: string[] = [];
  const relations: TableRender["relations"] = [];
  const fieldLine = (name: string, type: string) => {
    let line = fields.find((f) => f.name === name);
    if (!line) fields.push((line = { name, type, attributes: [] }));
    return line;
  };

  for (const [key, attr] of Object.entries(table.fields)) {
    // getAuthTables never lists `id`; the model's id line comes from the id strategy.
    if (key === "id" || (only !== undefined && key !== only)) continue;
    const fieldName = attr.fieldName || key;
    const referencedType = attr.references?.field === "id" ? (serial ? "number" : "string") : attr.type;
    const type = prismaType(provider, referencedType, attr.required === false, !!attr.bigint);
    if (!type) throw new Error(`Better Auth's generator has no Prisma type for ${tableKey}.${key} (type ${JSON.stringify(attr.type)})`);
    const line = fieldLine(fieldName, type);
    if (attr.unique) blockAttributes.push(`@@unique([${fieldName}])`);
    const { attributes, stop } = defaults(key, attr, provider);
    for (const attribute of attributes) addAttribute(line, attribute);
    if (stop) continue;
    if (key === "updatedAt" && (attr.onUpdate || attr.hasOnUpdate)) addAttribute(line, "updatedAt");
    if (attr.references) {
      const reference = attr.references;
      const target = names.database(reference.model);
      if (names.disabled(target) || names.disabled(reference.model)) continue;
      if (uuid && provider === "postgresql" && reference.field === "id") addAttribute(line, "db.Uuid");
      const targetKey = names.keyOf(reference.model);
      const targetModel = targetKey ? names.prismaModel(targetKey) : capitalize(target);
      const action = ON_DELETE[reference.onDelete ?? ""] ?? "Cascade";
      const relation =
        `relation(fields: [${fieldNameOf(ctx.tables, tableKey, fieldName)}], ` +
        `references: [${fieldNameOf(ctx.tables, reference.model, reference.field)}], onDelete: ${action})`;
      addAttribute(fieldLine(targetModel.toLowerCase(), `${targetModel}${attr.required === false ? "?" : ""}`), relation);
      relations.push({ fieldKey: key, targetKey, targetModel, unique: attr.unique === true });
    }
    if (provider === "mysql" && (attr.type === "string" || Array.isArray(attr.type))) {
      const length = mysqlIndexStringLength(fieldName, table.fields, indexes);
      const native = length ? `db.VarChar(${length})` : !attr.unique && !attr.references ? "db.Text" : undefined;
      if (native) addAttribute(line, native);
    }
  }

  for (const index of indexes) {
    if (only !== undefined && !index.columns.includes(table.fields[only]?.fieldName || only)) continue;
    blockAttributes.push(`@@${index.unique ? "unique" : "index"}([${index.columns.join(", ")}], map: ${JSON.stringify(index.name)})`);
  }
  for (const [key, attr] of Object.entries(table.fields)) {
    if (!attr.index || attr.unique || (only !== undefined && key !== only)) continue;
    const fieldName = attr.fieldName || key;
    const plain = provider !== "mysql" || attr.type !== "string" || (attr.references?.field === "id" && (serial || uuid));
    blockAttributes.push(`@@index([${plain ? fieldName : `${fieldName}(length: 191)`}])`);
  }
  return { fields, blockAttributes, relations };
}

/** Tables with a relation to `tableKey`, as the generator lists them in the referenced model. */
function inboundRelations(tableKey: string, ctx: PrismaModelContext, names: Names): FieldLine[] {
  const model = names.prismaModel(tableKey);
  const lines: FieldLine[] = [];
  const seen = new Set<string>();
  for (const [key, table] of Object.entries(ctx.tables)) {
    if (names.disabled(key)) continue;
    const related = names.prismaModel(key);
    if (seen.has(related)) continue;
    const fk = Object.values(table.fields).find((field) => {
      const reference = field.references;
      if (!reference || names.disabled(reference.model)) return false;
      const targetKey = names.keyOf(reference.model);
      return targetKey !== undefined && names.prismaModel(targetKey) === model;
    });
    if (!fk || !names.present(related)) continue;
    seen.add(related);
    lines.push(backRelationLine(related, fk.unique === true, ctx.usePlural));
  }
  return lines;
}

function backRelationLine(related: string, unique: boolean, usePlural: boolean): FieldLine {
  // The generator only finds the foreign key's `unique` flag when the names are not pluralised.
  const single = unique && !usePlural;
  return { name: single || usePlural ? related.toLowerCase() : `${related.toLowerCase()}s`, type: `${related}${single ? "?" : "[]"}`, attributes: [] };
}

function printField(line: FieldLine, nameLength = 0, typeLength = 0): string {
  return [line.name.padEnd(nameLength), line.type.padEnd(typeLength), ...line.attributes.map((a) => `@${a}`)].join(" ").trim();
}

/** prisma-ast's printer: fields aligned in columns, a blank line, then the block attributes. */
function printModel(name: string, fields: FieldLine[], blockAttributes: string[]): string {
  const nameLength = Math.max(0, ...fields.map((f) => f.name.length));
  const typeLength = Math.max(0, ...fields.map((f) => f.type.length));
  const body = fields.map((f) => `  ${printField(f, nameLength, typeLength)}`);
  if (blockAttributes.length) body.push("", ...blockAttributes.map((a) => `  ${a}`));
  return `model ${name} {\n${body.join("\n")}\n}`;
}

function outboundBackRelations(tableKey: string, render: TableRender, ctx: PrismaModelContext, names: Names): BackRelation[] {
  const model = names.prismaModel(tableKey);
  const result: BackRelation[] = [];
  for (const relation of render.relations) {
    if (relation.targetModel === model || result.some((r) => r.model === relation.targetModel)) continue;
    const line = backRelationLine(model, relation.unique, ctx.usePlural);
    if (ctx.existingModels?.get(relation.targetModel)?.has(line.name)) continue;
    result.push({ model: relation.targetModel, field: line.name, line: printField(line) });
  }
  return result;
}

/** The model block `auth generate` writes for `tableKey` into a schema that does not have it yet. */
export function renderPrismaModel(tableKey: string, ctx: PrismaModelContext): RenderedModel {
  const names = new Names(ctx);
  const model = names.prismaModel(tableKey);
  const render = renderTable(tableKey, ctx, names);
  const fields = [idLine(ctx), ...render.fields];
  for (const line of inboundRelations(tableKey, ctx, names)) if (!fields.some((f) => f.name === line.name)) fields.push(line);
  const table = names.table(tableKey);
  const text = printModel(model, fields, [...render.blockAttributes, `@@map("${table}")`]);
  return { model, table, text, backRelations: outboundBackRelations(tableKey, render, ctx, names) };
}

/** What the generator adds for one field of `tableKey`'s table to a model that lacks it. */
export function renderPrismaField(tableKey: string, fieldKey: string, ctx: PrismaModelContext): RenderedField {
  const names = new Names(ctx);
  if (!ctx.tables[tableKey]?.fields[fieldKey]) throw new Error(`No field "${fieldKey}" in table "${tableKey}"`);
  const render = renderTable(tableKey, ctx, names, fieldKey);
  return {
    lines: render.fields.map((line) => printField(line)),
    blockAttributes: render.blockAttributes,
    backRelation: outboundBackRelations(tableKey, render, ctx, names)[0],
  };
}
