// Builds a realistic schema of N models (15 lines each, so 1,000 models are the ~15k-line schema
// the speed target names): Better Auth's four core models plus application models with
// relations, attributes, comments and enums, as real projects have.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const core = readFileSync(fileURLToPath(new URL("../examples/broken-session/prisma/schema.prisma", import.meta.url)), "utf8");

function appModel(i) {
  return `/// Application model ${i}.
model Item${i} {
  id          String   @id @default(cuid())
  title       String   @db.VarChar(200)
  body        String?  @db.Text
  status      Status${i % 10} @default(DRAFT)
  price       Decimal  @default(0) @db.Decimal(10, 2)
  ownerId     String
  owner       User     @relation("Item${i}Owner", fields: [ownerId], references: [id], onDelete: Cascade)
  createdAt   DateTime @default(now())
  updatedAt   DateTime @updatedAt // touched by Prisma
  @@index([ownerId, createdAt(sort: Desc)])
  @@map("item_${i}")
}
`;
}

export function generateSchema(models) {
  const parts = [core];
  const appModels = Math.max(0, models - 4);
  for (let i = 0; i < 10; i++) parts.push(`enum Status${i} {\n  DRAFT\n  PUBLISHED @map("published")\n}\n`);
  for (let i = 0; i < appModels; i++) parts.push(appModel(i));
  // Back-relations keep the schema valid for Prisma's own validator.
  const backRelations = Array.from({ length: appModels }, (_, i) => `  item${i}s Item${i}[] @relation("Item${i}Owner")`).join("\n");
  return parts.join("\n").replace("  accounts      Account[]\n", `  accounts      Account[]\n${backRelations}\n`);
}
