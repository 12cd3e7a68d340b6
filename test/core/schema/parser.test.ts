import { describe, expect, it } from "vitest";
import { parseSchemaText } from "../../../src/core/schema/parser";

const SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// Sessions live here.
model Session {
  id        String   @id @default(uuid()) @db.Uuid // why uuid
  /// The signed cookie's token.
  token     String   @unique
  expiresAt DateTime
  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)
  userId    String
  tags      String[]
  note      String?

  @@index([userId, token(sort: Desc)])
  @@map("session")
}

enum Role {
  USER
  ADMIN @map("admin")
}
`;

describe("parseSchemaText", () => {
  const file = parseSchemaText(SCHEMA, "schema.prisma");
  const session = file.blocks.find((block) => block.name === "Session")!;

  it("reads every block with its kind, name and exact ranges", () => {
    expect(file.problems).toEqual([]);
    expect(file.blocks.map((block) => `${block.kind} ${block.name}`)).toEqual(["datasource db", "model Session", "enum Role"]);
    expect(session.nameRange).toEqual({ start: { line: 6, character: 6 }, end: { line: 6, character: 13 } });
    expect(session.range).toEqual({ start: { line: 6, character: 0 }, end: { line: 18, character: 1 } });
    expect(session.closed).toBe(true);
    expect(session.leadingComments.map((comment) => comment.text)).toEqual(["/// Sessions live here."]);
  });

  it("reads fields, types, modifiers and attributes with arguments", () => {
    expect(session.fields.map((field) => field.name)).toEqual(["id", "token", "expiresAt", "user", "userId", "tags", "note"]);
    const id = session.fields[0]!;
    expect(id.type).toMatchObject({ name: "String", optional: false, list: false });
    expect(id.attributes.map((attribute) => attribute.name)).toEqual(["id", "default", "db.Uuid"]);
    expect(id.attributes[1]!.args[0]!.value).toMatchObject({ kind: "call", name: "uuid" });
    expect(id.attributes[1]!.range).toEqual({ start: { line: 7, character: 25 }, end: { line: 7, character: 41 } });
    expect(id.range).toEqual({ start: { line: 7, character: 2 }, end: { line: 7, character: 50 } });
    expect(id.trailingComment?.text).toBe("// why uuid");
    expect(session.fields[1]!.leadingComments.map((comment) => comment.text)).toEqual(["/// The signed cookie's token."]);
    expect(session.fields[5]!.type).toMatchObject({ name: "String", list: true });
    expect(session.fields[6]!.type).toMatchObject({ name: "String", optional: true });
    const relation = session.fields[3]!.attributes[0]!;
    expect(relation.args.map((arg) => arg.name)).toEqual(["fields", "references", "onDelete"]);
    expect(relation.args[2]!.value).toMatchObject({ kind: "identifier", name: "Cascade" });
  });

  it("reads block attributes and datasource settings", () => {
    expect(session.attributes.map((attribute) => attribute.name)).toEqual(["index", "map"]);
    expect(session.attributes[1]!.args[0]!.value).toMatchObject({ kind: "string", value: "session" });
    const datasource = file.blocks[0]!;
    expect(datasource.assignments.map((assignment) => assignment.key)).toEqual(["provider", "url"]);
    expect(datasource.assignments[0]!.value).toMatchObject({ kind: "string", value: "postgresql" });
    expect(file.blocks[2]!.enumValues.map((value) => value.name)).toEqual(["USER", "ADMIN"]);
  });

  it("counts columns in UTF-16 code units, as VS Code does", () => {
    const parsed = parseSchemaText('model Émoji {\n  /// 😀 docs\n  name String @default("😀") @map("n")\n}\n');
    const field = parsed.blocks[0]!.fields[0]!;
    // "😀" is two UTF-16 units, so @map starts at column 29 (28 if code points were counted).
    expect(field.attributes[1]!.range.start).toEqual({ line: 2, character: 29 });
  });

  it("handles CRLF line endings without counting the CR", () => {
    const parsed = parseSchemaText("model A {\r\n  id String @id\r\n}\r\n");
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks[0]!.fields[0]!.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 15 } });
  });
});

describe("parseSchemaText on schemas being typed", () => {
  it("keeps a half-typed field and reports it", () => {
    const parsed = parseSchemaText("model User {\n  id String @id\n  emai\n}\n\nmodel Session {\n  id String @id\n}\n");
    expect(parsed.blocks.map((block) => block.name)).toEqual(["User", "Session"]);
    expect(parsed.blocks[0]!.fields.map((field) => field.name)).toEqual(["id", "emai"]);
    expect(parsed.problems).toEqual([
      { message: "Field 'emai' has no type.", range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } }, file: "schema.prisma" },
    ]);
  });

  it("recovers from a missing closing brace at the next block", () => {
    const parsed = parseSchemaText("model User {\n  id String @id\n\nmodel Session {\n  id    String @id\n  token String\n}\n");
    expect(parsed.blocks.map((block) => [block.name, block.closed])).toEqual([
      ["User", false],
      ["Session", true],
    ]);
    expect(parsed.blocks[1]!.fields.map((field) => field.name)).toEqual(["id", "token"]);
    expect(parsed.problems.map((problem) => problem.message)).toEqual(["model User is missing its closing '}'."]);
  });

  it("confines an unclosed string to its line", () => {
    const parsed = parseSchemaText('model User {\n  name String @default("abc\n  email String @unique\n}\n');
    expect(parsed.blocks[0]!.fields.map((field) => field.name)).toEqual(["name", "email"]);
    expect(parsed.blocks[0]!.fields[1]!.attributes[0]!.name).toBe("unique");
    expect(parsed.problems.map((problem) => problem.message)).toContain("Unclosed string.");
  });

  it("reports stray text between blocks and goes on", () => {
    const parsed = parseSchemaText("garbage here\nmodel A {\n  id Int @id\n}\n");
    expect(parsed.blocks.map((block) => block.name)).toEqual(["A"]);
    expect(parsed.problems[0]!.range.start).toEqual({ line: 0, character: 0 });
  });

  it("accepts attribute arguments spread over lines", () => {
    const parsed = parseSchemaText("model A {\n  a Int\n  b Int\n  @@index([\n    a,\n    b\n  ])\n}\n");
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks[0]!.attributes[0]!.args[0]!.value).toMatchObject({ kind: "array", items: [{ name: "a" }, { name: "b" }] });
  });

  it("gives a comment to what follows it only, never to a field or model above it", () => {
    const parsed = parseSchemaText("model A {\n  id Int\n  /// about name\n  name String\n  // last\n}\n");
    const block = parsed.blocks[0]!;
    expect(block.leadingComments).toEqual([]);
    expect(block.fields.map((field) => [field.name, field.leadingComments.map((comment) => comment.text)])).toEqual([
      ["id", []],
      ["name", ["/// about name"]],
    ]);
  });

  it("reads a field's attributes when first asked, as written: across lines and past a stray '@@'", () => {
    const parsed = parseSchemaText('model A {\n  a Int @default(1) @@map("x") // note\n  b String @relation(fields: [\n    a\n  ])\n}\n');
    expect(parsed.problems.map((problem) => problem.message)).toEqual(["Block attributes ('@@') go on their own line."]);
    const [a, b] = parsed.blocks[0]!.fields;
    expect(a!.range.end).toEqual({ line: 1, character: 30 });
    expect(a!.trailingComment?.text).toBe("// note");
    expect(a!.attributes.map((attribute) => [attribute.name, attribute.block, attribute.range.end.character])).toEqual([
      ["default", false, 19],
      ["map", true, 30],
    ]);
    expect(b!.range.end).toEqual({ line: 4, character: 4 });
    expect(b!.attributes[0]!.args[0]).toMatchObject({ name: "fields", value: { kind: "array", items: [{ kind: "identifier", name: "a" }] } });
    expect(b!.attributes).toBe(b!.attributes);
  });
});
