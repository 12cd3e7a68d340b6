import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TextEdit } from "../lint/findings";
import { parseEnvFile } from "./env-file";
import { isGitIgnored, type GitignoreFile } from "./gitignore";

export type GenerateSecretResult =
  | { ok: true; title: string; edit: TextEdit }
  | { ok: false; reason: string };

/**
 * "Generate a strong secret into .env": 32 random bytes, base64 (what `openssl rand -base64 32`
 * prints), written as BETTER_AUTH_SECRET — replacing the value if the file sets it, else appended.
 * Refuses a file git does not ignore, so the secret is never committed. Pure apart from `random`.
 */
export function generateSecretEdit(
  envFile: { path: string; text: string },
  gitignores: readonly GitignoreFile[],
  random: (size: number) => Uint8Array = randomBytes,
): GenerateSecretResult {
  const name = path.basename(envFile.path);
  if (!isGitIgnored(envFile.path, gitignores)) {
    return { ok: false, reason: `${name} is not ignored by git; a secret written there would be committed. Add ${name} to .gitignore first.` };
  }
  const secret = Buffer.from(random(32)).toString("base64");
  const file = parseEnvFile(envFile.path, envFile.text);
  const existing = file.get("BETTER_AUTH_SECRET");
  if (existing) {
    return { ok: true, title: `Replace BETTER_AUTH_SECRET in ${name} with a generated secret`, edit: { file: envFile.path, range: existing.valueRange, newText: secret } };
  }
  const end = file.index.position(envFile.text.length);
  const eol = envFile.text.includes("\r\n") ? "\r\n" : "\n";
  const lead = envFile.text === "" || envFile.text.endsWith("\n") ? "" : eol;
  return {
    ok: true,
    title: `Add a generated BETTER_AUTH_SECRET to ${name}`,
    edit: { file: envFile.path, range: { start: end, end }, newText: `${lead}BETTER_AUTH_SECRET=${secret}${eol}` },
  };
}
