import { describe, expect, it } from "vitest";
import { resolveDatasourceUrl } from "../../src/core/lookup";
import { datasourceRefFromPrismaConfig } from "../../src/core/lookup/datasource-url";
import { parse } from "./fixtures";

const schema = (url: string, extra = "") => parse(`datasource db {\n  provider = "postgresql"\n  url = ${url}\n${extra}}\n`);

describe("datasource URL resolution", () => {
  it("reads env(\"X\") from the schema, the process environment first, then .env files in order", () => {
    const input = {
      schema: schema('env("DATABASE_URL")'),
      schemaDir: "/p/prisma",
      envFiles: [
        { label: ".env", content: "DATABASE_URL=postgresql://a@one/db\n" },
        { label: "prisma/.env", content: "DATABASE_URL=postgresql://a@two/db\n" },
      ],
    };
    expect(resolveDatasourceUrl(input)).toEqual({ url: "postgresql://a@one/db", source: "DATABASE_URL from .env (the schema's datasource url)", baseDir: "/p/prisma" });
    expect(resolveDatasourceUrl({ ...input, processEnv: { DATABASE_URL: "postgresql://a@env/db" } })).toMatchObject({ url: "postgresql://a@env/db", source: "DATABASE_URL from the environment (the schema's datasource url)" });
  });

  it("prefers prisma.config.ts (Prisma 7) in its forms, relative paths from the config's folder", () => {
    const envFiles = [{ label: ".env", content: 'DB="file:./dev.db"\nDATABASE_URL=postgresql://x@y/z' }];
    for (const line of ['url: env("DB")', "url: process.env.DB", 'url: process.env["DB"]', "url: env('DB'),"]) {
      const source = `import { defineConfig, env } from "prisma/config";\nexport default defineConfig({\n  schema: "prisma/schema.prisma",\n  datasource: {\n    ${line}\n  },\n});\n`;
      expect(resolveDatasourceUrl({ prismaConfig: { source, dir: "/p" }, schema: schema('env("DATABASE_URL")'), envFiles }), line).toEqual({
        url: "file:./dev.db",
        source: "DB from .env (prisma.config.ts datasource.url)",
        baseDir: "/p",
      });
    }
    expect(datasourceRefFromPrismaConfig('datasource: { shadowDatabaseUrl: env("S"), url: "file:x.db" }')).toEqual({ url: { literal: "file:x.db" } });
  });

  it("takes literals, expands ${VAR} in .env values and follows directUrl past an Accelerate URL", () => {
    expect(resolveDatasourceUrl({ schema: schema('"file:./dev.db"'), schemaDir: "/s" })).toMatchObject({ url: "file:./dev.db", source: "a literal in the schema's datasource url" });
    const expanded = resolveDatasourceUrl({ schema: schema('env("DATABASE_URL")'), envFiles: [{ label: ".env", content: "PW=pw\nDATABASE_URL=postgresql://u:${PW}@h/db" }] });
    expect(expanded).toMatchObject({ url: "postgresql://u:pw@h/db" });
    const accelerate = schema('env("DATABASE_URL")', '  directUrl = env("DIRECT_URL")\n');
    const envFiles = [{ label: ".env", content: "DATABASE_URL=prisma+postgres://accelerate.prisma-data.net/?api_key=k\nDIRECT_URL=postgresql://u@direct/db" }];
    expect(resolveDatasourceUrl({ schema: accelerate, envFiles })).toMatchObject({ url: "postgresql://u@direct/db", source: "DIRECT_URL from .env (the schema's datasource url, directUrl)" });
  });

  it("says what is missing, naming variables but never values", () => {
    const result = resolveDatasourceUrl({ schema: schema('env("DATABASE_URL")'), envFiles: [{ label: ".env", content: "OTHER=secret-value" }] });
    expect(result).toEqual({ problem: "the schema's datasource url reads the URL from DATABASE_URL, which is not set in the environment, .env." });
    expect(resolveDatasourceUrl({})).toMatchObject({ problem: expect.stringMatching(/No database URL/) });
    expect(resolveDatasourceUrl({ processEnv: { DATABASE_URL: "mysql://r@h/d" } })).toMatchObject({ url: "mysql://r@h/d", source: "DATABASE_URL from the environment" });
  });
});
