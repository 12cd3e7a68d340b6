import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSchemaLocation } from "../../../src/core/schema/load";
import { findPrismaConfig } from "../../../src/core/schema/prisma-config";
import { PRISMA_CONFIG_NAMES } from "../../../src/core/schema/prisma-config-names";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("PRISMA_CONFIG_NAMES", () => {
  it.each([...PRISMA_CONFIG_NAMES])("%s is found by the schema loader and by findPrismaConfig", (name) => {
    const project = mkdtempSync(join(tmpdir(), "prisma-config-"));
    dirs.push(project);
    const config = join(project, name);
    mkdirSync(dirname(config), { recursive: true });
    writeFileSync(config, 'export default { schema: "db/app.prisma" };\n');
    writeFileSync(join(project, "package.json"), "{}\n");
    expect(findSchemaLocation(project)).toBe(join(dirname(config), "db/app.prisma"));
    mkdirSync(join(project, "prisma"));
    expect(findPrismaConfig(join(project, "prisma", "schema.prisma"))).toEqual({ source: 'export default { schema: "db/app.prisma" };\n', dir: dirname(config) });
  });
});
