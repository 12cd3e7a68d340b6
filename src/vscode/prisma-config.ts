import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const NAMES = ["prisma.config.ts", "prisma.config.mts", "prisma.config.js", "prisma.config.mjs"];

/** The nearest prisma.config.* from the schema's folder up to `stopAt` (the workspace folder). */
export function findPrismaConfig(schemaPath: string, stopAt: string | undefined): { source: string; dir: string } | undefined {
  let dir = dirname(schemaPath);
  for (;;) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return { source: readFileSync(path, "utf8"), dir };
    }
    const parent = dirname(dir);
    if (parent === dir || (stopAt && !dir.startsWith(stopAt)) || dir === stopAt) return undefined;
    dir = parent;
  }
}
