import { IGNORE_FIELD } from "../lint/suppressions";
import type { Finding, Fix } from "../lint/findings";

// The schema's `///` directive in the comment syntax each file has: `// better-auth-doctor-ignore
// <rule, …>` on the line before, in code; `# better-auth-doctor-ignore <rule, …>` in .env files.
// No rule list means every rule.

const CODE = new RegExp(`^\\s*//\\s*${IGNORE_FIELD}\\b(.*)$`);
const ENV = new RegExp(`^\\s*#\\s*${IGNORE_FIELD}\\b(.*)$`);

export function isEnvPath(path: string): boolean {
  return /^\.env/i.test(path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1));
}

/** The ignore comment to write above a line, in the file's own comment syntax. */
export function ignoreComment(path: string, rule: string): string {
  return `${isEnvPath(path) ? "#" : "//"} ${IGNORE_FIELD} ${rule}`;
}

export function isSuppressedAt(path: string, lineBefore: string | undefined, rule: string): boolean {
  if (lineBefore === undefined) return false;
  const match = (isEnvPath(path) ? ENV : CODE).exec(lineBefore);
  if (!match) return false;
  const list = match[1]!.split(/[\s,]+/).filter((word) => word && word !== "-" && !word.startsWith("--"));
  return list.length === 0 || list.includes(rule);
}

/** "Ignore <rule> here": the comment line above the finding, indented like the line it silences. */
export function ignoreFix(finding: Finding, fileText: string): Fix {
  const line = finding.range.start.line;
  const lineText = fileText.split("\n")[line] ?? "";
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = fileText.includes("\r\n") ? "\r\n" : "\n";
  return {
    title: `Ignore ${finding.rule} for this line`,
    edits: [{ file: finding.file, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${ignoreComment(finding.file, finding.rule)}${eol}` }],
  };
}
