import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareProjectLookup } from "../../src/core/lookup/project";
import { writeFiles } from "../write-files";
import { schema1x } from "./fixtures";

// The lookup finds prisma.config.* the way lint and fix do (core/schema/prisma-config.ts): from
// the schema's folder upwards to the project, not only in a fixed list of folders.

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bad-lookup-config-"));
  projects.push(dir);
  return writeFiles(dir, files);
}

const config = (url: string, schema = "prisma/schema") => `import { defineConfig, env } from "prisma/config";\nexport default defineConfig({\n  schema: "${schema}",\n  datasource: { url: ${url} },\n});\n`;
const schemaWithoutUrl = schema1x("postgresql").replace(/\n\s*url\s*=.*\n/, "\n");

describe("prepareProjectLookup: prisma.config.*", () => {
  it("finds the config two folders above a folder schema (db/prisma/schema/)", () => {
    const dir = project({
      "package.json": "{}",
      "db/prisma.config.ts": config('env("DB_URL")'),
      "db/prisma/schema/auth.prisma": schemaWithoutUrl,
    });
    const prepared = prepareProjectLookup({ projectDir: dir, schemaPath: "db/prisma/schema", env: { DB_URL: "postgresql://u@localhost:5432/app" } });
    expect(prepared).toMatchObject({ url: "postgresql://u@localhost:5432/app", provider: "postgresql" });
    expect("urlSource" in prepared && prepared.urlSource).toContain("prisma.config.ts");
  });

  it("finds prisma.config.mts at the project root for prisma/schema.prisma", () => {
    const dir = project({
      "package.json": "{}",
      "prisma.config.mts": config('"postgresql://root@localhost:5432/app"', "prisma/schema.prisma"),
      "prisma/schema.prisma": schemaWithoutUrl,
    });
    expect(prepareProjectLookup({ projectDir: dir, env: {} })).toMatchObject({ url: "postgresql://root@localhost:5432/app" });
  });

  it("does not read a prisma.config.ts above the project's package.json", () => {
    const dir = project({
      "prisma.config.ts": config('"postgresql://outside@localhost:5432/app"', "app/prisma/schema.prisma"),
      "app/package.json": "{}",
      "app/prisma/schema.prisma": schemaWithoutUrl,
    });
    const prepared = prepareProjectLookup({ projectDir: join(dir, "app"), env: {} });
    expect(prepared).toHaveProperty("problem");
    expect(JSON.stringify(prepared)).not.toContain("outside");
  });
});
