import { prismaFieldName, findMappedField } from "../../better-auth/resolve-models";
import { deleteLine, formatField, insertField, appendAttribute, removeAttribute } from "../../schema/edits";
import type { TextEdit } from "../findings";
import type { Block } from "../../schema/ast";
import { attributeFieldList, blockAttributes, defaultCall, fieldAttribute, idField, isUnique } from "../../schema/query";
import type { Rule, RuleContext } from "./rule";

// The one mismatch that makes every request answer "session not found": Better Auth looks the
// cookie's token up in `Session.id` up to 0.8 and in `Session.token` from 1.0.0 (PR #595).

function checkLegacy(context: RuleContext, session: Block): void {
  const token = findMappedField(session, "session", "token", context.config);
  if (token) {
    const edits: TextEdit[] = [deleteLine(session.file, token.range.start.line)];
    // A `@@unique([token])` would point at a field that no longer exists.
    for (const attribute of [...blockAttributes(session, "unique"), ...blockAttributes(session, "index")]) {
      const list = attributeFieldList(attribute);
      if (list.length === 1 && list[0] === token.name) edits.push(deleteLine(session.file, attribute.range.start.line));
    }
    const required = token.type && !token.type.optional && !fieldAttribute(token, "default");
    context.report({
      range: token.range,
      file: session.file,
      model: session,
      field: token.name,
      message:
        `${session.name}.${token.name} does not belong in the session layout of ${context.versionLabel}: up to 0.8 the session id is the token ` +
        `and Better Auth looks sessions up by \`id\`; it never writes \`${token.name}\`` +
        (required ? ", so creating a session fails on the missing required value." : ", so the column stays empty and misleads anyone reading it.") +
        " The fix removes the field (the migration copies it into `id` so signed-in users stay signed in).",
      fix: {
        title: `Remove ${session.name}.${token.name} (Better Auth ≤ 0.8 keeps the token in id)`,
        edits,
        migration: { kind: "session", transition: "drop-token", tokenField: token.name },
      },
    });
  }
  const id = idField(session);
  const fieldDefault = id && fieldAttribute(id, "default");
  if (id && fieldDefault) {
    context.report({
      range: fieldDefault.range,
      file: session.file,
      model: session,
      field: id.name,
      message:
        `${session.name}.${id.name} must not have a database default under ${context.versionLabel}: the id is the session token, ` +
        `which Better Auth generates itself (generateId(32)) and signs into the cookie; a default such as ${defaultCall(id) ?? "this"}() ` +
        "hides a missing token and breaks inserts when the column type does not fit. The fix removes the default.",
      fix: {
        title: `Remove the default from ${session.name}.${id.name}`,
        edits: [removeAttribute(session.file, fieldDefault, context.lineText(session.file, fieldDefault.range.start.line))],
      },
    });
  }
}

function checkCurrent(context: RuleContext, session: Block): void {
  const tokenName = prismaFieldName("session", "token", context.config);
  const token = session.fields.find((field) => field.name === tokenName);
  if (!token) {
    const id = idField(session);
    const looksLegacy = !!id && !fieldAttribute(id, "default");
    const line = formatField(session, tokenName, "String", ["@unique"]);
    context.report({
      range: session.nameRange,
      file: session.file,
      model: session,
      message:
        `${session.name} has no \`${tokenName}\` field, but ${context.versionLabel} looks every session up by \`${tokenName}\` ` +
        "(since 1.0.0 the token is no longer the id), so sign-in succeeds and every later request answers \"session not found\"." +
        (looksLegacy ? ` This is the ≤ 0.8 layout (the common "make id the token" fix), which breaks 1.x apps.` : "") +
        ` The fix adds \`${tokenName} String @unique\` (the migration fills it from \`id\` so existing sessions keep working).`,
      fix: {
        title: `Add ${session.name}.${tokenName} String @unique`,
        edits: [insertField(session, id, line, (n) => context.lineText(session.file, n))],
        migration: { kind: "session", transition: "add-token", tokenField: tokenName },
      },
    });
    return;
  }
  if (!isUnique(session, token)) {
    context.report({
      range: token.range,
      file: session.file,
      model: session,
      field: token.name,
      message:
        `${session.name}.${token.name} must be unique for ${context.versionLabel}: Better Auth refreshes sessions with ` +
        `\`update({ where: { ${token.name} } })\`, which Prisma accepts only for unique fields ` +
        `(PrismaClientValidationError "needs at least one of \`id\`"). The fix adds @unique.`,
      fix: {
        title: `Make ${session.name}.${token.name} @unique`,
        edits: [appendAttribute(session.file, token, "@unique")],
        migration: { kind: "session", transition: "make-token-unique", tokenField: token.name },
      },
    });
  }
}

export const sessionTokenLayout: Rule = {
  id: "session-token-layout",
  description: "The Session model keeps the cookie token in the column the installed Better Auth version reads.",
  defaultSeverity: "error",
  rationale:
    "Better Auth ≤ 0.8 looks a session up by `Session.id` (the id is the token); from 1.0.0 it looks it up by a separate, unique " +
    "`Session.token`. A model in the other version's layout lets sign-in succeed and then answers \"session not found\" on every request. " +
    "The popular advice to drop `token` and make `id` the token is right only for ≤ 0.8.",
  examples: {
    bad: { title: "Better Auth 1.x with the ≤ 0.8 layout", schema: "model Session {\n  id        String   @id\n  expiresAt DateTime\n  userId    String\n}" },
    good: { title: "Better Auth 1.x", schema: "model Session {\n  id        String   @id\n  token     String   @unique\n  expiresAt DateTime\n  userId    String\n}" },
  },
  byVersion: [
    {
      versions: "0.4.0–0.8.8",
      behaviour: "createSession writes `id: generateId()` and no token; findSession, updateSession and deleteSession use `where id = <cookie token>`. A `token` column is never written.",
      source: "better-auth@0.8.8 dist/db.js (createInternalAdapter)",
    },
    {
      versions: "1.0.0–1.7.25",
      behaviour:
        "createSession writes `token: generateId(32)` beside its own id; findSession, updateSession and deleteSession use `where token = <cookie token>`. The Prisma adapter turns the update into `prisma.session.update({ where: { token } })`, which Prisma accepts only for a unique field.",
      source: "better-auth@1.0.0 dist/db.js and dist/adapters/prisma.js; better-auth@1.7.25 dist/db/internal-adapter.mjs, @better-auth/prisma-adapter@1.7.25 dist/index.mjs (update)",
    },
  ],
  check(context) {
    const session = context.models.get("session")?.block;
    if (!session) return;
    if (context.layout.sessionTokenColumn === "id") checkLegacy(context, session);
    else checkCurrent(context, session);
  },
};
