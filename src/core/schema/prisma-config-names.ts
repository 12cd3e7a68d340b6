/**
 * The files Prisma reads its project config from, in the order it looks (prisma.config.ts first;
 * `.config/prisma.ts` is the config-folder form). The schema loader, the lookup and the editor's
 * watcher all go by this one list.
 */
export const PRISMA_CONFIG_NAMES: readonly string[] = ["prisma.config.ts", "prisma.config.mts", "prisma.config.js", "prisma.config.mjs", ".config/prisma.ts"];
