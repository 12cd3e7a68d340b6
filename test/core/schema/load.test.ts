import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaLocation, loadSchema, migrationsPathFromPrismaConfig, schemaFilesFor } from "../../../src/core/schema/load";

let root: string;

function write(file: string, text: string): string {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-load-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("schema location", () => {
  it("follows prisma.config.ts before package.json and the default paths", () => {
    write("a/prisma.config.ts", 'import { defineConfig } from "prisma/config";\nexport default defineConfig({\n  schema: "db/schema",\n  migrations: { path: "db/migrations" },\n});\n');
    write("a/package.json", JSON.stringify({ prisma: { schema: "other/schema.prisma" } }));
    write("a/prisma/schema.prisma", "");
    expect(findSchemaLocation(path.join(root, "a"))).toBe(path.join(root, "a/db/schema"));
    expect(migrationsPathFromPrismaConfig('defineConfig({ migrations: { seed: "x", path: "db/migrations" } })')).toBe("db/migrations");
  });

  it("uses package.json#prisma.schema, then prisma/schema.prisma, then prisma/schema/", () => {
    write("b/package.json", JSON.stringify({ prisma: { schema: "db/main.prisma" } }));
    expect(findSchemaLocation(path.join(root, "b"))).toBe(path.join(root, "b/db/main.prisma"));
    write("c/prisma/schema.prisma", "");
    expect(findSchemaLocation(path.join(root, "c"))).toBe(path.join(root, "c/prisma/schema.prisma"));
    write("d/prisma/schema/user.prisma", "");
    expect(findSchemaLocation(path.join(root, "d"))).toBe(path.join(root, "d/prisma/schema"));
    expect(findSchemaLocation(path.join(root, "nothing-here"))).toBeUndefined();
  });
});

describe("multi-file schemas", () => {
  it("reads every .prisma file under a folder, skipping migrations and node_modules", () => {
    write("m/prisma/schema/main.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
    write("m/prisma/schema/auth/user.prisma", "model User {\n  id String @id\n}\n");
    write("m/prisma/schema/migrations/x.prisma", "model Old {\n  id Int @id\n}\n");
    const files = schemaFilesFor(path.join(root, "m/prisma/schema"));
    expect(files.map((file) => path.relative(root, file))).toEqual(["m/prisma/schema/auth/user.prisma", "m/prisma/schema/main.prisma"]);
    const { schema, missing } = loadSchema(files);
    expect(missing).toEqual([]);
    expect(schema.blocks.map((block) => `${block.name}@${path.basename(block.file)}`)).toEqual(["User@user.prisma", "db@main.prisma"]);
  });

  it("brings a file's siblings along, and keeps a lone file alone", () => {
    const one = write("s/prisma/schema.prisma", "");
    expect(schemaFilesFor(one)).toEqual([one]);
    const user = write("t/schema/user.prisma", "");
    write("t/schema/post.prisma", "");
    expect(schemaFilesFor(user)).toHaveLength(2);
  });
});
