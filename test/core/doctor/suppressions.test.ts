import { describe, expect, it } from "vitest";
import { ignoreFix } from "../../../src/core/doctor";
import { authWith, withFiles } from "./fixtures";
import { at, doctor, type Project } from "./helpers";
import { applyEdits } from "../../../src/core/fixes/apply";

function ignoreAll(project: Project): Project {
  let current = project;
  for (let round = 0; round < 10; round++) {
    const [finding] = doctor(current);
    if (!finding) return current;
    const name = Object.keys(current.files).find((file) => at(file) === finding.file)!;
    current = { ...current, files: { ...current.files, [name]: applyEdits(current.files[name]!, ignoreFix(finding, current.files[name]!).edits) } };
  }
  throw new Error("ignore comments did not silence the findings");
}

describe("ignore comments", () => {
  it("written by ignoreFix silence each finding in code and in .env, indented like the line", () => {
    const project = withFiles({
      ".env": "BETTER_AUTH_SECRET=changeme\r\nBETTER_AUTH_URL=http://localhost:3000\r\n",
      "lib/auth.ts": authWith("  baseURL: process.env.BETTER_AUTH_URL,", "  baseUrl: process.env.BETTER_AUTH_URL,"),
    });
    expect(doctor(project).map((f) => f.rule)).toEqual(["weak-secret", "unknown-option"]);
    const quiet = ignoreAll(project);
    expect(quiet.files[".env"]).toBe("# better-auth-doctor-ignore weak-secret\r\nBETTER_AUTH_SECRET=changeme\r\nBETTER_AUTH_URL=http://localhost:3000\r\n");
    expect(quiet.files["lib/auth.ts"]).toContain("  // better-auth-doctor-ignore unknown-option\n  baseUrl: process.env.BETTER_AUTH_URL,\n");
  });

  it("a bare directive silences every rule; a comment two lines up does not", () => {
    expect(doctor(withFiles({ ".env": "# better-auth-doctor-ignore\nBETTER_AUTH_SECRET=changeme\nBETTER_AUTH_URL=http://localhost:3000\n" }))).toEqual([]);
    expect(doctor(withFiles({ ".env": "# better-auth-doctor-ignore weak-secret\n\nBETTER_AUTH_SECRET=changeme\nBETTER_AUTH_URL=http://localhost:3000\n" })).map((f) => f.rule)).toEqual(["weak-secret"]);
  });
});
