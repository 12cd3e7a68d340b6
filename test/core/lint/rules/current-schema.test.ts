import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA, lintWith } from "./helpers";

describe("a correct schema", () => {
  it("has no findings for the newest layout, assumed or explicit", () => {
    expect(lintWith(CURRENT_SCHEMA, undefined)).toEqual([]);
    expect(lintWith(CURRENT_SCHEMA, "1.7.25")).toEqual([]);
    expect(lintWith(CURRENT_SCHEMA, "1.4.22")).toEqual([]);
  });

  it("is left alone when it uses none of Better Auth's models", () => {
    expect(lintWith("model Post {\n  id Int @id\n  title String\n}\n", "1.7.25")).toEqual([]);
  });
});
