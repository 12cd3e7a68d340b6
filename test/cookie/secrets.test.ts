import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseVersionedSecrets, readEnvFiles, secretsFromEnv } from "../../src/core/secrets";

describe("secrets from the environment and env files", () => {
  it("ranks BETTER_AUTH_SECRETS first, then BETTER_AUTH_SECRET, then AUTH_SECRET", () => {
    const { candidates } = secretsFromEnv([
      { label: "environment", vars: { AUTH_SECRET: "c", BETTER_AUTH_SECRET: "b", BETTER_AUTH_SECRETS: "2:new, 1:old" } },
    ]);
    expect(candidates).toEqual([
      { value: "new", source: "BETTER_AUTH_SECRETS (environment)", version: 2 },
      { value: "old", source: "BETTER_AUTH_SECRETS (environment)", version: 1 },
      { value: "b", source: "BETTER_AUTH_SECRET (environment)" },
      { value: "c", source: "AUTH_SECRET (environment)" },
    ]);
  });

  it("lets the environment win over env files and keeps shadowed values last", () => {
    const { candidates } = secretsFromEnv([
      { label: "environment", vars: { BETTER_AUTH_SECRET: "from-env" } },
      { label: ".env", vars: { BETTER_AUTH_SECRET: "from-file", AUTH_SECRET: "from-env" } },
    ]);
    expect(candidates.map((c) => c.source)).toEqual(["BETTER_AUTH_SECRET (environment)", "BETTER_AUTH_SECRET (.env)"]);
  });

  it("reports bad BETTER_AUTH_SECRETS entries without printing the secret", () => {
    const { candidates, problems } = parseVersionedSecrets("x:hunter2,3:,4:fine", "BETTER_AUTH_SECRETS (.env)");
    expect(candidates).toEqual([{ value: "fine", source: "BETTER_AUTH_SECRETS (.env)", version: 4 }]);
    expect(problems).toHaveLength(2);
    expect(problems.join(" ")).not.toContain("hunter2");
  });

  it("reads env files with dotenv's parser and reports missing ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-env-"));
    writeFileSync(join(dir, ".env.local"), `# comment\nexport BETTER_AUTH_SECRET="quoted value"\n`);
    const { sources, problems } = readEnvFiles([".env.local", ".env.missing"], dir);
    expect(sources).toEqual([{ label: ".env.local", vars: { BETTER_AUTH_SECRET: "quoted value" } }]);
    expect(problems).toEqual(["Cannot read env file .env.missing (ENOENT)."]);
  });
});
