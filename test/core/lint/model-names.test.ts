import { describe, expect, it } from "vitest";
import { ModelNames } from "../../../src/core/lint/model-names";
import { parseSchemaText } from "../../../src/core/schema/parser";

const SCHEMA = `datasource db {
  provider = "postgresql"
}
model User {
  id String @id
}
type Address {
  street String
}
view Report {
  id String @unique
}
enum Role {
  USER
}
`;

const QUESTIONS = ["User", "Address", "Report", "Role", "db", "user", "Post", ""];
const ANSWERS = [true, true, true, false, false, false, false, false];

describe("ModelNames", () => {
  const blocks = parseSchemaText(SCHEMA).blocks;

  it("names models, types and views, not enums or datasources, and matches case exactly", () => {
    const names = new ModelNames(blocks);
    expect(QUESTIONS.map((name) => names.has(name))).toEqual(ANSWERS);
  });

  it("answers the same once enough questions were asked to build its set", () => {
    const names = new ModelNames(blocks);
    const asked = [...QUESTIONS, ...QUESTIONS, ...QUESTIONS];
    expect(asked.map((name) => names.has(name))).toEqual([...ANSWERS, ...ANSWERS, ...ANSWERS]);
  });
});
