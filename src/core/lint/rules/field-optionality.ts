import { fieldAttribute } from "../../schema/query";
import { makeOptional } from "../../schema/edits";
import type { Rule } from "./rule";
import { presentExpectedFields } from "./expected-fields";

export const fieldOptionality: Rule = {
  id: "field-optionality",
  description: "Fields Better Auth may leave empty are optional (or have a default) in the schema.",
  defaultSeverity: "error",
  rationale:
    "Better Auth omits optional fields (image, ipAddress, userAgent, account tokens…) when it has no value. If the Prisma field is " +
    "required and has no default, that create fails (\"Argument `image` is missing\"). Plugin fields are judged the same way, except those " +
    "their plugin writes on every create although getAuthTables calls them optional, read in each plugin's code: organization()'s invitation.role (its invite endpoint " +
    "requires a role), teamMember.createdAt and membershipKey, deviceAuthorization()'s deviceCode.clientId and pollingInterval, jwt()'s jwks.alg, passkey()'s " +
    "createdAt, transports and aaguid, sso()'s ssoProvider.userId (1.3.24–1.3.34) and stripe()'s subscription.stripeCustomerId.",
  examples: {
    bad: { title: "A required image", schema: "model User {\n  image String\n}" },
    good: { title: "An optional image", schema: "model User {\n  image String?\n}" },
  },
  byVersion: [
    {
      versions: "0.4.0–1.2.5",
      behaviour:
        "Fields with `required: false` are passed only when the caller has a value; defaultValue is applied only where the internal adapter writes the field itself (createdAt, emailVerified…), so a required column for an optional field fails that create.",
      source: "better-auth@1.0.0 dist/db.js, dist/adapters/prisma.js (transformInput)",
    },
    {
      versions: "1.2.6–1.7.25",
      behaviour: "Same, but the database adapter fills every field's defaultValue itself on create, so a field with a defaultValue (additionalFields included) is never left out.",
      source: "better-auth@1.2.6 dist/shared (createAdapter transformInput); @better-auth/core@1.7.25 dist/db/adapter/index.mjs",
    },
  ],
  check(context) {
    for (const { block, expected, field } of presentExpectedFields(context)) {
      const type = field.type;
      // A field Better Auth fills itself (defaultValue, onUpdate) is never left out.
      if (expected.required || expected.isId || expected.writtenByBetterAuth || expected.alwaysWritten || !type || type.optional || type.list) continue;
      if (fieldAttribute(field, "default") || fieldAttribute(field, "updatedAt")) continue;
      context.report({
        range: field.range,
        file: block.file,
        model: block,
        field: field.name,
        message:
          `${block.name}.${field.name} is required, but ${context.versionLabel} treats it as optional and leaves it out when it has ` +
          `no value, so that create fails ("Argument \`${field.name}\` is missing"). The fix makes it ${type.name}?.`,
        fix: { title: `Make ${block.name}.${field.name} optional`, edits: [makeOptional(block.file, field)!] },
      });
    }
  },
};
