import type { SessionContext } from "./session-context";
import type { SessionTransition } from "./types";

// Prisma Migrate does not support MongoDB: there is no migration.sql to write. The notes say
// what to run instead, in the order that keeps sessions working.

export function mongodbNotes(c: SessionContext, transition: SessionTransition): string[] {
  const collection = `db.getCollection(${JSON.stringify(c.table.name)})`;
  const token = c.token.column;
  const noSql = "MongoDB has no SQL migrations (Prisma Migrate does not support it), so no migration folder is written.";
  switch (transition) {
    case "add-token":
      return [
        noSql,
        `1. In mongosh, give every existing session its id as token, so signed-in users stay signed in (≤ 0.8 used the id as the token): ` +
          `${collection}.updateMany({ ${token}: { $exists: false } }, [{ $set: { ${token}: "$_id" } }])`,
        `2. Then run \`npx prisma db push\`: it creates the unique index "${c.token.uniqueName}". ` +
          "Doing this first would fail: every session without a token counts as a duplicate null.",
      ];
    case "drop-token":
      return [
        noSql,
        `1. In mongosh, move each session to its token as _id (an _id cannot be changed in place, so each document is inserted again under the token and the old copy removed): ` +
          `${collection}.find({ ${token}: { $type: "string" } }).forEach((s) => { if (s._id === s.${token}) return; const { ${token}: t, ...rest } = s; ` +
          `${collection}.insertOne({ ...rest, _id: t }); ${collection}.deleteOne({ _id: s._id }); })`,
        `2. Then run \`npx prisma db push\`: it drops the index "${c.token.uniqueName}" that the removed field had.`,
        "Documents in other collections that stored a session's old _id keep the old value.",
      ];
    case "make-token-unique":
      return [
        noSql,
        `1. In mongosh, look for sessions that share a token: ` +
          `${collection}.aggregate([{ $group: { _id: "$${token}", count: { $sum: 1 } } }, { $match: { count: { $gt: 1 } } }])`,
        "2. If it lists any, keep one document per token (the one that expires last) and delete the others; they carry the same cookie token, so the user stays signed in.",
        `3. Then run \`npx prisma db push\`: it creates the unique index "${c.token.uniqueName}".`,
      ];
  }
}
