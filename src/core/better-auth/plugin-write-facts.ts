/**
 * Plugin fields that getAuthTables marks `required: false` but that every create path of their
 * plugin writes, so a required column for them is fine (field-optionality must not flag it).
 * `required: false` there means "the generator may make it optional", not "Better Auth leaves it
 * out". Each entry was read in the plugin's own code, in every version that has the table:
 *
 * - `invitation.role` (organization): POST /organization/invite-member takes `role` as a required
 *   body field (zod `role: z.string()` / `z.union([...])`, never `.optional()`, better-auth 0.8 …
 *   1.7.25 `plugins/organization/routes/crud-invites`), and `createInvitation` stores it
 *   (`adapter.mjs`). `createTeamInvitation` also passes `role`, and no endpoint calls it.
 */
const ALWAYS_WRITTEN: ReadonlySet<string> = new Set(["invitation.role"]);

/** `table` is Better Auth's table key (before modelName), `field` the field's key. */
export function pluginAlwaysWrites(table: string, field: string): boolean {
  return ALWAYS_WRITTEN.has(`${table}.${field}`);
}
