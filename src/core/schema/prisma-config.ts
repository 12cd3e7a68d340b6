import { dirname, join } from "node:path";
import { nodeSchemaFs, type SchemaFs } from "./load";
import { PRISMA_CONFIG_NAMES } from "./prisma-config-names";

/**
 * The nearest prisma.config.* from the schema's folder upwards, stopping at the project root
 * (the first folder with a package.json) or at `stopAt` (a workspace folder), as Prisma looks
 * for it next to the project.
 */
export function findPrismaConfig(schemaPath: string, options: { stopAt?: string; fs?: SchemaFs } = {}): { source: string; dir: string } | undefined {
  const fs = options.fs ?? nodeSchemaFs;
  let dir = fs.readDir(schemaPath) ? schemaPath : dirname(schemaPath);
  for (;;) {
    for (const name of PRISMA_CONFIG_NAMES) {
      const source = fs.readFile(join(dir, name));
      if (source !== undefined) return { source, dir: dirname(join(dir, name)) };
    }
    const parent = dirname(dir);
    if (parent === dir || dir === options.stopAt || fs.readFile(join(dir, "package.json")) !== undefined) return undefined;
    dir = parent;
  }
}
