import type { Block, Comment, Field } from "../schema/ast";

// prisma-lint's `///` form: `/// better-auth-doctor-ignore-model [rule, …]` anywhere in (or just
// above) a model, `/// better-auth-doctor-ignore [rule, …]` directly above a field. No rule list
// means every rule.

export const IGNORE_MODEL = "better-auth-doctor-ignore-model";
export const IGNORE_FIELD = "better-auth-doctor-ignore";

const PATTERN = /^\/\/\/?\s*(better-auth-doctor-ignore(?:-model)?)\b(.*)$/;

function matches(comments: readonly Comment[], directive: string, rule: string): boolean {
  for (const comment of comments) {
    const match = PATTERN.exec(comment.text);
    if (!match || match[1] !== directive) continue;
    const list = match[2]!.split(/[\s,]+/).filter((word) => word && word !== "-" && !word.startsWith("--"));
    if (list.length === 0 || list.includes(rule)) return true;
  }
  return false;
}

export function isSuppressed(rule: string, block: Block | undefined, field: Field | undefined): boolean {
  if (!block) return false;
  if (matches(block.comments, IGNORE_MODEL, rule) || matches(block.leadingComments, IGNORE_MODEL, rule)) return true;
  return !!field && matches(field.leadingComments, IGNORE_FIELD, rule);
}
