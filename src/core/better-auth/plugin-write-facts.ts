/**
 * Plugin fields that getAuthTables marks `required: false` but that every create path of their
 * plugin writes with a value, so a required column for them is fine (field-optionality must not
 * flag it). `required: false` there means "the generator may make it optional", not "Better Auth
 * leaves it out". Each entry was read in the plugin's own code, in the latest patch of every minor
 * that has the field and in the first version that added it; every create of the table was read.
 *
 * - `invitation.role` (organization): POST /organization/invite-member takes `role` as a required
 *   body field (zod `role: z.string()` / `z.union([...])`, never `.optional()`, better-auth 0.8 …
 *   1.7.25 `plugins/organization/routes/crud-invites`), and `createInvitation` stores it
 *   (`adapter.mjs`). `createTeamInvitation` also passes `role`, and no endpoint calls it.
 * - `teamMember.createdAt` (organization, teams; table from 1.3.0): every insert sets
 *   `createdAt: new Date()` — `findOrCreateTeamMember` (1.3.0, 1.3.34, 1.4.22, 1.5.6), also
 *   `addTeamMemberWithLimit` (1.6.34), `createTeamMemberWithKey` (1.7.0, 1.7.25), all in the
 *   organization adapter.
 * - `teamMember.membershipKey` (field from 1.7.0): `createTeamMemberWithKey`, the only insert,
 *   always writes the SHA-256 key `computeTeamMembershipKey` derives (1.7.0, 1.7.25 adapter.mjs).
 * - `deviceCode.clientId`, `deviceCode.pollingInterval` (deviceAuthorization, 1.3.8+): the one
 *   insert, POST /device/code, writes `clientId` from the required `client_id` (zod `z.string()`;
 *   1.7.25 rejects a missing one) and `pollingInterval: ms(opts.interval)` (`interval` defaults to
 *   "5s") — 1.3.8, 1.3.34 `plugins/device-authorization/index.mjs`; 1.4.22, 1.5.6, 1.6.34, 1.7.25
 *   `routes.mjs`. `scope`, `userId`, `lastPolledAt` can be left out.
 * - `jwks.alg` (jwt, field from 1.7.0): `createJwk` (`plugins/jwt/utils.mjs`, the only path to the
 *   adapter's insert) always writes `alg`, from `keyPairConfig` or the "EdDSA" default (1.7.0,
 *   1.7.25). `crv` is left out for RSA keys, `expiresAt` without `rotationInterval`.
 * - `passkey.createdAt`, `passkey.transports`, `passkey.aaguid` (passkey): the one insert,
 *   POST /passkey/verify-registration, writes `createdAt: new Date()` (recorded with a default
 *   before 1.0.6), `transports` as `transports.join(",")` (it throws, so no row, when the browser
 *   sent none; `?.join(",") ?? ""` in 1.7.6) and, from 1.2.9 where the field exists, `aaguid`,
 *   which @simplewebauthn/server 13 always returns (it rejects a registration without one):
 *   better-auth 0.8.8, 1.0.22, 1.1.21, 1.2.12, 1.3.34 `plugins/passkey`; @better-auth/passkey
 *   1.4.0, 1.7.6 `dist/index.mjs`. `name` is optional in the body and can be left out.
 * - `ssoProvider.userId` (sso inside better-auth, optional only in 1.3.24 … 1.3.34; required in
 *   the other versions and in @better-auth/sso): POST /sso/register runs behind
 *   `sessionMiddleware` and writes `userId: ctx.context.session.user.id`; it is the only insert of
 *   the table (1.3.24, 1.3.34 `plugins/sso/index.mjs`).
 * - `subscription.stripeCustomerId` (@better-auth/stripe, subscription enabled): POST
 *   /subscription/upgrade writes `stripeCustomerId: customerId`, which it takes from the user,
 *   organization or subscription or gets by creating the Stripe customer (else it throws), and the
 *   webhook that records a subscription made in the Stripe dashboard (1.4.10+) returns early
 *   without a customer id — @better-auth/stripe 1.2.4, 1.3.8, 1.4.10, 1.5.0, 1.6.0, 1.7.6.
 *
 * Read and left out (a create path can omit them, so the error is true): every other optional
 * plugin field, notably apikey.* (null when not given), oauthApplication.* / oauthAccessToken.userId
 * (the table key is shared with @better-auth/oauth-provider, whose client_credentials tokens have no
 * user), subscription.seats (no quantity on a metered price), team.updatedAt (the default team is
 * created without it, 1.2.0 … 1.3.7), user.lastLoginMethod, and fields plugins add to the core
 * tables: admin's user.role is written by its create hook from 1.2.0 only (`defaultRole: false`
 * skips it before) and a fact keyed by table and field would also cover an app's own
 * `additionalFields.role`.
 */
const ALWAYS_WRITTEN: ReadonlySet<string> = new Set([
  "invitation.role",
  "teamMember.createdAt",
  "teamMember.membershipKey",
  "deviceCode.clientId",
  "deviceCode.pollingInterval",
  "jwks.alg",
  "passkey.createdAt",
  "passkey.transports",
  "passkey.aaguid",
  "ssoProvider.userId",
  "subscription.stripeCustomerId",
]);

/** `table` is Better Auth's table key (before modelName), `field` the field's key. */
export function pluginAlwaysWrites(table: string, field: string): boolean {
  return ALWAYS_WRITTEN.has(`${table}.${field}`);
}
