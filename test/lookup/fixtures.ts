import { parseSchemaText } from "../../src/core/schema/parser";
import type { Schema } from "../../src/core/schema/ast";

// Prisma schemas matching the tables Better Auth's own migrator creates (model User/Session
// mapped to "user"/"session", camelCase columns), in the 1.x layout and the ≤ 0.8 layout.

const USER = `
model User {
  id            String    @id
  name          String
  email         String
  emailVerified Boolean   @default(false)
  image         String?
  createdAt     DateTime  @default(now())
  updatedAt     DateTime  @updatedAt
  sessions      Session[]

  @@unique([email])
  @@map("user")
}
`;

export function schema1x(provider: string, sessionTable = "session"): string {
  return `datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}
${USER}
model Session {
  id        String   @id
  expiresAt DateTime
  token     String
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  ipAddress String?
  userAgent String?
  userId    String
  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@unique([token])
  @@index([userId])
  @@map("${sessionTable}")
}
`;
}

/** Better Auth ≤ 0.8: the session id is the token; no token column. */
export function schema08(provider: string): string {
  return `datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}
${USER}
model Session {
  id        String   @id
  expiresAt DateTime
  ipAddress String?
  userAgent String?
  userId    String
  user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@map("session")
}
`;
}

export function parse(text: string, path = "/project/prisma/schema.prisma"): Schema {
  const file = parseSchemaText(text, path);
  return { files: [file], blocks: file.blocks };
}
