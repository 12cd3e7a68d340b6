import type { Statement } from "./types";

function comment(text: string): string {
  return text
    .split("\n")
    .map((line) => `-- ${line}`.trimEnd())
    .join("\n");
}

/** migration.sql text: a header, then each statement under the comment that explains it. */
export function renderMigration(header: string[], statements: Statement[]): string {
  const parts = [header.map(comment).join("\n")];
  for (const statement of statements) parts.push(`${comment(statement.comment)}\n${statement.sql}`);
  return parts.join("\n\n") + "\n";
}
