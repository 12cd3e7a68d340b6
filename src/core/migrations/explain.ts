import type { SessionContext } from "./session-context";

// The comment above each statement: why it is there, in the words a reviewer of the migration
// needs. Shared by every dialect so the files read the same whatever the database.

export const why = {
  addNullable: (c: SessionContext) =>
    `Better Auth ≥ 1.0 looks sessions up by "${c.token.column}". Add the column without NOT NULL first: existing rows have no value for it yet.`,
  copyIdIntoToken: (c: SessionContext) =>
    `Up to 0.8 the session id IS the token the cookie carries. Copying "${c.id.name}" into "${c.token.column}" keeps every signed-in user signed in after the upgrade.`,
  setNotNull: (c: SessionContext) => `Every row has a token now; make the column required, as \`${c.token.field} String\` is in the schema.`,
  createUnique: (c: SessionContext) =>
    `Unique, because Better Auth ≥ 1.0 updates sessions with \`where: { ${c.token.field} }\`; named as Prisma names it ("${c.token.uniqueName}") so \`prisma migrate dev\` sees no drift.`,
  copyTokenIntoId: (c: SessionContext) =>
    `Better Auth ≤ 0.8 looks sessions up by "${c.id.name}" = the cookie's token. Give each session its token as id so signed-in users stay signed in (the old id values are replaced; rows without a token keep theirs).`,
  dropIndex: (name: string) => `The index "${name}" covers the token column that goes next; drop it first, as Prisma does.`,
  dropColumn: (c: SessionContext) => `Better Auth ≤ 0.8 never writes "${c.token.column}"; its value now lives in "${c.id.name}".`,
  guardDuplicates: (c: SessionContext) =>
    `Stop with a clear message, before anything changes, if several sessions share a token: the unique index below cannot be created then. See the notes of the fix for how to find and resolve them.`,
  deleteDuplicates: (c: SessionContext) =>
    `You chose to resolve sessions that share a token: keep the one that ${c.expiresAt ? `expires last ("${c.expiresAt.name}")` : `has the greatest id`} and delete the others. ` +
    `They carry the same cookie token, so the user stays signed in with the session that is kept.`,
};

export function duplicateMessage(c: SessionContext): string {
  return (
    `Better Auth Doctor: several rows of ${c.table.name} share a ${c.token.column}, so it cannot be made unique. ` +
    `Find them with the duplicate check of the fix, then delete the older copies (or regenerate the migration choosing "keep the latest session").`
  );
}
