import { describe, expect, it } from "vitest";
import { parseSchemaText } from "../../../src/core/schema/parser";
import { isNamed, requiredSingleType } from "../../../src/core/schema/query";

// Parts the parser keeps as offsets and builds when read (comments outside blocks, a block's
// leading comments, a field's type): what is read must be what the text says.

const SCHEMA = `// header note
/* generated */

/// Users.
// second line
model User {
  id    String  @id
  posts Post[]
  bio   String? // trailing
  age   Int!
  odd   Unsupported("circle")
  typo
}
// between

model Open {
  id String @id
  // inside an unclosed block
model Post {
  id String @id
}
`;

describe("parser parts built on first read", () => {
  const file = parseSchemaText(SCHEMA, "prisma/schema.prisma");
  const [user, open, post] = file.blocks;

  it("lists the comments outside any block, in order, with their ranges", () => {
    expect(file.comments.map((comment) => comment.text)).toEqual(["// header note", "/* generated */", "/// Users.", "// second line", "// between"]);
    expect(file.comments.map((comment) => comment.doc)).toEqual([false, false, true, false, false]);
    expect(file.comments[3]!.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 14 } });
    expect(file.comments).toBe(file.comments);
  });

  it("gives a block the comments directly above it, the same objects as the file's list", () => {
    expect(user!.leadingComments.map((comment) => comment.text)).toEqual(["/// Users.", "// second line"]);
    expect(user!.leadingComments[0]).toBe(file.comments[2]);
    expect(user!.leadingComments).toBe(user!.leadingComments);
    // A blank line detaches "// between" from Open.
    expect(open!.leadingComments).toEqual([]);
  });

  it("gives the next block a comment of an unclosed block above it, which is not outside any block", () => {
    expect(open!.closed).toBe(false);
    expect(post!.closed).toBe(true);
    expect(post!.leadingComments.map((comment) => comment.text)).toEqual(["// inside an unclosed block"]);
    expect(file.comments.map((comment) => comment.text)).not.toContain("// inside an unclosed block");
    expect(open!.comments.map((comment) => comment.text)).toEqual(["// inside an unclosed block"]);
    expect(user!.file).toBe("prisma/schema.prisma");
  });

  it("reads each field's type from the text: name, optional, list and range", () => {
    const types = user!.fields.map((field) => field.type && { name: field.type.name, optional: field.type.optional, list: field.type.list });
    expect(types).toEqual([
      { name: "String", optional: false, list: false },
      { name: "Post", optional: false, list: true },
      { name: "String", optional: true, list: false },
      { name: "Int", optional: false, list: false },
      { name: "Unsupported", optional: false, list: false },
      undefined,
    ]);
    const odd = user!.fields[4]!;
    expect(odd.type!.range).toEqual({ start: { line: 10, character: 8 }, end: { line: 10, character: 29 } });
    expect(user!.fields[2]!.trailingComment?.text).toBe("// trailing");
  });

  it("names the required single type only for fields neither optional nor lists", () => {
    expect(user!.fields.map((field) => requiredSingleType(field)?.name)).toEqual(["String", undefined, undefined, "Int", "Unsupported", undefined]);
    // A field built by hand (not by the parser) is answered from its type.
    const plain = { ...user!.fields[0]!, name: "x", type: { name: "Int", optional: false, list: false, range: user!.fields[0]!.range } };
    expect(requiredSingleType(plain)?.name).toBe("Int");
    expect(requiredSingleType({ ...plain, type: { ...plain.type, list: true } })).toBeUndefined();
  });

  it("reads block names when asked, compares them in place, and gives an unnamed block none", () => {
    const other = parseSchemaText(`model A {\n  id String @id\n}\n/// B's doc\nmodel B {\n}\nmodel {\n}\n`);
    const [a, b, unnamed] = other.blocks;
    expect(other.blocks.map((block) => block.name)).toEqual(["A", "B", ""]);
    expect(unnamed!.nameRange).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 5 } });
    expect(other.problems.map((problem) => problem.message)).toEqual(["Expected a name after 'model'."]);
    expect([isNamed(a!, "A"), isNamed(a!, "AB"), isNamed(a!, "a"), isNamed(b!, "B"), isNamed(unnamed!, ""), isNamed(unnamed!, "model")]).toEqual([true, false, false, true, true, false]);
    // A has no leading comments and B, right after it, has one: each gets its own.
    expect(a!.leadingComments).toEqual([]);
    expect(b!.leadingComments.map((comment) => comment.text)).toEqual(["/// B's doc"]);
  });

  it("finds a field's name and type name from where they start, non-ASCII letters and a type right before `[]`/`?` included", () => {
    const other = parseSchemaText(`model Ünïcode {\n  naïve_1 Straße[]\n  名前 Typ?@default("x")\n  x\tInt@id\n}\n`);
    const fields = other.blocks[0]!.fields;
    expect(fields.map((field) => [field.name, field.type?.name, field.type?.list, field.type?.optional])).toEqual([
      ["naïve_1", "Straße", true, false],
      ["名前", "Typ", false, true],
      ["x", "Int", false, false],
    ]);
    expect(fields[1]!.nameRange).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 4 } });
    expect(fields[1]!.type!.range).toEqual({ start: { line: 2, character: 5 }, end: { line: 2, character: 9 } });
    expect(fields[2]!.attributes.map((attribute) => attribute.name)).toEqual(["id"]);
    expect(other.blocks[0]!.name).toBe("Ünïcode");
  });
});
