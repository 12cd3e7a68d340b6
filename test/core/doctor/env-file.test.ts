import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { parseEnvFile } from "../../../src/core/doctor/env-file";

const TEXT = [
  "# comment",
  "PLAIN=value",
  "SPACED = spaced value   # trailing comment",
  'DOUBLE="a # not a comment"',
  "SINGLE='single'",
  "BACKTICK=`back`",
  "export EXPORTED=yes",
  "COLON: colon-value",
  'MULTI="line one\\nline two"',
  "EMPTY=",
  "DUP=first",
  "DUP=second",
  "URL=https://x.example/path?q=1#frag",
  "",
].join("\r\n");

describe("parseEnvFile", () => {
  it("reads every value exactly as dotenv does", () => {
    const file = parseEnvFile(".env", TEXT);
    const ours = Object.fromEntries([...new Set(file.assignments.map((a) => a.key))].map((key) => [key, file.get(key)!.value]));
    expect(ours).toEqual(parse(TEXT));
  });

  it("points each value's range at its text, inside quotes", () => {
    const file = parseEnvFile(".env", TEXT);
    const lines = TEXT.split("\r\n");
    const slice = (key: string) => {
      const { start, end } = file.get(key)!.valueRange;
      return lines[start.line]!.slice(start.character, end.character);
    };
    expect(slice("SPACED")).toBe("spaced value");
    expect(slice("DOUBLE")).toBe("a # not a comment");
    expect(slice("SINGLE")).toBe("single");
    expect(slice("EXPORTED")).toBe("yes");
    expect(slice("COLON")).toBe("colon-value");
    expect(slice("DUP")).toBe("second");
    expect(file.get("DUP")!.line).toBe(11);
    expect(file.get("EMPTY")!.valueRange.start).toEqual(file.get("EMPTY")!.valueRange.end);
  });
});
