// What `prisma migrate dev` creates on MySQL/MariaDB for the user and session models of the
// fixtures, written by hand (Prisma's Wasm schema engine has no MySQL connector). Conventions
// copied from Prisma's MySQL migrations: String → VARCHAR(191), DateTime → DATETIME(3),
// now() → CURRENT_TIMESTAMP(3), utf8mb4_unicode_ci tables, `<table>_<column>_key|idx|fkey` names.

export type SessionLayout =
  /** ≤ 0.8 (the add-token "before"): no token. */
  | "legacy"
  /** 1.x with a unique token (after add-token / make-token-unique). */
  | "current"
  /** 1.x whose token is not unique (the make-token-unique "before"). */
  | "non-unique"
  /** 0.8 app with a stray unique token and no createdAt/updatedAt (the drop-token "before"). */
  | "token-on-08"
  /** What drop-token leaves: 0.8 without token and without createdAt/updatedAt. */
  | "legacy-08";

const USER = `CREATE TABLE \`user\` (
    \`id\` VARCHAR(191) NOT NULL,
    \`name\` VARCHAR(191) NOT NULL,
    \`email\` VARCHAR(191) NOT NULL,
    \`emailVerified\` BOOLEAN NOT NULL DEFAULT false,
    \`image\` VARCHAR(191) NULL,
    \`createdAt\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`updatedAt\` DATETIME(3) NOT NULL,

    UNIQUE INDEX \`user_email_key\`(\`email\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`;

export function mariadbDdl(layout: SessionLayout): string {
  const hasToken = layout === "current" || layout === "non-unique" || layout === "token-on-08";
  const hasTimestamps = layout === "legacy" || layout === "current" || layout === "non-unique";
  const columns = [
    "`id` VARCHAR(191) NOT NULL",
    "`expiresAt` DATETIME(3) NOT NULL",
    ...(hasToken ? ["`token` VARCHAR(191) NOT NULL"] : []),
    ...(hasTimestamps ? ["`createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)", "`updatedAt` DATETIME(3) NOT NULL"] : []),
    "`ipAddress` VARCHAR(191) NULL",
    "`userAgent` VARCHAR(191) NULL",
    "`userId` VARCHAR(191) NOT NULL",
  ];
  const keys = [
    "INDEX `session_userId_idx`(`userId`)",
    ...(layout === "current" || layout === "token-on-08" ? ["UNIQUE INDEX `session_token_key`(`token`)"] : []),
    "PRIMARY KEY (`id`)",
  ];
  const session =
    "CREATE TABLE `session` (\n" +
    [...columns.map((c) => `    ${c},`), "", ...keys.map((k, i) => `    ${k}${i < keys.length - 1 ? "," : ""}`)].join("\n") +
    "\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;";
  const fk = "ALTER TABLE `session` ADD CONSTRAINT `session_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;";
  return [USER, session, fk].join("\n\n");
}
