import { applyEdits } from "../../../../src/core/fixes/apply";
import type { LintConfig } from "../../../../src/core/better-auth/options-mirror";
import type { Finding } from "../../../../src/core/lint/findings";
import { lintText } from "../../../../src/core/lint/lint";

/** A complete, correct Better Auth ≥ 1.7.3 schema, as its generator writes it. */
export const CURRENT_SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id            String    @id
  name          String
  email         String
  emailVerified Boolean   @default(false)
  image         String?
  createdAt     DateTime  @default(now())
  updatedAt     DateTime  @updatedAt
  sessions      Session[]
  accounts      Account[]

  @@unique([email])
  @@map("user")
}

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
  @@map("session")
}

model Account {
  id                    String    @id
  accountId             String
  providerId            String
  userId                String
  user                  User      @relation(fields: [userId], references: [id], onDelete: Cascade)
  accessToken           String?
  refreshToken          String?
  idToken               String?
  accessTokenExpiresAt  DateTime?
  refreshTokenExpiresAt DateTime?
  scope                 String?
  password              String?
  createdAt             DateTime  @default(now())
  updatedAt             DateTime  @updatedAt

  @@index([userId])
  @@map("account")
}

model Verification {
  id         String   @id
  identifier String
  value      String
  expiresAt  DateTime
  createdAt  DateTime @default(now())
  updatedAt  DateTime @updatedAt

  @@index([identifier])
  @@map("verification")
}
`;

/** Replaces the first occurrence of `from` and fails loudly when the fixture changed under the test. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

export function lintWith(text: string, betterAuthVersion: string | undefined, config: LintConfig = {}): Finding[] {
  return lintText(text, { config: { ...config, ...(betterAuthVersion ? { betterAuthVersion } : {}) } });
}

export function findingsOf(rule: string, text: string, version?: string, config: LintConfig = {}): Finding[] {
  return lintWith(text, version, config).filter((finding) => finding.rule === rule);
}

/** Applies a finding's fix the way the editor would. */
export function fixed(text: string, finding: Finding): string {
  if (!finding.fix) throw new Error(`finding of ${finding.rule} has no fix`);
  return applyEdits(text, finding.fix.edits);
}
